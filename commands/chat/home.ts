import type { ChatCommand } from '../../src/chat/context.ts';
import { textReply } from '../../src/chat/reply.ts';
import { t } from '../../src/i18n/catalogue.ts';
import { podTable } from '../../src/kubectl/printers/pods.ts';
import { formatTable } from '../../src/kubectl/printers/table.ts';
import { memberProgress } from '../../src/progress/progress.ts';
import { ok } from '../../src/result.ts';

/** Pods a home shows at most; `kubectl get po -A` has the rest. */
const HOME_PODS = 15;

/**
 * `/home`: what a member's home page shows (Slack's App Home tab): their own pods and how each is
 * doing (as `kubectl get po -A` prints them, the cluster's own kube-system pods left out), the
 * labs they finished, the reviews due and their daily streak. It only reads.
 */
export const home: ChatCommand = {
  name: 'home',
  run(ctx) {
    const now = ctx.app.clock();
    const cluster = ctx.app.sandboxes.load(ctx.app.sandboxes.open(ctx.key, now), now);
    const pods = cluster.pods.filter((p) => p.metadata.namespace !== 'kube-system');
    const shown = pods.slice(0, HOME_PODS);
    const table = formatTable(
      podTable(shown, cluster.now, { wide: false, withNamespace: true, keys: [], showLabels: false }),
    );
    const progress = memberProgress(ctx.app, ctx.request, now);
    const lines = [
      t(ctx.lang, 'home.title'),
      t(ctx.lang, 'home.pods', { n: pods.length }),
      ...(pods.length === 0 ? [t(ctx.lang, 'home.noPods')] : ['```', table, '```']),
      ...(pods.length > shown.length
        ? [t(ctx.lang, 'home.morePods', { n: pods.length - shown.length })]
        : []),
      t(ctx.lang, 'home.labs', { n: progress.labs.length }),
      t(ctx.lang, 'progress.reviews', { n: progress.reviewsDue }),
      t(ctx.lang, 'progress.streak', { n: progress.streak }),
      '',
      t(ctx.lang, 'home.next'),
    ];
    return ok(textReply(lines.join('\n'), true, 'private'));
  },
};
