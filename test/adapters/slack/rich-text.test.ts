import { describe, expect, it } from 'vitest';
import { readMention, unglueFences } from '../../../src/adapters/slack/rich-text.ts';

describe('Slack composer fences', () => {
  it.each([
    [
      'glued on both sides',
      'apply -f -\n```apiVersion: v1\nkind: Pod```',
      'apply -f -\n```\napiVersion: v1\nkind: Pod\n```',
    ],
    ['a language tag kept as a tag', 'x\n```yaml\na: 1```', 'x\n```\na: 1\n```'],
    ['already on lines of their own', 'x\n```\na: 1\n```', 'x\n```\na: 1\n```'],
    ['one line', 'x ```a: 1``` y', 'x ```\na: 1\n``` y'],
    ['no closing fence: left for the core to refuse', 'x\n```a: 1', 'x\n```a: 1'],
    ['no fence', 'kubectl get po', 'kubectl get po'],
  ])('GIVEN %s WHEN unglued THEN the fences stand on their own lines', (_name, text, expected) => {
    expect(unglueFences(text)).toBe(expected);
  });

  it('GIVEN blocks with a rich_text_preformatted WHEN read THEN the command line comes from the text and stdin from the block, raw', () => {
    const blocks = [
      {
        type: 'rich_text',
        elements: [
          {
            type: 'rich_text_section',
            elements: [
              { type: 'user', user_id: 'UBOT' },
              { type: 'text', text: ' kubectl apply -f -\n' },
            ],
          },
          {
            type: 'rich_text_preformatted',
            elements: [
              { type: 'text', text: 'yaml\nnote: a<b&c\nurl: ' },
              { type: 'link', url: 'http://x.example/' },
            ],
          },
        ],
      },
    ];
    const text = '<@UBOT> kubectl apply -f -\n```yaml\nnote: a&lt;b&amp;c\nurl: <http://x.example/>```';
    expect(readMention(text, blocks)).toEqual({
      text: 'kubectl apply -f -',
      stdin: 'note: a<b&c\nurl: http://x.example/\n',
    });
    expect(readMention('<@UBOT> kubectl get po', [])).toEqual({ text: 'kubectl get po' });
  });
});
