import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GROUP_BANK_YAML } from '../adapters/group-bank.ts';
import { runConsole, tempDbPath } from '../helpers/console.ts';

/**
 * The study group through the real `podium console --json --no-timers`, several members by
 * `@name` (the console's own user, alice, is a moderator; the others are members). The quiz
 * plays the two known questions of the group bank (a single choice keyed B and a multi-select
 * keyed A and B), in the order the quiz draws them: whichever comes first, alice's A misses or
 * half-scores, bob's B scores or half-scores, and carol's late A on question 2 is recorded.
 */
function groupBankDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'podium-group-bank-'));
  writeFileSync(join(dir, 'group.yaml'), GROUP_BANK_YAML);
  return dir;
}

describe('a study group in the console', () => {
  it('GIVEN alice, bob and carol WHEN they share output, look at a shared sandbox and play a live quiz with a lobby THEN every step answers as the group needs', () => {
    const script = [
      '@bob kubectl run web --image=nginx',
      '@bob /share 1',
      '@bob /sandbox share on',
      'kubectl --context=bob get po',
      'kubectl --context=bob delete po web',
      'kubectl --context=carol get po',
      'kubectl config get-contexts',
      '@bob /sandbox share',
      '/quiz start group 2 lobby:30',
      '/quiz join',
      '@bob /quiz join',
      '@bob /quiz stop',
      '/quiz next',
      '/quiz answer #1.1 A',
      '@bob /quiz answer #1.1 B',
      '@carol /quiz answer #1.2 A',
      '/quiz answer #1.2 A',
      '@bob /quiz answer #1.2 B',
      '@carol /quiz practice missed:1',
    ].join('\n');
    const { lines, status } = runConsole(
      `${script}\n`,
      ['--user', 'alice', '--db', tempDbPath('podium-group-'), '--no-timers'],
      { PODIUM_QUIZZES_DIR: groupBankDir() },
    );
    expect(status).toBe(0);
    const said = (input: string, user = 'alice') => {
      const line = lines.find((l) => l.input === input && l.user === user);
      if (line === undefined) throw new Error(`no reply to ${user}: ${input}`);
      return line;
    };
    expect(said('kubectl run web --image=nginx', 'bob').choices).toEqual([
      { id: 'share', label: 'Share', action: '/share 1' },
    ]);
    expect(said('/share 1', 'bob').text).toBe('bob shared:\n\npod/web created');
    expect(said('kubectl --context=bob get po').text).toMatch(/^NAME\s+READY\s+STATUS[\s\S]*\nweb\s/);
    expect(said('kubectl --context=bob delete po web').text).toMatch(/^You can only look at bob’s sandbox/);
    expect(said('kubectl --context=carol get po').text).toMatch(
      /^Error in configuration: context was not found for specified context: carol/,
    );
    expect(said('kubectl config get-contexts').text).toContain('*         alice');
    expect(said('/sandbox share', 'bob').text).toContain('• alice: `kubectl --context=bob get po`');
    expect(said('/quiz start group 2 lobby:30').text).toMatch(/Press Join to play/);
    const lobby = lines.find((l) => l.user === 'podium' && l.text.startsWith('🎬'));
    expect(lobby?.choices[0]).toMatchObject({
      label: 'Join',
      action: expect.stringMatching(/^\/quiz join #1$/),
    });
    expect(said('/quiz stop', 'bob').text).toBe('Only alice, who started this quiz, can do that.');
    // carol arrives late and answers question 2; the reveal and podium follow.
    const carols = lines.filter((l) => l.user === 'carol' && l.input.startsWith('/quiz answer #1.2'));
    expect(carols.filter((l) => l.ok)).toHaveLength(1);
    const podium = lines.find((l) => l.user === 'podium' && l.text.startsWith('🏁'));
    expect(podium?.text).toContain('📌 The questions the group missed most:');
    expect(podium?.choices[0]).toMatchObject({ label: 'Practise these', action: '/quiz practice missed:1' });
    expect(said('/quiz practice missed:1', 'carol').text).toMatch(/^Practice · what the group missed/);
  });
});
