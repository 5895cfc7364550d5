import { describe, expect, it } from 'vitest';
import { CHAT_COMMANDS } from '../../commands/index.ts';
import type { App } from '../../src/chat/context.ts';
import { dispatch } from '../../src/chat/dispatch.ts';
import { type Reply, replyText } from '../../src/chat/reply.ts';
import { testApp } from '../helpers/app.ts';

describe('/settings', () => {
  it('GIVEN a fresh channel WHEN anyone asks THEN the defaults are shown (output private, daily at 09:00 Asia/Seoul, off)', () => {
    const { say } = testApp();
    const text = say('bob', '/settings');
    expect(text).toContain('• output: private');
    expect(text).toContain('• daily: off');
    expect(text).toContain('• daily-hour: 09:00');
    expect(text).toContain('• daily-zone: Asia/Seoul');
  });

  it('GIVEN a member who is not a moderator WHEN they change a setting or the channel language THEN it is refused and nothing changes', () => {
    const { send, say, app } = testApp(':memory:', ['mia']);
    const refused = send('bob', '/settings output public');
    expect(refused.ok).toBe(false);
    expect(replyOf(refused)).toMatch(/^Only moderators can change/);
    expect(app.group.settings.get({ platform: 'console', scope: 'test', channel: 'general' }).output).toBe(
      'private',
    );
    expect(send('bob', '/lang channel ko').ok).toBe(false);
    expect(say('bob', '/settings')).toContain('• lang: en');
    expect(send('bob', '/settings lang ko').ok).toBe(false);
  });

  it('GIVEN a moderator WHEN they change settings THEN each is stored, echoed publicly, and shown by /settings', () => {
    const { send, say } = testApp(':memory:', ['mia']);
    const set = send('mia', '/settings output public');
    expect(set.ok).toBe(true);
    expect(set.visibility).toBe('public');
    expect(say('mia', '/settings daily on')).toBe('Setting `daily` of this channel is now `on`.');
    expect(say('mia', '/settings daily-hour 7')).toBe('Setting `daily-hour` of this channel is now `07:00`.');
    expect(say('mia', '/settings daily-zone Europe/Paris')).toContain('`Europe/Paris`');
    expect(say('mia', '/settings quiz-starters role:study-leads')).toContain('`role:study-leads`');
    expect(say('mia', '/settings lobby 0')).toContain('`0`');
    expect(say('mia', '/settings lang ko')).toBe('이 채널의 `lang` 설정을 `ko`로 바꿨어요.');
    const shown = say('bob', '/settings');
    expect(shown).toContain('• output: public');
    expect(shown).toContain('• daily-hour: 07:00');
    expect(shown).toContain('• daily-zone: Europe/Paris');
    expect(shown).toContain('• lang: ko');
  });

  it('GIVEN bad values WHEN a moderator sets them THEN each is a clear error naming what is expected, and nothing changes', () => {
    const { send, say } = testApp(':memory:', ['mia']);
    for (const [line, expected] of [
      [
        '/settings output loud',
        '`loud` is not a value for `output`: expected `private|public`. Nothing was changed.',
      ],
      [
        '/settings daily-hour 24',
        '`24` is not a value for `daily-hour`: expected `0-23`. Nothing was changed.',
      ],
      [
        '/settings daily-zone Mars/Olympus',
        '`Mars/Olympus` is not a value for `daily-zone`: expected `Asia/Seoul|UTC|…`. Nothing was changed.',
      ],
      [
        '/settings daily-topic nope',
        '`nope` is not a value for `daily-topic`: expected `TOPIC|all`. Nothing was changed.',
      ],
      [
        '/settings colour red',
        'There is no setting `colour`. The settings are: `lang`, `output`, `quiz-starters`, `quiz-count`, `quiz-seconds`, `lobby`, `threads`, `moderators`, `daily`, `daily-hour`, `daily-zone`, `daily-topic`, `guide`.',
      ],
    ] as const) {
      const reply = send('mia', line);
      expect(reply.ok, line).toBe(false);
      expect(replyOf(reply)).toBe(expected);
    }
    expect(say('mia', '/settings')).toContain('• daily-hour: 09:00');
  });

  it('GIVEN /settings moderators names a group WHEN a member of it (by the adapter) changes a setting THEN it is allowed', () => {
    const { app, send } = testApp(':memory:', ['mia']);
    expect(send('mia', '/settings moderators @study-leads').ok).toBe(true);
    const reply = dispatchAs(app, 'bob', ['study-leads'], '/settings output public');
    expect(reply.ok).toBe(true);
  });
});

const replyOf = (reply: Reply) => replyText(reply);

function dispatchAs(app: App, user: string, groups: string[], text: string): Reply {
  return dispatch(app, CHAT_COMMANDS, {
    platform: 'console',
    scope: 'test',
    channel: 'general',
    user,
    userName: user,
    groups,
    text,
    attachments: [],
  });
}
