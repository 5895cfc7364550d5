import type { App } from '../chat/context.ts';
import type { Reply } from '../chat/reply.ts';
import type { Request } from '../chat/request.ts';
import { t } from '../i18n/catalogue.ts';
import type { Lang } from '../i18n/lang.ts';

/**
 * Output visibility, decided once for every command whose reply is the member's own output
 * (kubectl, curl, wget; `reply.shareable`): by default it is private, kept server-side and given a
 * Share button (`/share ID`) that posts it in the channel under the member's name; a channel set
 * to `/settings output public` gets it in the channel straight away. A committed command's reply
 * is held in memory under an id and written later, several at a time, so that a read stays a
 * read (src/store/shares.ts); a failed command's reply (rolled back) is kept the same way after
 * it: errors are where help is needed most.
 */
export const shareAction = (id: number) => `/share ${id}`;

export function withVisibility(app: App, request: Request, lang: Lang, reply: Reply): Reply {
  if (reply.shareable !== true) return reply;
  const channel = { platform: request.platform, scope: request.scope, channel: request.channel };
  if (app.group.settings.get(channel).output === 'public') {
    const shown = unmarked(reply);
    shown.visibility = 'public';
    return shown;
  }
  // Inside the command's own transaction the reply is only held in memory, under an id this
  // connection reserved before; with no id left to give (its first reply, or after many in one
  // transaction: ids are reserved only outside one) it stays as it is and is kept after the
  // commit, where dispatch calls this again.
  const plain = unmarked(reply);
  const id = app.group.shares.keep(request, plain, app.clock());
  if (id === undefined) return reply;
  const shown = unmarked(plain);
  shown.visibility = 'private';
  shown.choices = [
    ...plain.choices,
    { id: 'share', label: t(lang, 'share.button'), action: shareAction(id) },
  ];
  return shown;
}

/**
 * A copy of the reply without its `shareable` mark, made key by key: every command's reply comes
 * through here, and the build compiles `{ shareable, ...rest }` and `{ ...plain, more }` to helpers
 * that go through property descriptors (scripts/build-options.ts), several times slower.
 */
function unmarked(reply: Reply): Reply {
  const copy: Partial<Record<keyof Reply, unknown>> = {};
  for (const key in reply) if (key !== 'shareable') copy[key as keyof Reply] = reply[key as keyof Reply];
  return copy as Reply;
}

/** Marks a command's replies (success and failure alike) as the member's own output. */
export function shareable<A extends unknown[], R extends { ok: boolean }>(
  run: (...args: A) => R,
): (...args: A) => R {
  return (...args) => {
    const result = run(...args) as R & ({ ok: true; value: Reply } | { ok: false; error: Reply });
    return (
      result.ok
        ? Object.assign({}, result, { value: Object.assign({}, result.value, { shareable: true }) })
        : Object.assign({}, result, { error: Object.assign({}, result.error, { shareable: true }) })
    ) as R;
  };
}
