import { describe, expect, it } from 'vitest';
import { runConsole, tempDbPath } from '../helpers/console.ts';

/**
 * Two labs end to end through the real console (`podium console --json`), as a member would type
 * them: a failed check with expected vs actual, a hint, the fix, the pass, and the list after.
 */
const podium = (script: string) => runConsole(script, ['--user', 'alice', '--db', tempDbPath('podium-lab-')]);

const SCRIPT = `/lab start labels
kubectl label po kubia-manual creation_method=manual -n lab-labels
kubectl label po kubia-manual-v2 env=debug -n lab-labels
/lab check
/lab hint
kubectl label po kubia-manual-v2 env=debug --overwrite -n lab-labels
kubectl get po -n lab-labels -L creation_method,env
/lab check
/lab start annotations
kubectl annotate pod kubia-manual mycompany.com/someannotation=foo -n lab-annotations
/lab check
/lab hint
kubectl annotate pod kubia-manual mycompany.com/someannotation="foo bar" mycompany.com/created-by=minji --overwrite -n lab-annotations
/lab check
/lab list
`;

describe('labs in the console', () => {
  it('GIVEN two labs typed into podium console --json THEN each fails a check with expected vs actual, gives a hint, then passes', () => {
    const { lines, status, stderr } = podium(SCRIPT);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(lines.map((l) => l.input)).toEqual(SCRIPT.trimEnd().split('\n'));
    const text = (i: number) => lines[i]?.text ?? '';

    expect(text(0)).toMatch(/^Lab `labels`: Add, show and change labels\n/);
    expect(text(1)).toBe('pod/kubia-manual labeled');
    expect(lines[2]?.ok).toBe(false);
    // kubectl's error as kubectl prints it, then the guide's line (on by default).
    expect(text(2)).toBe(
      "error: 'env' already has a value (prod), and --overwrite is false\n\n💡 The label `env` is already set (to `prod`). To change an existing value, add `--overwrite`: `kubectl label po kubia-manual-v2 env=debug -n lab-labels --overwrite`",
    );
    expect(text(3)).toContain(
      '❌ `kubia-manual-v2` is `env=debug` and kept `creation_method=manual`: expected labels of `kubia-manual-v2`: creation_method=manual, env=debug; actual labels of `kubia-manual-v2`: creation_method=manual, env=prod',
    );
    expect(text(4)).toMatch(/^💡 The first check that fails: `kubia-manual-v2` is `env=debug`/);
    expect(text(4)).toMatch(
      /\nThe lab’s own hint 1 of 3: Adding a label: `kubectl label po NAME KEY=VALUE -n lab-labels`\.$/,
    );
    expect(text(7)).toMatch(/^Lab `labels`: 3 of 3 checks pass\.\n/);
    expect(text(7)).toMatch(
      /🎉 Every check passes: lab `labels` is finished, with 1 hint\. You have finished 1 of \d+ labs\.$/,
    );

    expect(text(8)).toContain('I set up namespace `lab-annotations` with 1 pod: kubia-manual.');
    expect(text(10)).toContain(
      '❌ `mycompany.com/someannotation` is `foo bar`: expected annotations of `kubia-manual`: mycompany.com/someannotation=foo bar; actual annotations of `kubia-manual`: mycompany.com/someannotation=foo',
    );
    expect(text(10)).toContain(
      '❌ the annotation `mycompany.com/created-by` is `minji`: expected annotations of `kubia-manual`: mycompany.com/created-by=minji; actual annotations of `kubia-manual`: mycompany.com/created-by=<none>',
    );
    expect(text(11)).toMatch(
      /^💡 The first check that fails: `mycompany.com\/someannotation` is `foo bar`\.\nAnnotate `kubia-manual`: `kubectl annotate po kubia-manual KEY="VALUE" -n lab-annotations`/,
    );
    expect(text(11)).toMatch(/\nThe lab’s own hint 1 of 3: /);
    expect(text(12)).toBe('pod/kubia-manual annotated');
    expect(text(13)).toContain(
      '🎉 Every check passes: lab `annotations` is finished, with 1 hint. You have finished 2 of',
    );
    expect(text(14)).toMatch(/^Labs: you have finished 2 of \d+\./);
    expect(text(14)).toContain('✅ `labels` Add, show and change labels: finished (1 hint used)');
    expect(text(14)).toContain('✅ `annotations` Annotate a pod: finished (1 hint used)');
  });
});
