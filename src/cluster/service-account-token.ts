import { createHash } from 'node:crypto';
import { hasTokenVolume, TOKEN_MOUNT_PATH } from './api-object.ts';
import type { Cluster, Pod } from './model.ts';

/**
 * The projected service-account volume the kubelet writes where `describe` shows the mount
 * (`/var/run/secrets/kubernetes.io/serviceaccount`): `ca.crt`, `namespace` and `token`, each a
 * link into `..data/`. The token is a bound service-account JWT as kube-apiserver issues it for
 * `expirationSeconds: 3607` (extended to a year, with `warnafter` at the hour), re-requested by
 * the kubelet once 80% of the hour has passed. Its signature and the CA are not real keys: the
 * sandbox has none, and nothing inside a container can check them.
 */
export const TOKEN_FILES = ['ca.crt', 'namespace', 'token'] as const;

const ISSUER = 'https://kubernetes.default.svc.cluster.local';
const REQUESTED_SECONDS = 3607;
const EXTENDED_SECONDS = 365 * 24 * 60 * 60;
/** The kubelet asks for a new token when the old one is older than 80% of what it asked for. */
const REFRESH_SECONDS = Math.floor(REQUESTED_SECONDS * 0.8);

/** A file of the volume by its path, or null when the path is not in it. */
export function tokenVolumeFile(
  pod: Pod,
  cluster: Pick<Cluster, 'nodes' | 'now'>,
  path: string,
): string | null {
  if (!hasTokenVolume(pod) || !path.startsWith(`${TOKEN_MOUNT_PATH}/`)) return null;
  const name = path.slice(TOKEN_MOUNT_PATH.length + 1).replace(/^\.\.data\//, '');
  switch (name) {
    case 'namespace':
      return pod.metadata.namespace;
    case 'token':
      return token(pod, cluster);
    case 'ca.crt':
      return caCertificate();
    default:
      return null;
  }
}

/** `ls` of the mount and of the directories above it, or null for any other path. */
export function tokenVolumeListing(pod: Pod, path: string): string[] | null {
  if (!hasTokenVolume(pod)) return null;
  const dir = path.replace(/\/+$/, '');
  if (dir === TOKEN_MOUNT_PATH) return [...TOKEN_FILES];
  if (dir === '/var/run/secrets/kubernetes.io') return ['serviceaccount'];
  if (dir === '/var/run/secrets') return ['kubernetes.io'];
  return null;
}

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

function uuidOf(text: string): string {
  const h = digest(text).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const base64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

/** `bytes` pseudo-random bytes from `seed` (a stand-in for key material). */
function bytesOf(seed: string, bytes: number): Buffer {
  const parts: Buffer[] = [];
  for (let i = 0; parts.length * 32 < bytes; i++) parts.push(digest(`${seed}:${i}`));
  return Buffer.concat(parts).subarray(0, bytes);
}

function token(pod: Pod, cluster: Pick<Cluster, 'nodes' | 'now'>): string {
  const started = Math.floor((pod.sim.scheduledAt ?? Date.parse(pod.metadata.creationTimestamp)) / 1000);
  const now = Math.floor(cluster.now / 1000);
  const iat = started + Math.max(0, Math.floor((now - started) / REFRESH_SECONDS)) * REFRESH_SECONDS;
  const namespace = pod.metadata.namespace;
  const nodeName = pod.spec.nodeName ?? '';
  const node = cluster.nodes.find((n) => n.metadata.name === nodeName);
  const header = { alg: 'RS256', kid: base64url(digest(`${namespace}:signing-key`)) };
  const payload = {
    aud: [ISSUER],
    exp: iat + EXTENDED_SECONDS,
    iat,
    iss: ISSUER,
    jti: uuidOf(`${pod.metadata.uid}:token:${iat}`),
    'kubernetes.io': {
      namespace,
      node: { name: nodeName, uid: node?.metadata.uid ?? '' },
      pod: { name: pod.metadata.name, uid: pod.metadata.uid },
      serviceaccount: { name: 'default', uid: uuidOf(`${namespace}:serviceaccount:default`) },
      warnafter: iat + REQUESTED_SECONDS,
    },
    nbf: iat,
    sub: `system:serviceaccount:${namespace}:default`,
  };
  const signed = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  return `${signed}.${base64url(bytesOf(signed, 256))}`;
}

/** The cluster CA's certificate as the kube-root-ca.crt ConfigMap carries it (PEM, 64 a line). */
function caCertificate(): string {
  const body = bytesOf('kubernetes-ca', 1090).toString('base64');
  const lines = body.match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}
