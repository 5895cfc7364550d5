import { describe, expect, it } from 'vitest';
import { messageOf, parseMessage } from '../../src/chat/message.ts';
import { createRandom } from '../../src/quiz/random.ts';

/**
 * `messageOf` keeps its last answer (dispatch asks, then the guide asks again of the same
 * request). Over seeded requests, asked in any order and again, each answer must equal the
 * message worked out afresh, and no caller may change the kept one.
 */
describe('the message of a request', () => {
  it('GIVEN seeded requests, some asked twice in a row, some with stdin apart THEN each answer equals the fresh one', () => {
    const random = createRandom('message-of');
    const lines = ['kubectl get po', 'kubectl apply -f -', '/file save web', 'kubectl get po\r\nmore', ''];
    const bodies = ['', '```yaml\napiVersion: v1\n```', '```\nunclosed', '```\n```'];
    let checked = 0;
    for (let i = 0; i < 500; i++) {
      const text = `${lines[random.int(lines.length)]}\n${bodies[random.int(bodies.length)]}`;
      const stdin = random.next() < 0.3 ? `stdin ${i % 3}` : undefined;
      const request = stdin === undefined ? { text } : { text, stdin };
      const expected =
        stdin === undefined
          ? parseMessage(text)
          : { ok: true, value: { command: text.split('\n')[0]?.trim() ?? '', stdin } };
      for (let again = random.next() < 0.5 ? 2 : 1; again > 0; again--) {
        expect(messageOf(request)).toEqual(expected);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(600);
  });

  it('GIVEN a message asked for THEN the answer kept cannot be changed by whoever got it', () => {
    const request = { text: 'kubectl get po' };
    const first = messageOf(request);
    expect(() => {
      if (first.ok) (first.value as { command: string }).command = 'kubectl delete po --all';
    }).toThrow(TypeError);
    expect(messageOf(request)).toEqual(parseMessage('kubectl get po'));
  });
});
