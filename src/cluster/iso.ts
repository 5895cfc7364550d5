/** A timestamp as the API server writes it: RFC 3339 in UTC, to the second. */
export const iso = (ms: number): string =>
  new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
