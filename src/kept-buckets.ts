/**
 * Values kept in buckets by a key, each found in its bucket by a test the caller gives (values
 * whose identity is a list, compared item by item, kept under their first item or time). A
 * bounded number: past `most` in all every bucket is emptied, past `perBucket` in one its oldest
 * goes. For caches a first visit reads and a bounded memory must hold (YAML key orders, pods'
 * condition lists).
 */
export class KeptBuckets<K, V> {
  private readonly buckets = new Map<K, V[]>();
  private count = 0;

  constructor(
    private readonly most: number,
    private readonly perBucket: number,
  ) {}

  /** The first value kept under `key` that passes `test`. */
  find(key: K, test: (value: V) => boolean): V | undefined {
    const bucket = this.buckets.get(key);
    if (bucket !== undefined) for (const value of bucket) if (test(value)) return value;
    return undefined;
  }

  add(key: K, value: V): void {
    if (this.count >= this.most) {
      this.buckets.clear();
      this.count = 0;
    }
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      bucket = [];
      this.buckets.set(key, bucket);
    }
    if (bucket.length >= this.perBucket) {
      bucket.shift();
      this.count--;
    }
    bucket.push(value);
    this.count++;
  }
}
