import { createHash } from 'node:crypto';
import { setBounded } from './bounded.ts';

/**
 * Discord custom_ids (buttons, select options, modals) are at most 100 characters. A button's
 * custom_id carries the chat text it stands for, so a click keeps working after a restart:
 *
 *   custom-id = kind ":" ( "t" text        ; the text itself, when it fits
 *                        | "h" hash )      ; a digest of a longer text, kept in memory
 *   kind      = "c"   a choice button: dispatch the text
 *             | "m"   a multi-select option or menu: remember the pick until submit
 *             | "s"   the submit button of a multi-select
 *             | "f"   a modal: the text is the command line that reads the modal's box
 *
 * Only texts longer than ~97 characters fall back to the in-memory table; the core's actions
 * (`/quiz answer 3 B`) are far shorter.
 */
export type IdKind = 'c' | 'm' | 's' | 'f';

export const CUSTOM_ID_MAX = 100;
const KINDS: readonly string[] = ['c', 'm', 's', 'f'];
/** Bounded, so a long-running bot cannot grow it without limit; oldest entries go first. */
const TABLE_MAX = 10_000;

export interface IdTable {
  encode(kind: IdKind, text: string): string;
  decode(customId: string): { kind: IdKind; text: string } | null;
}

export function createIdTable(): IdTable {
  const long = new Map<string, string>();
  return {
    encode(kind, text) {
      const direct = `${kind}:t${text}`;
      if (direct.length <= CUSTOM_ID_MAX) return direct;
      const hash = createHash('sha256').update(text).digest('base64url').slice(0, 24);
      setBounded(long, hash, text, TABLE_MAX);
      return `${kind}:h${hash}`;
    },
    decode(customId) {
      const match = /^([a-z]):([th])([\s\S]*)$/.exec(customId);
      if (match === null) return null;
      const [, kind = '', form, rest = ''] = match;
      if (!KINDS.includes(kind)) return null;
      const text = form === 't' ? rest : long.get(rest);
      return text === undefined ? null : { kind: kind as IdKind, text };
    },
  };
}
