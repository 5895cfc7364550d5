import type { App } from '../chat/context.ts';
import type { Request } from '../chat/request.ts';
import type { SandboxKey } from '../store/sandboxes.ts';

/**
 * `kubectl --context=NAME`: whose sandbox a command runs against. The member's own context is
 * named by their platform username; any other name must be a teammate of the same server or
 * workspace who shared their sandbox (`/sandbox share on`), and is read-only. Nothing else, ever:
 * an unknown or unshared name is an error, never a silent fall back to one's own cluster.
 */
export type Target = { kind: 'own'; key: SandboxKey } | { kind: 'teammate'; key: SandboxKey; name: string };

export const ownContext = (request: Request): string => request.username ?? request.user;

export function targetOf(app: App, request: Request, context: string | null): Target | null {
  const own: SandboxKey = { platform: request.platform, scope: request.scope, user: request.user };
  if (context === null || context === ownContext(request)) return { kind: 'own', key: own };
  const owner = app.group.sandboxShares.ownerOf(request.platform, request.scope, context);
  if (owner === undefined) return null;
  if (owner.user === request.user) return { kind: 'own', key: own };
  return { kind: 'teammate', key: owner, name: context };
}

/**
 * `kubectl config get-contexts`: the member's own context (current), every shared one, and the
 * namespaces the member set on them (`kubectl config set-context --namespace`).
 */
export function contextsOf(
  app: App,
  request: Request,
): { current: string; others: string[]; namespaces: ReadonlyMap<string, string> } {
  const current = ownContext(request);
  const others = app.group.sandboxShares.names(request.platform, request.scope).filter((n) => n !== current);
  const member: SandboxKey = { platform: request.platform, scope: request.scope, user: request.user };
  return { current, others, namespaces: app.members.contextNamespacesOf(member) };
}
