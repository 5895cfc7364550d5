import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandContext } from '../chat/context.ts';
import { type Reply, textReply } from '../chat/reply.ts';
import { ownContext } from '../group/contexts.ts';
import { t } from '../i18n/catalogue.ts';
import { err, ok, type Result } from '../result.ts';
import { kubeconfigText } from './kubeconfig.ts';
import { apiDoorConfig, tlsDirFor } from './start.ts';
import { ApiTokenStore } from './tokens.ts';

/**
 * `/sandbox kubeconfig`: a kubeconfig for the member's own kubectl, privately, as a file (on
 * Slack to their DM): the door's address, a fresh bearer token (stored only as its hash; the
 * member's earlier token stops working) and the CA when Podium serves TLS itself. Teammates'
 * shared sandboxes are further contexts. `/sandbox kubeconfig revoke` turns the token off.
 */
export function sandboxKubeconfig(ctx: CommandContext, word: string | undefined): Result<Reply, Reply> {
  const say = (key: Parameters<typeof t>[1], params = {}) =>
    textReply(t(ctx.lang, key, params), true, 'private');
  const tokens = new ApiTokenStore(ctx.app.db);
  if (word?.toLowerCase() === 'revoke')
    return tokens.revoke(ctx.key) ? ok(say('kubeapi.revoked')) : err(say('kubeapi.nothingToRevoke'));
  if (word !== undefined) return err(textReply(t(ctx.lang, 'sandbox.usage'), false, 'private'));
  const door = apiDoorConfig(process.env);
  if (door === null) return err(say('kubeapi.off'));
  const caPath = join(tlsDirFor(door, ctx.app.db.name), 'api-ca.crt');
  if (door.tls && !existsSync(caPath)) return err(say('kubeapi.noCa'));
  const username = ownContext(ctx.request);
  const { platform, scope } = ctx.key;
  const shared = ctx.app.group.sandboxShares.names(platform, scope).filter((n) => n !== username);
  // The sandbox exists before kubectl first reaches it, as it does for a share.
  ctx.app.sandboxes.open(ctx.key, ctx.app.clock());
  const token = tokens.issue(ctx.key, username, ctx.app.clock());
  const text = kubeconfigText({
    server: door.url,
    token,
    username,
    ca: door.tls ? readFileSync(caPath, 'utf8') : null,
    shared,
  });
  const reply = say('kubeapi.kubeconfig', { server: door.url, contexts: [username, ...shared].join(', ') });
  return ok({ ...reply, files: [{ name: 'podium.yaml', contentType: 'application/yaml', data: text }] });
}
