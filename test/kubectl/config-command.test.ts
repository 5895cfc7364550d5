import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kubeconfigText } from '../../src/api/kubeconfig.ts';
import { configCommand } from '../../src/kubectl/config-command.ts';
import { type MemberKubeconfigInput, memberKubeconfig } from '../../src/kubectl/kubeconfig.ts';
import { kubectl133 } from './oracle.ts';

/**
 * `kubectl config view|get-contexts|get-clusters|get-users|current-context|use-context` over a
 * member's kubeconfig, against kubectl 1.33 reading the same kubeconfig from a file named by
 * $KUBECONFIG (as the member's kubectl would: not an explicit --kubeconfig).
 */
const INPUT: MemberKubeconfigInput = {
  server: 'https://podium.example:6443/',
  token: 'podium_secret-token',
  username: 'alice',
  ca: '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUFakeFakeFake\n-----END CERTIFICATE-----\n',
  shared: ['carol', 'alice', 'bob'],
  namespaces: new Map([['bob', 'kube-system']]),
  current: 'carol',
};
const CONFIG = memberKubeconfig(INPUT);
const said = (line: string, context: string | null = null) => {
  const printed = configCommand(line.split(' ').filter(Boolean), CONFIG, context, []);
  if (printed === null) return null;
  return {
    text: [printed.output, printed.error].filter((x) => x !== null && x !== '').join('\n'),
    ok: printed.error === null,
  };
};

const REAL = kubectl133();
const file = join(mkdtempSync(join(tmpdir(), 'podium-config-')), 'config');
writeFileSync(file, kubeconfigText(INPUT));
const real = (args: string[]) => {
  const r = spawnSync(REAL ?? '', args, { encoding: 'utf8', env: { ...process.env, KUBECONFIG: file } });
  return { text: (r.stdout + r.stderr).replace(/\n$/, ''), ok: r.status === 0 };
};

const CASES = [
  'view',
  'view --minify',
  'view --raw',
  'view --flatten --minify',
  'view --merge --raw=false -o yaml',
  'view -o json',
  'view --minify --raw -o json',
  'view -o name',
  'view -o jsonpath={.users[0].user.token}',
  'view --raw -o jsonpath={.users[*].user.token}',
  'view -o jsonpath={.clusters[0].cluster}',
  'view -o jsonpath={.contexts[?(@.name=="bob")].context.namespace}',
  'view -o jsonpath-as-json={.current-context}',
  'view -o go-template={{range .clusters}}{{.name}}:{{.cluster.server}};{{end}}',
  'view --template={{.kind}}',
  'view -o template --template={{index .contexts 0}}',
  'view -o yaml --template={{.kind}}',
  'view -o jsonpath={.nope}',
  'view -o jsonpath={.nope} --allow-missing-template-keys=false',
  'view -o jsonpath={.users[0].user.token',
  'view -o jsonpath=',
  'view -o go-template',
  'view -o wide',
  'view -o custom-columns=A:.kind',
  'view -o jsonpath={.kind} --template={{.kind}}',
  'view --merge=false',
  'view --merge=foo',
  'view --minify=x',
  'view --bogus',
  'view -x',
  'view -o',
  'view extra',
  'view -n kube-system --minify',
  'view --help',
  'get-contexts',
  'get-contexts bob',
  'get-contexts -o name',
  'get-contexts nope',
  'get-contexts carol alice',
  'get-contexts -o name carol nope alice',
  'get-contexts x y',
  'get-contexts --no-headers bob',
  'get-contexts -o wide',
  'get-contexts --output=json',
  'get-contexts --bogus',
  'get-contexts --help',
  'get-clusters',
  'get-clusters podium',
  'get-clusters --bogus',
  'get-clusters -o name',
  'get-clusters --help',
  'get-users',
  'get-users -n x',
  'get-users --help',
  'current-context',
  'current-context x',
  'current-context --bogus',
  'current-context --help',
  '',
  '--help',
  '-h view',
  '--bogus',
  'bogus',
  'use-context',
  'use-context a b',
  'use-context --bogus',
  'use-context nope',
  'use --help',
  'set-context --help',
];

describe('kubectl config over the member’s kubeconfig', () => {
  it('GIVEN the kubeconfig THEN each list is sorted, the current context is the chosen one, and the namespace set on bob shows', () => {
    expect(said('get-contexts')?.text).toBe(
      [
        'CURRENT   NAME    CLUSTER        AUTHINFO   NAMESPACE',
        '          alice   podium         alice      ',
        '          bob     podium-bob     alice      kube-system',
        '*         carol   podium-carol   alice      ',
      ].join('\n'),
    );
    expect(said('view --minify')?.text).toBe(
      [
        'apiVersion: v1',
        'clusters:',
        '- cluster:',
        '    certificate-authority-data: DATA+OMITTED',
        '    server: https://podium.example:6443/shared/carol',
        '  name: podium-carol',
        'contexts:',
        '- context:',
        '    cluster: podium-carol',
        '    user: alice',
        '  name: carol',
        'current-context: carol',
        'kind: Config',
        'preferences: {}',
        'users:',
        '- name: alice',
        '  user:',
        '    token: REDACTED',
      ].join('\n'),
    );
    expect(said('view --minify', 'bob')?.text).toContain('current-context: bob\n');
    expect(said('view --minify', 'nope')).toEqual({ text: 'error: cannot locate context nope', ok: false });
    expect(said('use-context bob')).toEqual({ text: 'Switched to context "bob".', ok: true });
    expect(configCommand(['use-context', 'bob'], CONFIG, null, [])?.use).toBe('bob');
    // The chat's kubeconfig holds no token (Podium keeps its hash): a raw view that shows it says why.
    const chat = memberKubeconfig({ ...INPUT, token: 'REDACTED' });
    expect(configCommand(['view', '--raw'], chat, null, [])?.note).toBe('rawToken');
    expect(configCommand(['view', '--raw'], CONFIG, null, [])?.note).toBeUndefined();
    expect(configCommand(['view'], CONFIG, null, [])?.note).toBeUndefined();
    expect(
      configCommand(['view', '--raw', '-o', 'jsonpath={.kind}'], CONFIG, null, [])?.note,
    ).toBeUndefined();
    expect(said('view --raw')?.text).toContain('token: podium_secret-token');
    expect(said('view')?.text).not.toContain('podium_secret-token');
    expect(configCommand(['set-cluster', 'x'], CONFIG, null, [])?.unsimulated).toBe('config set-cluster');
    expect(configCommand(['rename-context', 'a', 'b'], CONFIG, null, [])?.unsimulated).toBe(
      'config rename-context',
    );
  });

  it('GIVEN --cluster or --user naming another THEN set-context refuses; naming the same it is modified', () => {
    expect(configCommand(['set-context', 'bob', '--cluster=podium'], CONFIG, null, [])?.note).toBe(
      'fixedContext',
    );
    expect(configCommand(['set-context', '--current', '--user', 'bob'], CONFIG, null, [])?.note).toBe(
      'fixedContext',
    );
    expect(said('set-context bob --cluster=podium-bob --user=alice')).toEqual({
      text: 'Context "bob" modified.',
      ok: true,
    });
  });

  it.skipIf(REAL === null).each(CASES)(
    'GIVEN `kubectl config %s` THEN it prints what kubectl 1.33 prints',
    (line) => {
      const theirs = real(['config', ...line.split(' ').filter(Boolean)]);
      // get-clusters and get-users walk a Go map: kubectl's order changes from run to run.
      const ordered = theirs.text.startsWith('NAME\n')
        ? {
            ...theirs,
            text: [...theirs.text.split('\n')]
              .sort((a, b) => (a === 'NAME' ? -1 : b === 'NAME' ? 1 : a < b ? -1 : 1))
              .join('\n'),
          }
        : theirs;
      expect(said(line)).toEqual(ordered);
    },
  );

  it.skipIf(REAL === null)('GIVEN --context=bob THEN view --minify shows bob’s as kubectl 1.33 does', () => {
    expect(said('view --minify', 'bob')).toEqual(real(['--context=bob', 'config', 'view', '--minify']));
  });
});
