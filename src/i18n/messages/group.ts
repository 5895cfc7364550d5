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
    ko: '`{name}`{이라는/라는} 설정은 없어요. 설정은 {names}{이에요/예요}.',
  },
  'settings.badValue': {
    en: '`{value}` is not a value for `{name}`: expected `{accepts}`. Nothing was changed.',
    ko: '`{value}`{은/는} `{name}`에 쓸 수 없는 값이에요: `{accepts}` 중 하나를 써 주세요. 아무것도 바뀌지 않았어요.',
  },
  'settings.set': {
    en: 'Setting `{name}` of this channel is now `{value}`.',
    ko: '이 채널의 `{name}` 설정을 `{value}`{으로/로} 바꿨어요.',
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
  'share.button': { en: 'Share', ko: '공유' },
  'share.heading': { en: '{name} shared:', ko: '{name}님이 공유했어요:' },
  'share.usage': {
    en: 'Usage: `/share ID`, as the Share button under your output sends it.',
    ko: '사용법: `/share ID` (출력 아래의 공유 버튼이 보내는 명령이에요).',
  },
  'share.gone': {
    en: 'There is no output of yours to share with that id (outputs are kept for a week).',
    ko: '그 id로 공유할 내 출력이 없어요 (출력은 일주일 동안 보관돼요).',
  },
  'share.already': {
    en: 'You already shared that output in the channel.',
    ko: '그 출력은 이미 채널에 공유했어요.',
  },
  'context.notShared': {
    en: 'Nobody here called `{name}` has shared their sandbox (they can with `/sandbox share on`). Your own context is your username; `kubectl config get-contexts` lists the shared ones.',
    ko: '여기에는 샌드박스를 공유한 `{name}`{이/가} 없어요 (`/sandbox share on`으로 공유할 수 있어요). 내 컨텍스트 이름은 내 사용자 이름이고, 공유된 것은 `kubectl config get-contexts`로 볼 수 있어요.',
  },
  'context.readOnly': {
    en: 'You can only look at {name}’s sandbox ({verbs}): `{verb}` would change it. Nothing was changed.',
    ko: '{name}님의 샌드박스는 보기만 할 수 있어요 ({verbs}). `{verb}`{은/는} 샌드박스를 바꾸는 명령이에요. 아무것도 바뀌지 않았어요.',
  },
  'context.fixed': {
    en: 'Each context in your kubeconfig is one sandbox, with its own cluster and your user: `--cluster` and `--user` can only name what the context already names (see `kubectl config get-contexts`). Nothing was changed.',
    ko: 'kubeconfig의 컨텍스트는 각각 샌드박스 하나이고, 클러스터와 사용자(나)가 정해져 있어요. `--cluster`와 `--user`에는 그 컨텍스트가 이미 가리키는 것만 쓸 수 있어요 (`kubectl config get-contexts`로 확인). 아무것도 바뀌지 않았어요.',
  },
  'context.unsimulated': {
    en: '`kubectl {verb}` would write entries of its own into your kubeconfig, but here each context is one sandbox that Podium keeps: yours, and each teammate’s shared one. `kubectl config use-context` chooses among them and `kubectl config set-context --namespace` sets their namespace. Nothing was changed.',
    ko: '`kubectl {verb}`{은/는} kubeconfig에 새 항목을 쓰는 명령인데, 여기서는 컨텍스트마다 Podium이 관리하는 샌드박스 하나예요: 내 것과 팀원이 공유한 것. `kubectl config use-context`로 그중 하나를 고르고, `kubectl config set-context --namespace`로 네임스페이스를 정할 수 있어요. 아무것도 바뀌지 않았어요.',
  },
  'context.current': {
    en: 'Your current context is `{name}` (you chose it with `kubectl config use-context {name}`); `kubectl config use-context {own}` takes you back to your own sandbox.',
    ko: '지금 컨텍스트는 `{name}`{이에요/예요} (`kubectl config use-context {name}`{으로/로} 골랐어요). `kubectl config use-context {own}`{으로/로} 내 샌드박스로 돌아갈 수 있어요.',
  },
  'context.rawToken': {
    en: 'Podium keeps only a hash of your token, so it still reads `REDACTED` here: the token itself is in the file `/sandbox kubeconfig` gave you.',
    ko: 'Podium은 토큰의 해시만 보관해서 여기서는 토큰이 `REDACTED`로 보여요. 토큰 자체는 `/sandbox kubeconfig`로 받은 파일에 있어요.',
  },
  'sandbox.share.on': {
    en: 'Your sandbox is now shared: members of this server or workspace can look at it (read-only) with `kubectl --context={name} get po`. `/sandbox share off` stops it.',
    ko: '이제 샌드박스를 공유해요: 이 서버나 워크스페이스의 멤버가 `kubectl --context={name} get po`로 볼 수 있어요 (읽기만 가능). `/sandbox share off`로 멈춰요.',
  },
  'sandbox.share.off': {
    en: 'Your sandbox is no longer shared: nobody else can look at it.',
    ko: '이제 샌드박스를 공유하지 않아요: 다른 사람은 볼 수 없어요.',
  },
  'sandbox.share.isOn': {
    en: 'Your sandbox is shared as `{name}` (read-only). `/sandbox share off` stops it.',
    ko: '샌드박스를 `{name}`{으로/로} 공유하고 있어요 (읽기만 가능). `/sandbox share off`로 멈춰요.',
  },
  'sandbox.share.isOff': {
    en: 'Your sandbox is not shared. `/sandbox share on` lets your teammates look at it (read-only).',
    ko: '샌드박스를 공유하지 않고 있어요. `/sandbox share on`으로 팀원이 볼 수 있게 해요 (읽기만 가능).',
  },
  'sandbox.share.noUsername': {
    en: 'This platform did not tell me your username, so your sandbox cannot be shared here.',
    ko: '이 플랫폼이 사용자 이름을 알려 주지 않아서 여기서는 샌드박스를 공유할 수 없어요.',
  },
  'sandbox.share.looks': { en: 'Who looked recently:', ko: '최근에 본 사람:' },
  'sandbox.share.noLooks': { en: 'Nobody has looked yet.', ko: '아직 아무도 보지 않았어요.' },
  'sandbox.share.look': {
    en: '• {name}: `{command}` ({minutes} min ago)',
    ko: '• {name}: `{command}` ({minutes}분 전)',
  },
  'live.mayNotStart': {
    en: 'In this channel only moderators (or the role set with `/settings quiz-starters`) start live quizzes. `/quiz practice` is yours any time.',
    ko: '이 채널에서는 모더레이터 (또는 `/settings quiz-starters`로 정한 역할)만 라이브 퀴즈를 시작할 수 있어요. `/quiz practice`는 언제든 할 수 있어요.',
  },
  'live.lobbyStarted': {
    en: 'Live quiz on {title}: {count:question|questions}. Press Join to play; question 1 opens in {seconds} s.',
    ko: '{title} 라이브 퀴즈: {count}문제. 참가 버튼을 누르세요. {seconds}초 뒤에 1번 문제가 열려요.',
  },
  'live.lobbyStartedUntimed': {
    en: 'Live quiz on {title}: {count:question|questions}. Press Join to play; question 1 opens on `/quiz next`.',
    ko: '{title} 라이브 퀴즈: {count}문제. 참가 버튼을 누르세요. `/quiz next`로 1번 문제가 열려요.',
  },
  'live.lobby': {
    en: '🎬 Live quiz on {title}: {count:question|questions}, {seconds} s each. Press Join to play!',
    ko: '🎬 {title} 라이브 퀴즈: {count}문제, 문제마다 {seconds}초. 참가 버튼을 눌러 주세요!',
  },
  'live.threadStarter': {
    en: '🧵 Live quiz on {title}, started by {host}: it is played in the thread of this message.',
    ko: '🧵 {host}{이/가} 시작한 {title} 라이브 퀴즈: 이 메시지의 스레드에서 진행돼요.',
  },
  'live.threadFailed': {
    en: '🎬 Live quiz on {title}, started by {host}, is played here: no thread could be opened (the bot needs Create Public Threads and Send Messages in Threads).',
    ko: '🎬 {host}{이/가} 시작한 {title} 라이브 퀴즈는 여기서 진행돼요. 스레드를 열 수 없었어요 (봇에게 공개 스레드 만들기와 스레드에서 메시지 보내기 권한이 필요해요).',
  },
  'discord.sandbox.share': {
    en: 'Let teammates look at your sandbox (kubectl --context=YOUR_USERNAME), or see who looked',
    ko: '팀원이 내 샌드박스를 볼 수 있게 하기 (kubectl --context=내_사용자명) 또는 누가 봤는지 보기',
  },
  'discord.sandbox.share.state': {
    en: 'on or off (leave it out to see the current state)',
    ko: 'on 또는 off (비워 두면 지금 상태를 보여줘요)',
  },
  'discord.progress': {
    en: 'Your labs, accuracy per topic, reviews due and daily streak',
    ko: '끝낸 실습, 주제별 정답률, 복습할 문제, 오늘의 문제 연속 기록',
  },
  'discord.progress.view': {
    en: 'group: the whole group; export: CSV and Markdown files',
    ko: 'group: 그룹 전체, export: CSV와 Markdown 파일',
  },
  'live.threadName': { en: 'Live quiz: {title}', ko: '라이브 퀴즈: {title}' },
  'live.lobbyClosed': {
    en: '🎬 Live quiz on {title}: {players} played.',
    ko: '🎬 {title} 라이브 퀴즈: {players}명이 참가했어요.',
  },
  'live.join': { en: 'Join', ko: '참가' },
  'live.opening': { en: 'Opening question 1.', ko: '1번 문제를 열게요.' },
  'live.joined': {
    en: 'You are in ({players} playing). Question 1 opens soon.',
    ko: '참가했어요 (지금 {players}명). 곧 1번 문제가 열려요.',
  },
  'live.joinedLate': {
    en: 'You are in ({players} playing): answer the open question.',
    ko: '참가했어요 (지금 {players}명): 열려 있는 문제에 답해 보세요.',
  },
  'live.alreadyIn': { en: 'You are already playing in this quiz.', ko: '이미 이 퀴즈에 참가하고 있어요.' },
  'live.partly': { en: 'Partly right:', ko: '부분 정답:' },
  'live.mostPickedWrong': {
    en: '🤔 Most picked wrong answer: {choice} ({count}). {misconception}',
    ko: '🤔 가장 많이 고른 오답: {choice} ({count}명). {misconception}',
  },
  'live.mostMissed': {
    en: '📌 The questions the group missed most:',
    ko: '📌 그룹이 가장 많이 틀린 문제:',
  },
  'live.missedLine': {
    en: '• Q{n}: {prompt} ({wrong}/{answers} wrong)',
    ko: '• {n}번: {prompt} ({answers}명 중 {wrong}명 오답)',
  },
  'live.practise': { en: 'Practise these', ko: '이 문제들 연습하기' },
  'live.nothingMissed': {
    en: 'That quiz has no missed questions to practise.',
    ko: '그 퀴즈에는 연습할 오답 문제가 없어요.',
  },
  'live.practiseHeader': {
    en: 'Practice · what the group missed ({left} left)',
    ko: '연습 · 그룹이 틀린 문제 ({left}문제 남음)',
  },
  'live.practiseDone': {
    en: 'That was the last of the questions the group missed. 🎉',
    ko: '그룹이 틀린 문제를 모두 풀었어요. 🎉',
  },
  'progress.title': { en: '📈 Your progress', ko: '📈 나의 진도' },
  'progress.labs': { en: 'Labs done:', ko: '끝낸 실습:' },
  'progress.none': { en: 'none yet', ko: '아직 없어요' },
  'progress.accuracy': { en: 'Accuracy per topic:', ko: '주제별 정답률:' },
  'progress.reviews': { en: 'Reviews due: {n}', ko: '복습할 문제: {n}개' },
  'progress.streak': { en: 'Daily question streak: {n:day|days}', ko: '오늘의 문제 연속 기록: {n}일' },
  'progress.groupTitle': { en: '👥 The group’s progress', ko: '👥 그룹 진도' },
  'progress.grid': { en: 'Labs finished (members × labs):', ko: '끝낸 실습 (멤버 × 실습):' },
  'progress.groupAccuracy': { en: 'Accuracy per topic, whole group:', ko: '그룹 전체의 주제별 정답률:' },
  'progress.mostMissed': { en: 'Most-missed questions:', ko: '가장 많이 틀린 문제:' },
  'progress.exported': {
    en: 'The group’s study log: a CSV (one row per member and topic or lab) and the same in Markdown.',
    ko: '그룹 학습 기록이에요: CSV (멤버와 주제 또는 실습마다 한 줄)와 같은 내용의 Markdown.',
  },
  'progress.usage': {
    en: 'Usage: `/progress` (yours), `/progress group`, `/progress export`.',
    ko: '사용법: `/progress` (나), `/progress group`, `/progress export`.',
  },
  'help.progress': {
    en: '`/progress`, `/progress group`, `/progress export`: labs done, accuracy per topic, reviews due and daily streak, for you or the group (CSV and Markdown).',
    ko: '`/progress`, `/progress group`, `/progress export`: 끝낸 실습, 주제별 정답률, 복습할 문제, 오늘의 문제 연속 기록 (나 또는 그룹, CSV와 Markdown).',
  },
  'daily.header': { en: '☀️ Question of the day', ko: '☀️ 오늘의 문제' },
  'daily.usage': {
    en: 'Usage: `/daily answer POST CHOICE`, as the daily question’s buttons send it.',
    ko: '사용법: `/daily answer 게시물 선택지` (오늘의 문제 버튼이 보내는 명령이에요).',
  },
  'daily.gone': { en: 'That daily question is not here any more.', ko: '그 오늘의 문제는 더 이상 없어요.' },
  'daily.already': {
    en: 'You already answered that daily question.',
    ko: '그 오늘의 문제에는 이미 답했어요.',
  },
  'daily.streak': { en: '🔥 Your daily streak: {n:day|days}.', ko: '🔥 오늘의 문제 연속 기록: {n}일.' },
} as const satisfies Messages;
