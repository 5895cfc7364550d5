import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Request } from '../../chat/request.ts';

/**
 * Who a Slack member is, for what the core asks of a Request: the username (`users.info` → the
 * handle, stable and unique in the workspace, which `kubectl --context=NAME` and `/sandbox share`
 * use), moderator or not (workspace admins and owners), and the user groups they belong to
 * (`usergroups.list` handles, which `/settings moderator-group` and `quiz-role` name). Answers are
 * kept for a few minutes, so a busy quiz asks Slack once per member, not once per click; where
 * Slack refuses (a scope the app was not granted) the member is simply a member.
 */
export type Identify = (request: Request) => Promise<Request>;

const KEEP_MS = 5 * 60_000;

interface Kept<T> {
  at: number;
  value: T;
}

interface Person {
  username?: string;
  admin: boolean;
}

export function slackMembers(client: webApi.WebClient, clock: () => number, log: Logger): Identify {
  const people = new Map<string, Kept<Person>>();
  const groups = new Map<string, Kept<Map<string, string[]>>>();
  const fresh = <T>(kept: Kept<T> | undefined): kept is Kept<T> =>
    kept !== undefined && clock() - kept.at < KEEP_MS;

  async function person(request: Request): Promise<Person> {
    const key = `${request.scope}/${request.user}`;
    const kept = people.get(key);
    if (fresh(kept)) return kept.value;
    let value: Person = { admin: false };
    try {
      const { user } = await client.users.info({ user: request.user });
      value = {
        ...(user?.name === undefined ? {} : { username: user.name }),
        admin: user?.is_admin === true || user?.is_owner === true || user?.is_primary_owner === true,
      };
    } catch (error) {
      log.warn({ err: error, platform: 'slack' }, 'users.info failed; treating the member as a member');
    }
    people.set(key, { at: clock(), value });
    return value;
  }

  async function groupsOf(request: Request): Promise<string[]> {
    let kept = groups.get(request.scope);
    if (!fresh(kept)) {
      const byUser = new Map<string, string[]>();
      try {
        const listed = await client.usergroups.list({ include_users: true });
        for (const group of listed.usergroups ?? []) {
          if (group.handle === undefined) continue;
          for (const user of group.users ?? []) byUser.set(user, [...(byUser.get(user) ?? []), group.handle]);
        }
      } catch (error) {
        log.warn({ err: error, platform: 'slack' }, 'usergroups.list failed; no user groups known');
      }
      kept = { at: clock(), value: byUser };
      groups.set(request.scope, kept);
    }
    return kept.value.get(request.user) ?? [];
  }

  return async (request) => {
    const [who, member] = await Promise.all([person(request), groupsOf(request)]);
    const username = who.username ?? request.username;
    return {
      ...request,
      ...(username === undefined ? {} : { username }),
      role: who.admin ? 'moderator' : 'member',
      groups: member,
    };
  };
}
