import { describe, expect, it } from 'vitest';
import { escapeDiscord } from '../../src/adapters/discord/escape.ts';
import { escapeSlack } from '../../src/adapters/slack/escape.ts';
import { testApp } from '../helpers/app.ts';

/** Member text shown by the bot cannot become a link, a code block, a mention or markdown. */
const HOSTILE = [
  '[free nitro](https://evil.example/x)',
  'a```b',
  '@everyone',
  '<@123456789>',
  '**big** _i_ ~s~',
];

describe('display names', () => {
  it.each(HOSTILE)('GIVEN the name %j on Discord THEN every markdown character is escaped', (name) => {
    const escaped = escapeDiscord(name);
    // Every special character is preceded by a backslash (an odd run of backslashes).
    for (const match of escaped.matchAll(/[*_~`|>#\-[\]()<:@!.]/g))
      expect(escaped.slice(0, match.index).match(/\\*$/)?.[0].length ?? 0).toBeGreaterThan(0);
    expect(escaped.replace(/\\(.)/g, '$1')).toBe(name);
  });

  it.each(HOSTILE)('GIVEN the name %j on Slack THEN * _ ~ and backticks cannot format', (name) => {
    const escaped = escapeSlack(name);
    expect(escaped.replaceAll('\u200b', '')).toBe(name);
    expect(escaped).not.toMatch(/(^|[^\u200b])[*_~`]/);
  });
});

describe('inline-code echoes', () => {
  it('GIVEN /file show with a name holding backticks THEN the echo stays one code span', () => {
    const t = testApp();
    const text = t.say('alice', '/file show a`**b**`[x](https://evil.example)');
    expect(text.match(/`/g)).toHaveLength(4); // the name's span and `/file list`
    expect(text).toContain('ˋ**b**ˋ');
  });

  it('GIVEN /file save with a bad name holding backticks THEN the echo stays one code span', () => {
    const t = testApp();
    const text = t.say('alice', '/file save `x`@everyone\n```yaml\na: 1\n```');
    expect(text.split('cannot be a file name')[0]?.match(/`/g)).toHaveLength(2);
  });

  it('GIVEN an unquoted selector with backticks THEN the hint keeps its code spans closed', () => {
    const t = testApp(':memory:', [], { guide: true });
    const text = t.say('alice', 'kubectl get po -l env in (a`,b`)');
    const hint = text.split('\n').find((l) => l.startsWith('💡')) ?? '';
    expect(hint).not.toBe('');
    expect(hint.match(/`/g)?.length).toBe(6);
  });
});
