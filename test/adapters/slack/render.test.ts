import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { combinedAction } from '../../../src/adapters/slack/choices.ts';
import { renderReply, renderWithin, type SlackMessage } from '../../../src/adapters/slack/render.ts';
import type { Choice, Reply } from '../../../src/chat/reply.ts';
import { T0 } from '../../helpers/app.ts';
import { checkMessage } from './fake/blocks.ts';

const ctx = { lang: 'en', now: T0 } as const;
const code = (text: string): Reply => ({
  ok: true,
  blocks: [{ kind: 'code', text }],
  choices: [],
  visibility: 'public',
});
const sections = (m: SlackMessage) =>
  m.blocks.flatMap((b) => (b.type === 'section' && b.text !== undefined ? [b.text.text] : []));
const unescaped = (s: string) =>
  s
    .replace(/\u200b/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const codeText = (messages: SlackMessage[]) =>
  messages
    .flatMap(sections)
    .map((s) => unescaped(s.replace(/^```\n/, '').replace(/\n```$/, '')))
    .join('\n');
const choices = (n: number): Choice[] =>
  Array.from({ length: n }, (_, i) => ({
    id: String(i),
    label: `Option ${i}`,
    action: `/quiz answer 1 ${i}`,
  }));

describe('rendering a Reply as Block Kit', () => {
  it('GIVEN a kubectl table WHEN rendered THEN one message: a ``` section, and the first line as fallback text', () => {
    const [message, ...rest] = renderReply(code('NAME    READY\nkubia   1/1'), ctx);
    expect(rest).toEqual([]);
    expect(message?.text).toBe('NAME    READY');
    expect(message?.blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: '```\nNAME    READY\nkubia   1/1\n```' } },
    ]);
  });

  it('GIVEN output with <!channel>, <@U123> and & WHEN rendered THEN they are escaped everywhere, fallback included', () => {
    const [message] = renderReply(code('<!channel> <!here> <@U123> a&b'), ctx);
    expect(message?.text).toBe('&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; a&amp;b');
    expect(JSON.stringify(message)).not.toMatch(/<[!@#]/);
  });

  it('GIVEN output containing ``` WHEN rendered THEN the code block cannot be closed early', () => {
    const [message] = renderReply(code('a\n```\n*bold* <!channel>'), ctx);
    const text = message === undefined ? '' : (sections(message)[0] ?? '');
    expect(text.match(/```/g)).toHaveLength(2);
  });

  it('GIVEN an empty output WHEN rendered THEN it is an empty box, not an empty (refused) section', () => {
    const [message] = renderReply(code(''), ctx);
    expect(message === undefined ? null : checkMessage(message.text, message.blocks)).toBeNull();
  });

  it('GIVEN any output WHEN rendered THEN every message passes the strict fake and the output survives whole', () => {
    const line = fc.oneof(
      fc.string({ maxLength: 120 }),
      fc.constantFrom('<!channel>', '&&&&', '```', '<<<<>>>>', 'é한글😀'),
      fc.string({ minLength: 2900, maxLength: 3100 }),
    );
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 60 }), (lines) => {
        const text = lines.join('\n');
        const messages = renderReply(code(text), ctx);
        for (const m of messages) expect(checkMessage(m.text, m.blocks)).toBeNull();
        // An empty output shows as an empty box (one space); see the test above.
        const shown = text === '' ? ' ' : text;
        // Lines longer than a section are cut between characters, so compare without newlines.
        expect(codeText(messages).replace(/\n/g, '')).toBe(shown.replace(/\n/g, ''));
        if (lines.every((l) => l.length < 500)) expect(codeText(messages)).toBe(shown);
      }),
      { numRuns: 60 },
    );
  });

  it('GIVEN 40,000 characters WHEN rendered within 1 message THEN it is cut at a line and says how many lines are missing', () => {
    const text = Array.from({ length: 1000 }, (_, i) => `line ${i} ${'x'.repeat(34)}`).join('\n');
    const messages = renderWithin(code(text), ctx, 1);
    expect(messages).toHaveLength(1);
    const [message] = messages;
    expect(message === undefined ? 'missing' : checkMessage(message.text, message.blocks)).toBeNull();
    expect(JSON.stringify(message)).toMatch(/… and \d+ more lines, not shown here\./);
  });

  it('GIVEN three choices WHEN rendered THEN one actions block of buttons whose values are the actions', () => {
    const reply: Reply = { ...code('Q1'), choices: choices(3) };
    const [message] = renderReply(reply, ctx);
    const actions = message?.blocks.filter((b) => b.type === 'actions') ?? [];
    expect(actions).toHaveLength(1);
    expect(JSON.stringify(actions[0])).toContain('"value":"/quiz answer 1 2"');
    expect(JSON.stringify(actions[0])).toContain('"action_id":"podium.choice.2"');
  });

  it('GIVEN thirty choices WHEN rendered THEN two actions blocks (25 + 5), accepted by the fake', () => {
    const [message] = renderReply({ ...code('Q'), choices: choices(30) }, ctx);
    const actions = message?.blocks.filter((b) => b.type === 'actions') ?? [];
    expect(actions.map((a) => (a.type === 'actions' ? a.elements.length : 0))).toEqual([25, 5]);
    expect(message === undefined ? 'missing' : checkMessage(message.text, message.blocks)).toBeNull();
  });

  it('GIVEN a multiple selection WHEN rendered THEN checkboxes and a submit button; past ten options a multi-select menu', () => {
    const [few] = renderReply({ ...code('Q'), choices: choices(4), multiSelect: true }, ctx);
    expect(JSON.stringify(few)).toContain('"type":"checkboxes"');
    expect(JSON.stringify(few)).toContain('"action_id":"podium.submit"');
    const [many] = renderReply({ ...code('Q'), choices: choices(12), multiSelect: true }, ctx);
    expect(JSON.stringify(many)).toContain('"type":"multi_static_select"');
    for (const m of [few, many])
      expect(m === undefined ? 'missing' : checkMessage(m.text, m.blocks)).toBeNull();
  });

  it('GIVEN a deadline 30 s away WHEN rendered THEN a context line with Slack’s date token and the seconds left', () => {
    const [message] = renderReply({ ...code('Q'), choices: choices(2), deadline: T0 + 30_000 }, ctx);
    const context = message?.blocks.find((b) => b.type === 'context');
    const unix = (T0 + 30_000) / 1000;
    expect(JSON.stringify(context)).toContain(
      `Answers close at <!date^${unix}^{time_secs}|10:00:30 UTC> (30 s left).`,
    );
    const [ko] = renderReply({ ...code('Q'), deadline: T0 + 30_000 }, { lang: 'ko', now: T0 });
    expect(JSON.stringify(ko)).toContain('30초 남음');
  });
});

describe('combining a multiple selection', () => {
  it.each([
    [['/quiz answer 3 a', '/quiz answer 3 c'], '/quiz answer 3 a,c'],
    [['/quiz answer 3 b'], '/quiz answer 3 b'],
    [['/quiz answer 3 c', '/quiz answer 3 a'], '/quiz answer 3 a,c'],
    [[], '/quiz answer 3'],
  ])('GIVEN %j picked THEN %s is dispatched', (picked, expected) => {
    expect(combinedAction(picked, ['/quiz answer 3 a', '/quiz answer 3 b', '/quiz answer 3 c'])).toBe(
      expected,
    );
  });
});
