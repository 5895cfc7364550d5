import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App, CommandContext } from '../chat/context.ts';
import { type Reply, textReply } from '../chat/reply.ts';
import type { Request } from '../chat/request.ts';
import { currentContextOf, ownContext } from '../group/contexts.ts';
import { t } from '../i18n/catalogue.ts';
import { type Kubeconfig, memberKubeconfig } from '../kubectl/kubeconfig.ts';
import { err, ok, type Result } from '../result.ts';
import type { SandboxKey } from '../store/sandboxes.ts';
import { SERVER_ADDRESS } from './discovery.ts';
import { type KubeconfigInput, kubeconfigText } from './kubeconfig.ts';
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
  // The sandbox exists before kubectl first reaches it, as it does for a share.
  ctx.app.sandboxes.open(ctx.key, ctx.app.clock());
  const token = tokens.issue(ctx.key, username, ctx.app.clock());
  const input = kubeconfigInput(
    ctx.app,
    ctx.request,
    door.url,
    door.tls ? readFileSync(caPath, 'utf8') : null,
    token,
  );
  const text = kubeconfigText(input);
  const reply = say('kubeapi.kubeconfig', {
    server: door.url,
    contexts: [username, ...input.shared].join(', '),
  });
  return ok({ ...reply, files: [{ name: 'podium.yaml', contentType: 'application/yaml', data: text }] });
}

/**
 * The member's kubeconfig as `kubectl config view` reads it in chat: the file
 * `/sandbox kubeconfig` hands out, but for its token, which Podium keeps only as a hash (the chat
 * shows REDACTED even for --raw). With the door off there is no file to hand out: the server is
 * the address discovery advertises.
 */
export function chatKubeconfig(app: App, request: Request): Kubeconfig {
  const door = apiDoorConfig(process.env);
  const caPath = door === null ? null : join(tlsDirFor(door, app.db.name), 'api-ca.crt');
  const ca =
    door?.tls === true && caPath !== null && existsSync(caPath) ? readFileSync(caPath, 'utf8') : null;
  return memberKubeconfig(
    kubeconfigInput(app, request, door?.url ?? `https://${SERVER_ADDRESS}`, ca, 'REDACTED'),
  );
}

/** Whose contexts, namespaces and current context the member's kubeconfig names. */
function kubeconfigInput(
  app: App,
  request: Request,
  server: string,
  ca: string | null,
  token: string,
): KubeconfigInput {
  const username = ownContext(request);
  const member: SandboxKey = { platform: request.platform, scope: request.scope, user: request.user };
  const shared = app.group.sandboxShares.names(request.platform, request.scope).filter((n) => n !== username);
  return {
    server,
    token,
    username,
    ca,
    shared,
    namespaces: app.members.contextNamespacesOf(member),
    current: currentContextOf(app, request),
  };
}
