/**
 * Cached clusters are shared by every command that reads them, and handlers never mutate what
 * they are given. Under the tests each cached object is frozen through and through, so that a
 * mutation throws where it happens instead of corrupting the next command's answer; outside
 * them nothing is frozen (freezing costs, and a frozen object is no faster to read).
 */
export const FREEZE_CACHED = process.env.VITEST !== undefined;

export function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  // Walked without Object.values' array per object: a pod's object has a hundred or more.
  if (Array.isArray(value)) for (const child of value) deepFreeze(child);
  else for (const key in value) deepFreeze((value as Record<string, unknown>)[key]);
}
