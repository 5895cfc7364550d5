import { describe, expect, it } from 'vitest';
import { runConsole, tempDbPath } from '../helpers/console.ts';

/**
 * The study group through the real `podium console --json --no-timers`, several members by
 * `@name` (the console's own user, alice, is a moderator; the others are members).
 */
const answers = (who: string, ref: string, forms: readonly string[]) =>
  forms.map((form) => `${who}/quiz answer ${ref} ${form}`);

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
      '/quiz start labels 2 lobby:30',
      '/quiz join',
      '@bob /quiz join',
      '@bob /quiz stop',
      '/quiz next',
      // The questions are drawn at random: each member tries a true/false, a choice and a
      // selector answer, of which only the one that fits is recorded (the rest change nothing).
      ...answers('', '#1.1', ['T', 'A', 'app=x']),
      ...answers('@bob ', '#1.1', ['F', 'B', 'app=y']),
      ...answers('@carol ', '#1.2', ['T', 'A', 'app=x']),
      ...answers('', '#1.2', ['T', 'A', 'app=x']),
      ...answers('@bob ', '#1.2', ['F', 'B', 'app=y']),
      '@carol /quiz practice missed:1',
    ].join('\n');
    const { lines, status } = runConsole(`${script}\n`, [
      '--user',
      'alice',
      '--db',
      tempDbPath('podium-group-'),
      '--no-timers',
    ]);
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
    expect(said('/quiz start labels 2 lobby:30').text).toMatch(/Press Join to play/);
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
