import { KUBERNETES_VERSION } from '../../src/cluster/seed.ts';
import { kubectlError } from '../../src/kubectl/errors.ts';
import { flagBool, flagString } from '../../src/kubectl/flags.ts';
import { type KubectlVerb, outcome, stdout } from '../../src/kubectl/verb.ts';
import { err, ok } from '../../src/result.ts';

const KUSTOMIZE = 'v5.7.1';

export const version: KubectlVerb = {
  name: 'version',
  short: 'Print the client and server version information',
  help: `Print the client and server version information for the current context.

Examples:
  # Print the client and server versions for the current context
  kubectl version

Options:
    --client=false: If true, shows client version only (no server required).
    -o, --output='': One of 'yaml' or 'json'.

Usage:
  kubectl version [flags] [options]`,
  flags: [
    { name: 'client', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
  ],
  run(_ctx, line) {
    const client = flagBool(line, 'client');
    const format = flagString(line, 'output') ?? '';
    const info = (v: string) => ({
      gitVersion: v,
      major: '1',
      minor: v.split('.')[1] ?? '',
      platform: 'linux/amd64',
    });
    if (format === 'json' || format === 'yaml') {
      const data = {
        clientVersion: info(KUBERNETES_VERSION),
        kustomizeVersion: KUSTOMIZE,
        ...(client ? {} : { serverVersion: info(KUBERNETES_VERSION) }),
      };
      const text =
        format === 'json'
          ? JSON.stringify(data, null, 2)
          : Object.entries(data)
              .map(([k, v]) =>
                typeof v === 'string'
                  ? `${k}: ${v}`
                  : `${k}:\n${Object.entries(v)
                      .map(([a, b]) => `  ${a}: "${b}"`)
                      .join('\n')}`,
              )
              .join('\n');
      return ok(outcome([stdout(text)]));
    }
    if (format !== '') return err(kubectlError('plain', { message: `--output must be 'yaml' or 'json'` }));
    const lines = [`Client Version: ${KUBERNETES_VERSION}`, `Kustomize Version: ${KUSTOMIZE}`];
    if (!client) lines.push(`Server Version: ${KUBERNETES_VERSION}`);
    return ok(outcome([stdout(lines.join('\n'))]));
  },
};
