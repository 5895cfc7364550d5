import { stringify } from 'yaml';

/**
 * The kubeconfig `/sandbox kubeconfig` hands a member: one user (their bearer token), their own
 * sandbox as the current context named by their username, and each teammate's shared sandbox
 * as a further context of the same name (its cluster's server is the door's `/shared/NAME`
 * prefix, which the door serves read-only). The CA is inlined when Podium serves TLS itself;
 * behind a reverse proxy with a public certificate there is none to carry.
 */
export interface KubeconfigInput {
  server: string;
  token: string;
  username: string;
  /** PEM; null when TLS is left to a proxy in front. */
  ca: string | null;
  shared: readonly string[];
}

/** Cluster and context names are DNS-ish; usernames in chat may hold anything. */
const safe = (name: string) => name.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 63) || 'member';

export function kubeconfigText(input: KubeconfigInput): string {
  const base = input.server.replace(/\/+$/, '');
  const caData =
    input.ca === null ? {} : { 'certificate-authority-data': Buffer.from(input.ca).toString('base64') };
  const user = safe(input.username);
  const own = { name: 'podium', cluster: { server: base, ...caData } };
  const teammates = input.shared
    .filter((n) => n !== input.username)
    .map((name) => ({
      name,
      cluster: {
        name: `podium-${safe(name)}`,
        cluster: { server: `${base}/shared/${encodeURIComponent(name)}`, ...caData },
      },
    }));
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [own, ...teammates.map((t) => t.cluster)],
    users: [{ name: user, user: { token: input.token } }],
    contexts: [
      { name: user, context: { cluster: 'podium', user, namespace: 'default' } },
      ...teammates.map((t) => ({
        name: safe(t.name),
        context: { cluster: t.cluster.name, user, namespace: 'default' },
      })),
    ],
    'current-context': user,
    preferences: {},
  });
}
