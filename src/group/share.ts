import type { App } from '../chat/context.ts';
import type { Reply } from '../chat/reply.ts';
import type { Request } from '../chat/request.ts';
import { t } from '../i18n/catalogue.ts';
import type { Lang } from '../i18n/lang.ts';
import { isBusy, transact } from '../store/db.ts';

/**
 * Output visibility, decided once for every command whose reply is the member's own output
 * (kubectl, curl, wget; `reply.shareable`): by default it is private, kept server-side and given a
 * Share button (`/share ID`) that posts it in the channel under the member's name; a channel set
 * to `/settings output public` gets it in the channel straight away. A committed command's reply
 * is kept in the command's transaction; a failed command's (rolled back) after it, in one of its
 * own, so that it can still be shared: errors are where help is needed most.
 */
export const shareAction = (id: number) => `/share ${id}`;

export function withVisibility(app: App, request: Request, lang: Lang, reply: Reply): Reply {
  if (reply.shareable !== true) return reply;
  const { shareable: _, ...plain } = reply;
  const channel = { platform: request.platform, scope: request.scope, channel: request.channel };
  if (app.group.settings.get(channel).output === 'public') return { ...plain, visibility: 'public' };
  const keep = () => app.group.shares.keep(request, plain, app.clock());
  let id: number;
  if (!app.db.inTransaction) id = transact(app.db, keep);
  else {
    // Inside the command's own transaction (dispatch), the row is written with the command's
    // changes: one commit, not two. A read that finds another connection writing never waits for
    // it (dispatch.ts): its reply stays as it is and is kept after the commit, in a transaction
    // of its own, which waits its turn.
    try {
      id = keep();
    } catch (e) {
      if (isBusy(e)) return reply;
      throw e;
    }
  }
  return {
    ...plain,
    visibility: 'private',
    choices: [...plain.choices, { id: 'share', label: t(lang, 'share.button'), action: shareAction(id) }],
  };
}

/** Marks a command's replies (success and failure alike) as the member's own output. */
export function shareable<A extends unknown[], R extends { ok: boolean }>(
  run: (...args: A) => R,
): (...args: A) => R {
  return (...args) => {
    const result = run(...args) as R & ({ ok: true; value: Reply } | { ok: false; error: Reply });
    return (
      result.ok
        ? { ...result, value: { ...result.value, shareable: true } }
        : { ...result, error: { ...result.error, shareable: true } }
    ) as R;
  };
}
