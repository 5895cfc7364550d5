import { describe, expect, it } from 'vitest';
import { openDatabase, PAGE_CACHE_KIB } from '../../src/store/db.ts';
import { tempDbPath } from '../helpers/console.ts';

/** How a connection is opened: what each one may hold in memory is chosen, not left to chance. */
describe('openDatabase', () => {
  it('GIVEN a database file WHEN it is opened THEN its page cache is 2 MiB (cache_size in KiB, negative) and nothing is memory-mapped', () => {
    const db = openDatabase(tempDbPath());
    expect(db.ok).toBe(true);
    if (!db.ok) return;
    expect(PAGE_CACHE_KIB).toBe(2048);
    expect(db.value.pragma('cache_size', { simple: true })).toBe(-2048);
    expect(db.value.pragma('mmap_size', { simple: true })).toBe(0);
    db.value.close();
  });
});
