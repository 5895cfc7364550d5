import { createHash } from 'node:crypto';

/**
 * Deterministic ids for one sandbox: uids, resourceVersions and name suffixes all come from a
 * counter stored with the sandbox, so replaying the same commands gives the same cluster (and
 * golden transcripts stay stable) while ids still look like a real cluster's.
 */
export interface Ids {
  uid(): string;
  resourceVersion(): string;
  /** Lowercase alphanumerics, as Kubernetes uses for generated name suffixes. */
  suffix(length: number): string;
  hex(length: number): string;
  /** The counter after every id handed out so far; the store persists it. */
  readonly serial: number;
}

const ALPHANUM = 'bcdfghjklmnpqrstvwxz2456789';

export function createIds(sandboxSeed: string, startSerial: number): Ids {
  let serial = startSerial;
  const digest = (): Buffer => {
    serial += 1;
    return createHash('sha256').update(`${sandboxSeed}:${serial}`).digest();
  };
  return {
    uid() {
      const h = digest().toString('hex');
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
    },
    resourceVersion() {
      serial += 1;
      return String(1000 + serial);
    },
    suffix(length) {
      const bytes = digest();
      let out = '';
      for (let i = 0; i < length; i++) out += ALPHANUM[(bytes[i % bytes.length] ?? 0) % ALPHANUM.length];
      return out;
    },
    hex(length) {
      let out = '';
      while (out.length < length) out += digest().toString('hex');
      return out.slice(0, length);
    },
    get serial() {
      return serial;
    },
  };
}
