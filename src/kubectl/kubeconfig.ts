/**
 * A member's kubeconfig, as client-go's clientcmdapi.Config holds it: what `/sandbox kubeconfig`
 * hands out (src/api/kubeconfig.ts writes it to a file) and what `kubectl config view`,
 * `get-contexts`, `get-clusters` and `get-users` read in chat. One user (the member, with their
 * bearer token), their own sandbox as cluster `podium`, and each teammate's shared sandbox as a
 * further cluster `podium-NAME` behind the door's `/shared/NAME` prefix, with a context of the
 * teammate's name. A context names a namespace only when the member set one
 * (`kubectl config set-context --namespace`).
 */
export interface Kubeconfig {
  clusters: readonly KubeCluster[];
  users: readonly KubeUser[];
  contexts: readonly KubeContext[];
  currentContext: string;
}

export interface KubeCluster {
  name: string;
  server: string;
  /** The CA's PEM, base64 as the file carries it; null when TLS is left to a proxy in front. */
  certificateAuthorityData: string | null;
}

export interface KubeUser {
  name: string;
  token: string;
}

export interface KubeContext {
  name: string;
  cluster: string;
  user: string;
  /** '' when the context names none (then `default` applies). */
  namespace: string;
}

export interface MemberKubeconfigInput {
  /** The door's URL (no trailing slash needed). */
  server: string;
  token: string;
  username: string;
  /** PEM; null when TLS is left to a proxy in front. */
  ca: string | null;
  /** Names of the teammates whose sandboxes are shared (the member's own is skipped). */
  shared: readonly string[];
  /** The namespace each context names, by context name. */
  namespaces: ReadonlyMap<string, string>;
  /** The context `kubectl config use-context` chose, when it is one of the member's. */
  current?: string | undefined;
}

/** Cluster and context names are DNS-ish; usernames in chat may hold anything. */
export const safeName = (name: string): string =>
  name.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 63) || 'member';

export function memberKubeconfig(input: MemberKubeconfigInput): Kubeconfig {
  const base = input.server.replace(/\/+$/, '');
  const ca = input.ca === null ? null : Buffer.from(input.ca).toString('base64');
  const user = safeName(input.username);
  const teammates = input.shared.filter((n) => n !== input.username).slice(0, MAX_CONTEXTS);
  const clusters: KubeCluster[] = [
    { name: 'podium', server: base, certificateAuthorityData: ca },
    ...teammates.map((name) => ({
      name: `podium-${safeName(name)}`,
      server: `${base}/shared/${encodeURIComponent(name)}`,
      certificateAuthorityData: ca,
    })),
  ];
  const context = (name: string, cluster: string): KubeContext => ({
    name,
    cluster,
    user,
    namespace: input.namespaces.get(name) ?? '',
  });
  const contexts = [
    context(user, 'podium'),
    ...teammates.map((name) => context(safeName(name), `podium-${safeName(name)}`)),
  ];
  const current =
    input.current !== undefined && contexts.some((c) => c.name === input.current) ? input.current : user;
  return { clusters, users: [{ name: user, token: input.token }], contexts, currentContext: current };
}

/** More shared sandboxes than any study group has: the rest are left out of the file. */
const MAX_CONTEXTS = 500;

/**
 * The Config as kubectl prints it (clientcmd/api/v1 through encoding/json): fields in the v1
 * structs' order, each list sorted by name (v1 conversion walks Go maps by sorted key), empty
 * fields left out. `raw` false is clientcmdapi.ShortenConfig: the CA is `DATA+OMITTED`, the token
 * `REDACTED`.
 */
export function kubeconfigV1(config: Kubeconfig, raw: boolean) {
  const byName = <T extends { name: string }>(items: readonly T[]): T[] =>
    [...items].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    kind: 'Config',
    apiVersion: 'v1',
    preferences: {},
    clusters: byName(config.clusters).map((c) => ({
      name: c.name,
      cluster: {
        server: c.server,
        ...(c.certificateAuthorityData === null
          ? {}
          : { 'certificate-authority-data': raw ? c.certificateAuthorityData : 'DATA+OMITTED' }),
      },
    })),
    users: byName(config.users).map((u) => ({
      name: u.name,
      user: u.token === '' ? {} : { token: raw ? u.token : 'REDACTED' },
    })),
    contexts: byName(config.contexts).map((c) => ({
      name: c.name,
      context: {
        cluster: c.cluster,
        user: c.user,
        ...(c.namespace === '' ? {} : { namespace: c.namespace }),
      },
    })),
    'current-context': config.currentContext,
  };
}
