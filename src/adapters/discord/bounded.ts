/**
 * Sets `key` as the newest entry of `map` and drops the oldest entries past `max`: what the
 * adapter keeps in memory (long custom_ids, unsubmitted picks) cannot grow without limit.
 */
export function setBounded<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  for (const oldest of map.keys()) {
    if (map.size <= max) break;
    map.delete(oldest);
  }
}
