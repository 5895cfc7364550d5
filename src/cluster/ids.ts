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
  return new SandboxIds(sandboxSeed, startSerial);
}

/**
 * A class rather than an object literal with a `serial` getter: a getter in a literal made per
 * command keeps the command's objects alive through young collections (see `Context` in
 * chat/dispatch.ts).
 */
class SandboxIds implements Ids {
  constructor(
    private readonly sandboxSeed: string,
    private counter: number,
  ) {}

  get serial(): number {
    return this.counter;
  }

  uid(): string {
    const h = this.digest().toString('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  resourceVersion(): string {
    this.counter += 1;
    return String(1000 + this.counter);
  }

  suffix(length: number): string {
    const bytes = this.digest();
    let out = '';
    for (let i = 0; i < length; i++) out += ALPHANUM[(bytes[i % bytes.length] ?? 0) % ALPHANUM.length];
    return out;
  }

  hex(length: number): string {
    let out = '';
    while (out.length < length) out += this.digest().toString('hex');
    return out.slice(0, length);
  }

  private digest(): Buffer {
    this.counter += 1;
    return createHash('sha256').update(`${this.sandboxSeed}:${this.counter}`).digest();
  }
}
