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
 * The context a command without `--context` runs in: the one `kubectl config use-context` chose
 * while it is still there (a teammate who stops sharing takes theirs away), else the member's own.
 */
export function currentContextOf(app: App, request: Request): string {
  const own = ownContext(request);
  const member: SandboxKey = { platform: request.platform, scope: request.scope, user: request.user };
  const chosen = app.members.currentContextOf(member);
  if (chosen === undefined || chosen === own) return own;
  return app.group.sandboxShares.ownerOf(request.platform, request.scope, chosen) === undefined
    ? own
    : chosen;
}
