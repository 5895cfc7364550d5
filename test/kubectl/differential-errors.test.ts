import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/kubectl/tokenize.ts';
import { kubectl133 } from './oracle.ts';
import { verbSandbox } from './verb-sandbox.ts';

/**
 * Issue 15 acceptance 1, client-side part: commands the real kubectl v1.33 refuses before it
 * talks to a server (flag and argument checks), run by the oracle offline and by Podium; the
 * texts must be equal. A command whose oracle run tries to reach a server is reported, not
 * compared (the door's test/api/fidelity.test.ts compares those against a served sandbox).
 *
 * Known v1.33 → v1.34 differences, which Podium prints the v1.34 way (test/golden holds them):
 *   - delete's success line ends with ` from NS namespace` for namespaced objects;
 *   - `kubectl version` reports v1.34.1.
 */
const COMMANDS = [
  'get',
  'delete',
  'delete po --all -l a=b',
  'delete po x --now --grace-period=5',
  'delete po x --dry-run=bogus',
  'run x',
  'run x --image=nginx --dry-run=bogus',
  'label po',
  'explain',
  'wait po/x --for=bogus',
  'logs',
  'exec x',
  'port-forward',
  'annotate',
  'describe',
  'create',
  'apply',
  'get po --show-labels -o yaml',
  'get po --show-labels -o name',
];

const SERVER = /connection to the server|memcache\.go/;

function real(binary: string, line: string): Promise<string> {
  const tokens = tokenize(line);
  if (!tokens.ok) throw new Error(tokens.error);
  return new Promise((done) => {
    execFile(
      binary,
      ['--kubeconfig=/dev/null', ...tokens.value],
      { encoding: 'utf8', timeout: 20_000 },
      (_e, out, err) => done(`${out}${err}`.trimEnd()),
    );
  });
}

const BINARY = kubectl133();

describe.skipIf(BINARY === null)('client-side errors against kubectl v1.33', () => {
  it.each(COMMANDS)('GIVEN kubectl %s THEN Podium answers as kubectl does', async (line) => {
    const want = await real(BINARY ?? 'kubectl', line);
    if (SERVER.test(want)) {
      console.warn(`differential-errors: "${line}" needs a server; not compared`);
      return;
    }
    const got = verbSandbox().kubectl(line);
    expect(got.ok).toBe(false);
    expect(got.text).toBe(want);
  });
});
