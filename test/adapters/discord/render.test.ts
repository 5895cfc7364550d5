import { ButtonStyle, ComponentType } from 'discord.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIdTable } from '../../../src/adapters/discord/custom-id.ts';
import {
  CONTENT_MAX,
  countdown,
  escapeCode,
  MAX_PIECES,
  renderReply,
  renderSingle,
  splitContent,
} from '../../../src/adapters/discord/render.ts';
import { type Choice, codeReply, type Reply, textReply } from '../../../src/chat/reply.ts';

const options = () => ({ ids: createIdTable(), lang: 'en' as const });
const choices = (n: number, label = (i: number) => `choice ${i}`): Choice[] =>
  Array.from({ length: n }, (_, i) => ({
    id: String.fromCharCode(65 + (i % 26)) + i,
    label: label(i),
    action: `/quiz answer #1.1 ${i}`,
  }));
const withChoices = (list: Choice[], extra: Partial<Reply> = {}): Reply => ({
  ...textReply('Question?'),
  choices: list,
  ...extra,
});

describe('renderReply', () => {
  it('GIVEN kubectl output WHEN rendered THEN one message with the output in a code block', () => {
    const [message, ...rest] = renderReply(codeReply('NAME    READY\nkubia   1/1'), options());
    expect(rest).toEqual([]);
    expect(message).toEqual({ content: '```\nNAME    READY\nkubia   1/1\n```', components: [], file: null });
  });

  it('GIVEN text and code blocks WHEN rendered THEN the text stays markdown and the code is fenced', () => {
    const reply: Reply = {
      ...textReply('Saved `pod.yaml`.'),
      blocks: [
        { kind: 'text', text: 'Saved `pod.yaml`.' },
        { kind: 'code', text: 'x' },
      ],
    };
    expect(renderReply(reply, options())[0]?.content).toBe('Saved `pod.yaml`.\n```\nx\n```');
  });

  it('GIVEN two text blocks WHEN rendered THEN a blank line separates them', () => {
    const reply: Reply = {
      ...textReply('a'),
      blocks: [
        { kind: 'text', text: 'a' },
        { kind: 'text', text: 'b' },
      ],
    };
    expect(renderReply(reply, options())[0]?.content).toBe('a\n\nb');
  });

  it('GIVEN output holding ``` WHEN rendered THEN every backtick run is broken by a zero-width joiner', () => {
    const content = renderReply(codeReply('a ``` b\n```\n````'), options())[0]?.content ?? '';
    expect(content.split('```')).toHaveLength(3);
    expect(content).toBe('```\na `\u200d`\u200d` b\n`\u200d`\u200d`\n`\u200d`\u200d`\u200d`\n```');
  });

  it('GIVEN a deadline WHEN rendered THEN a native relative timestamp ends the message', () => {
    const deadline = Date.UTC(2025, 0, 15, 10, 0, 30);
    const content = renderReply({ ...textReply('Q?'), deadline }, options())[0]?.content;
    expect(content).toBe(`Q?\n⏳ <t:${deadline / 1000}:R>`);
    expect(countdown(deadline + 1)).toBe(`⏳ <t:${deadline / 1000 + 1}:R>`);
  });

  it('GIVEN an empty reply WHEN rendered THEN a zero-width body keeps Discord from refusing it', () => {
    expect(renderReply(codeReply(''), options())).toEqual([
      { content: '\u200b', components: [], file: null },
    ]);
  });

  it('GIVEN 7 choices WHEN rendered THEN buttons in rows of 5 and 2 whose ids decode to the actions', () => {
    const render = options();
    const [message] = renderReply(withChoices(choices(7)), render);
    const rows = message?.components ?? [];
    expect(rows.map((r) => r.components.length)).toEqual([5, 2]);
    const first = rows[0]?.components[0];
    expect(first).toMatchObject({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: 'choice 0',
    });
    const ids = rows.flatMap((r) => r.components.map((c) => ('custom_id' in c ? c.custom_id : '')));
    expect(ids.map((id) => render.ids.decode(id))).toEqual(
      choices(7).map((c) => ({ kind: 'c', text: c.action })),
    );
  });

  it('GIVEN 30 choices with long, backticked labels WHEN rendered THEN at most 25 buttons, labels ≤ 80 without backticks', () => {
    const [message] = renderReply(
      withChoices(choices(30, (i) => `\`kubectl get po\` ${'x'.repeat(100)} ${i}`)),
      options(),
    );
    const buttons = (message?.components ?? []).flatMap((r) => r.components);
    expect(message?.components).toHaveLength(5);
    expect(buttons).toHaveLength(25);
    for (const b of buttons) {
      const label = 'label' in b ? (b.label ?? '') : '';
      expect(label.length).toBeLessThanOrEqual(80);
      expect(label).toMatch(/^kubectl get po x+…$/);
    }
  });

  it('GIVEN an action too long for a custom_id WHEN rendered THEN the id stays ≤ 100 and still decodes', () => {
    const render = options();
    const action = `/quiz answer ${'y'.repeat(150)}`;
    const [message] = renderReply(withChoices([{ id: 'A', label: 'A', action }]), render);
    const button = message?.components[0]?.components[0];
    const id = button !== undefined && 'custom_id' in button ? button.custom_id : '';
    expect(id.length).toBeLessThanOrEqual(100);
    expect(render.ids.decode(id)).toEqual({ kind: 'c', text: action });
  });

  it('GIVEN a multiple selection WHEN rendered THEN a select menu of the choices and a submit button from the catalogue', () => {
    const render = { ...options(), lang: 'ko' as const };
    const [message] = renderReply(withChoices(choices(4), { multiSelect: true }), render);
    const [menuRow, submitRow] = message?.components ?? [];
    const menu = menuRow?.components[0];
    expect(menu).toMatchObject({ type: ComponentType.StringSelect, min_values: 1, max_values: 4 });
    const values =
      menu !== undefined && 'options' in menu ? menu.options.map((o) => render.ids.decode(o.value)) : [];
    expect(values).toEqual(choices(4).map((c) => ({ kind: 'm', text: c.action })));
    expect(submitRow?.components).toEqual([
      expect.objectContaining({ type: ComponentType.Button, label: '제출' }),
    ]);
  });

  it('GIVEN output that needs more than the allowed pieces WHEN rendered THEN one text file holds it all', () => {
    const text = Array.from({ length: 2000 }, (_, i) => `line ${i}`).join('\n');
    const messages = renderReply({ ...codeReply(text), choices: choices(2) }, options());
    expect(messages).toHaveLength(1);
    expect(messages[0]?.file).toEqual({ name: 'output.txt', text });
    expect(messages[0]?.components).toHaveLength(1);
  });

  it('GIVEN a long reply WHEN rendered as a single channel post THEN a file, so the post can be edited later', () => {
    const text = 'z'.repeat(3000);
    const message = renderSingle({ ...codeReply(text), deadline: 60_000 }, options());
    expect(message.file?.text).toBe(text);
    expect(message.content).toBe('⏳ <t:60:R>');
  });
});

describe('splitContent', () => {
  const line = fc.string({ unit: fc.constantFrom('a', ' ', '`', '한', '-', '\u200d'), maxLength: 300 });
  const code = fc.array(line, { minLength: 1, maxLength: 60 }).map((lines) => lines.join('\n'));

  it('GIVEN any code output WHEN split THEN every piece fits, is one closed code block, and together they are the output', () => {
    fc.assert(
      fc.property(code, fc.integer({ min: 200, max: CONTENT_MAX }), (text, limit) => {
        const pieces = splitContent([{ kind: 'code', text }], [], limit);
        for (const piece of pieces) {
          expect(piece.length).toBeLessThanOrEqual(limit);
          expect(piece).toMatch(/^```\n[\s\S]*\n```$/);
          expect(piece.split('```')).toHaveLength(3);
        }
        const inner = pieces.map((p) => p.slice(4, -4)).join('\n');
        expect(inner).toBe(escapeCode(text));
      }),
    );
  });

  it('GIVEN a single 5,000-character line WHEN split THEN it is cut into pieces that each fit', () => {
    const pieces = splitContent([{ kind: 'code', text: 'q'.repeat(5000) }], ['⏳ <t:1:R>'], CONTENT_MAX);
    expect(pieces.length).toBe(3);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(CONTENT_MAX);
    expect(pieces.map((p) => p.replace(/```|\n|⏳ <t:1:R>/g, '')).join('')).toBe('q'.repeat(5000));
    expect(pieces[2]?.endsWith('```\n⏳ <t:1:R>')).toBe(true);
  });

  it('GIVEN text, then code near the end of a piece WHEN split THEN the code block starts in the next piece', () => {
    const blocks = [
      { kind: 'text' as const, text: 't'.repeat(1990) },
      { kind: 'code' as const, text: 'abc' },
    ];
    expect(splitContent(blocks, [], CONTENT_MAX)).toEqual(['t'.repeat(1990), '```\nabc\n```']);
  });

  it(`GIVEN 6,000 characters of output WHEN rendered THEN it is split into at most ${MAX_PIECES} messages`, () => {
    const text = Array.from(
      { length: 120 },
      (_, i) => `${String(i).padStart(3, '0')} ${'x'.repeat(45)}`,
    ).join('\n');
    expect(text.length).toBeGreaterThan(5900);
    const messages = renderReply(codeReply(text), options());
    expect(messages.length).toBeGreaterThan(2);
    expect(messages.length).toBeLessThanOrEqual(MAX_PIECES);
  });
});
