import { describe, expect, it } from 'vitest';
import { runConsole, tempDbPath } from '../helpers/console.ts';

const podium = runConsole;

const tempDb = () => tempDbPath('podium-console-');

describe('console chat (--json)', () => {
  it('GIVEN run then get WHEN piped THEN exactly two JSON lines: created, then the pod table', () => {
    const db = tempDb();
    const { lines, status } = podium('kubectl run kubia --image=luksa/kubia --port=8080\nkubectl get po\n', [
      '--user',
      'alice',
      '--db',
      db,
    ]);
    expect(status).toBe(0);
    expect(lines).toHaveLength(2);
    // kubectl output is the member's own: private, with a Share button that posts it in the channel.
    expect(lines[0]).toMatchObject({
      user: 'alice',
      ok: true,
      text: 'pod/kubia created',
      choices: [{ id: 'share', label: 'Share', action: '/share 1' }],
    });
    const table = lines[1]?.text.split('\n') ?? [];
    expect(table[0]).toMatch(/^NAME {4}READY {3}STATUS +RESTARTS {3}AGE$/);
    expect(table[1]).toMatch(/^kubia {3}0\/1 {5}\S+/);
  });

  it('GIVEN alice made a pod WHEN bob lists pods, and alice lists again in a new process THEN bob sees none and alice still sees hers', () => {
    const db = tempDb();
    podium('kubectl run kubia --image=luksa/kubia --port=8080\n', ['--user', 'alice', '--db', db]);
    const bob = podium('kubectl get po\n', ['--user', 'bob', '--db', db]);
    expect(bob.lines.map((l) => l.text)).toEqual(['No resources found in default namespace.']);
    const alice = podium('kubectl get po\n', ['--user', 'alice', '--db', db]);
    expect(alice.lines[0]?.text).toContain('kubia');
  });

  it('GIVEN hostile input WHEN piped THEN each message gets one ok:false line, blank lines none, and the process exits 0', () => {
    const db = tempDb();
    const huge = `kubectl get po ${'x'.repeat(1024 * 1024)}`;
    const random = Buffer.from(
      Array.from({ length: 300 }, (_, i) => (i * 7919 + 13) % 256).filter((b) => b !== 10 && b !== 13),
    );
    const input = Buffer.concat([
      Buffer.from(`${huge}\n`),
      random,
      Buffer.from('\n\nkubectl fly\n   \nkubectl gte po\nkubectl apply -f -\n```yaml\napiVersion: v1\n'),
    ]);
    const { lines, status } = podium(input, ['--user', 'mallory', '--db', db]);
    expect(status).toBe(0);
    expect(lines).toHaveLength(5);
    expect(lines.every((l) => l.ok === false)).toBe(true);
    expect(lines[0]?.text).toMatch(/too long/);
    expect(lines[2]?.text).toBe('error: unknown command "fly" for "kubectl"');
    expect(lines[3]?.text).toContain('Did you mean this?\n\tget');
    expect(lines[4]?.text).toMatch(/never closed/);
    const after = podium('kubectl get po\n', ['--user', 'mallory', '--db', db]);
    expect(after.lines[0]?.text).toBe('No resources found in default namespace.');
  });

  it('GIVEN @name at the start of a line WHEN piped THEN that line speaks as another member', () => {
    const db = tempDb();
    const { lines } = podium(
      'kubectl run a --image=nginx\n@bob kubectl get po\n@bob kubectl run b --image=nginx\nkubectl get po b\n',
      ['--user', 'alice', '--db', db],
    );
    expect(lines.map((l) => l.user)).toEqual(['alice', 'bob', 'bob', 'alice']);
    expect(lines[1]?.text).toBe('No resources found in default namespace.');
    expect(lines[3]?.text).toBe(
      'Error from server (NotFound): pods "b" not found\n\n💡 There is no pod named `b` in this namespace. `kubectl get po` lists the pods here; `kubectl get po -A` looks in every namespace.',
    );
  });
});
