import type { Messages } from '../catalogue.ts';

/** The study group: channel settings, Share, looking at a teammate's sandbox, progress, daily. */
export const groupMessages = {
  'settings.title': {
    en: 'Settings of this channel (moderators change one with `/settings NAME VALUE`):',
    ko: '이 채널의 설정이에요 (모더레이터는 `/settings 이름 값`으로 바꿀 수 있어요):',
  },
  'settings.notModerator': {
    en: 'Only moderators can change this channel’s settings (Discord: Manage Messages; Slack: workspace admins and owners, or the group named by `/settings moderators`). Nothing was changed.',
    ko: '이 채널의 설정은 모더레이터만 바꿀 수 있어요 (Discord: 메시지 관리 권한, Slack: 워크스페이스 관리자와 소유자, 또는 `/settings moderators`로 정한 그룹). 아무것도 바뀌지 않았어요.',
  },
  'settings.unknown': {
    en: 'There is no setting `{name}`. The settings are: {names}.',
    ko: '`{name}`이라는 설정은 없어요. 설정은 {names}이에요.',
  },
  'settings.badValue': {
    en: '`{value}` is not a value for `{name}`: expected `{accepts}`. Nothing was changed.',
    ko: '`{value}`은(는) `{name}`에 쓸 수 없는 값이에요: `{accepts}` 중 하나를 써 주세요. 아무것도 바뀌지 않았어요.',
  },
  'settings.set': {
    en: 'Setting `{name}` of this channel is now `{value}`.',
    ko: '이 채널의 `{name}` 설정을 `{value}`(으)로 바꿨어요.',
  },
  'help.settings': {
    en: '`/settings`: this channel’s settings (language, output, quizzes, threads, daily question); moderators change them.',
    ko: '`/settings`: 이 채널의 설정 (언어, 출력 공개 여부, 퀴즈, 스레드, 오늘의 문제). 모더레이터가 바꿔요.',
  },
  'lang.channelModerators': {
    en: 'Only moderators can change this channel’s language. Nothing was changed; `/lang ko|en` changes yours.',
    ko: '채널의 기본 언어는 모더레이터만 바꿀 수 있어요. 아무것도 바뀌지 않았어요. 내 언어는 `/lang ko|en`으로 바꿔요.',
  },
  'discord.settings': {
    en: 'This channel’s settings; moderators change them',
    ko: '이 채널의 설정 (모더레이터가 바꿔요)',
  },
  'discord.settings.name': { en: 'The setting to change', ko: '바꿀 설정' },
  'discord.settings.value': { en: 'Its new value', ko: '새 값' },
} as const satisfies Messages;
