import { setBounded } from './bounded.ts';

/**
 * A multi-select question is a select menu plus a submit button. Discord reports each change of
 * the menu separately, so each member's latest pick is held here until they press submit; a
 * pick that is never submitted is forgotten (oldest first past a bound), as an unsent form is.
 */
export interface Selections {
  put(messageId: string, userId: string, actions: readonly string[]): void;
  /** The member's pick for that message, removed; null when they have not picked. */
  take(messageId: string, userId: string): string[] | null;
}

const MAX_PENDING = 10_000;

export function createSelections(): Selections {
  const pending = new Map<string, string[]>();
  const keyOf = (messageId: string, userId: string) => `${messageId}:${userId}`;
  return {
    put(messageId, userId, actions) {
      const key = keyOf(messageId, userId);
      if (actions.length === 0) pending.delete(key);
      else setBounded(pending, key, [...actions], MAX_PENDING);
    },
    take(messageId, userId) {
      const key = keyOf(messageId, userId);
      const actions = pending.get(key) ?? null;
      pending.delete(key);
      return actions;
    },
  };
}

/**
 * The picked choices as one answer: their actions share everything up to the last word, the
 * picked words are joined with commas (`/quiz answer 3 A` + `/quiz answer 3 C` is
 * `/quiz answer 3 A,C`), in the order the choices were offered.
 */
export function combineActions(actions: readonly string[]): string {
  const [first, ...rest] = actions;
  if (first === undefined) return '';
  const cut = first.lastIndexOf(' ') + 1;
  const stem = first.slice(0, cut);
  const words = [first.slice(cut), ...rest.filter((a) => a.startsWith(stem)).map((a) => a.slice(cut))];
  return stem + words.join(',');
}
