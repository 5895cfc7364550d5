import type { Database } from 'better-sqlite3';

/**
 * Ids for replies kept for the Share button, given before their rows are written
 * (`shares.ts`): each connection reserves blocks of them from the one row of `shared_reply_ids`
 * (migration 010) in one statement, so that no id is given twice, across connections (the pool's
 * workers) and restarts. Blocks are reserved only where a rollback cannot undo the reservation
 * after its ids were given: outside a transaction, or in one whose commit the caller waits for
 * before it `adds` the block.
 */
export class ShareIds {
  private readonly reserveBlock;
  /** Reserved and not yet given: [next, end) ranges, in order. */
  private readonly ranges: [number, number][] = [];

  constructor(
    private readonly db: Database,
    private readonly block: number,
  ) {
    // The row is made by migration 010; made again from the kept ids if someone deleted it.
    this.reserveBlock = db
      .prepare<{ block: number }, number>(
        `INSERT INTO shared_reply_ids (one, next)
           SELECT 1, coalesce(max(id), 0) + 1 + @block FROM shared_replies WHERE true
         ON CONFLICT (one) DO UPDATE SET next = next + @block
         RETURNING next - @block`,
      )
      .pluck();
  }

  /** The next id; with none left, a new block (outside a transaction) or undefined (inside one). */
  take(): number | undefined {
    for (;;) {
      const range = this.ranges[0];
      if (range === undefined) {
        if (this.db.inTransaction) return undefined;
        this.add(this.reserve());
        continue;
      }
      if (range[0] < range[1]) return range[0]++;
      this.ranges.shift();
    }
  }

  /** Reserves a block (one statement); the caller `add`s it once that statement is committed. */
  reserve(): [number, number] {
    const start = this.reserveBlock.get({ block: this.block }) ?? 0;
    return [start, start + this.block];
  }

  add(range: [number, number]): void {
    this.ranges.push(range);
  }

  /** Fewer than a quarter of a block left (and some reserved before): time to reserve more. */
  get low(): boolean {
    return this.ranges.length > 0 && this.left() < this.block / 4;
  }

  /** Fewer than half a block left and no second block yet: worth reserving one along a write. */
  get wanted(): boolean {
    return this.ranges.length < 2 && this.left() < this.block / 2;
  }

  private left(): number {
    let left = 0;
    for (const [next, end] of this.ranges) left += end - next;
    return left;
  }
}
