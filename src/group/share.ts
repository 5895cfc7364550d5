import type { App } from '../chat/context.ts';
import type { Reply } from '../chat/reply.ts';
import type { Request } from '../chat/request.ts';
import { t } from '../i18n/catalogue.ts';
import type { Lang } from '../i18n/lang.ts';

/**
 * Output visibility, decided once for every command whose reply is the member's own output
 * (kubectl, curl, wget; `reply.shareable`): by default it is private, kept server-side and given a
 * Share button (`/share ID`) that posts it in the channel under the member's name; a channel set
 * to `/settings output public` gets it in the channel straight away. Runs after the command's
 * transaction, so a failed command (rolled back) can still be shared: errors are where help is
 * needed most.
 */
export const shareAction = (id: number) => `/share ${id}`;

export function withVisibility(app: App, request: Request, lang: Lang, reply: Reply): Reply {
  if (reply.shareable !== true) return reply;
  const { shareable: _, ...plain } = reply;
  const channel = { platform: request.platform, scope: request.scope, channel: request.channel };
  if (app.group.settings.get(channel).output === 'public') return { ...plain, visibility: 'public' };
  const id = app.db.transaction(() => app.group.shares.keep(request, plain, app.clock()))();
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
