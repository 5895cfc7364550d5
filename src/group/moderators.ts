import type { Request } from '../chat/request.ts';
import type { ChannelSettings } from '../store/settings.ts';

/**
 * Moderators: whom the adapter marked so (Discord: Manage Messages or Manage Server; Slack:
 * workspace admins and owners; the console's user), or members of the group `/settings` names.
 */
export function isModerator(request: Request, settings: ChannelSettings): boolean {
  if (request.role === 'moderator') return true;
  const group = settings.moderatorGroup;
  return group !== null && (request.groups ?? []).some((g) => sameGroup(g, group));
}

/** Who may start a live quiz in this channel. */
export function mayStartQuiz(request: Request, settings: ChannelSettings): boolean {
  if (isModerator(request, settings)) return true;
  switch (settings.quizStarters) {
    case 'everyone':
      return true;
    case 'moderators':
      return false;
    case 'role':
      return (
        settings.quizRole !== null &&
        (request.groups ?? []).some((g) => sameGroup(g, settings.quizRole ?? ''))
      );
  }
}

/** `@study-leads` and `study-leads` name the same group; case does not matter. */
const sameGroup = (a: string, b: string) =>
  a.replace(/^@/, '').toLowerCase() === b.replace(/^@/, '').toLowerCase();
