/** A timestamp as the API server writes it: RFC 3339 in UTC, to the second. */
export const iso = (ms: number): string => {
  const second = Math.floor(ms / 1000);
  let text = written.get(second);
  if (text === undefined) {
    text = freshIso(second * 1000);
    // Every pod object and event writes a few; the same seconds come back (creation, starts).
    if (written.size >= WRITTEN_MAX) written.clear();
    written.set(second, text);
  }
  return text;
};

const written = new Map<number, string>();
const WRITTEN_MAX = 4096;

/** The timestamp formatted afresh (what `iso` keeps; for tests). */
export const freshIso = (ms: number): string =>
  new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
