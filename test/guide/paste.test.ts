import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../src/chat/message.ts';
import { testApp } from '../helpers/app.ts';

const MANIFEST =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: kubia-manual\nspec:\n  containers:\n  - name: kubia\n    image: luksa/kubia';

describe('a manifest pasted without a fence', () => {
  it('GIVEN kubectl apply -f - with the manifest on the next lines, no backticks THEN it is applied as meant', () => {
    const t = testApp(':memory:', [], { guide: true });
    const reply = t.send('learner', `kubectl apply -f -\n${MANIFEST}`);
    expect(reply.blocks).toEqual([{ kind: 'code', text: 'pod/kubia-manual created' }]);
    expect(t.say('learner', 'kubectl get po kubia-manual -o name')).toBe('pod/kubia-manual');
  });

  it('GIVEN /file save NAME with the manifest on the next lines THEN it is saved', () => {
    const t = testApp();
    expect(t.say('learner', `/file save kubia-manual.yaml\n${MANIFEST}`)).toMatch(
      /^Saved `kubia-manual.yaml`/,
    );
  });

  it('GIVEN a command that reads no input THEN only its first line is the message, as before', () => {
    expect(parseMessage('kubectl get po\nkubectl get nodes')).toEqual({
      ok: true,
      value: { command: 'kubectl get po', stdin: null },
    });
  });

  it('GIVEN a manifest sent on its own (after `kubectl apply -f -` in a message before it) THEN the guide shows how to send it, and nothing is created', () => {
    const t = testApp(':memory:', [], { guide: true });
    expect(t.say('learner', 'kubectl apply -f -')).toContain('💡 kubectl got no manifest.');
    for (const message of [MANIFEST, `\`\`\`yaml\n${MANIFEST}\n\`\`\``]) {
      const reply = t.send('learner', message);
      expect(reply.ok).toBe(false);
      expect(reply.blocks).toHaveLength(1);
      expect(reply.blocks[0]?.text).toMatch(/^💡 That looks like a manifest, but no command came with it\./);
    }
    expect(t.say('learner', 'kubectl get po')).toBe('No resources found in default namespace.');
  });
});
