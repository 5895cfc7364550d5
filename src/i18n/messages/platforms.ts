import type { Messages } from '../catalogue.ts';

/** What the Discord and Slack adapters need said: command descriptions, delivery, operator starts. */
export const platformsMessages = {
  'discord.curl': {
    en: 'Run curl on your own computer (reaches localhost ports you port-forwarded)',
    ko: '내 컴퓨터에서 curl 실행 (port-forward한 localhost 포트에 접속할 수 있어요)',
  },
  'discord.curl.args': {
    en: 'The curl command line, e.g. localhost:8888',
    ko: 'curl 명령줄, 예: localhost:8888',
  },
  'discord.wget': {
    en: 'Run wget on your own computer (reaches localhost ports you port-forwarded)',
    ko: '내 컴퓨터에서 wget 실행 (port-forward한 localhost 포트에 접속할 수 있어요)',
  },
  'discord.wget.args': {
    en: 'The wget command line, e.g. -qO- localhost:8888',
    ko: 'wget 명령줄, 예: -qO- localhost:8888',
  },
  'discord.quizMissingPermissions': {
    en: 'I cannot run a live quiz in this channel: I am missing {names} here. A moderator can allow them (channel settings → Permissions → Podium), or start the quiz in another channel. Nothing was started.',
    ko: '이 채널에서는 라이브 퀴즈를 열 수 없어요: 여기서 봇에게 {names} 권한이 없어요. 모더레이터가 허용하거나 (채널 설정 → 권한 → Podium), 다른 채널에서 퀴즈를 시작해 주세요. 아무것도 시작하지 않았어요.',
  },
  'slack.uploadFailed': {
    en: 'Slack did not take the output as a file ({error}), so here is as much as fits in a few messages.',
    ko: 'Slack이 출력을 파일로 받지 않아서 ({error}) 메시지 몇 개에 들어가는 만큼만 보여 드려요.',
  },
  'slack.filesFailed': {
    en: '{count:file|files} could not be sent. Slack answered: {error}',
    ko: '파일 {count}개를 보내지 못했어요. Slack 응답: {error}',
  },
  'discord.uploadFailed': {
    en: 'Discord did not take the output as a file ({error}), so here is as much as fits in a few messages.',
    ko: 'Discord가 출력을 파일로 받지 않아서 ({error}) 메시지 몇 개에 들어가는 만큼만 보여 드려요.',
  },
  'discord.filesFailed': {
    en: '{count:file|files} could not be sent. Discord answered: {error}',
    ko: '파일 {count}개를 보내지 못했어요. Discord 응답: {error}',
  },
  'slack.answerInDm': {
    en: 'I could not answer you in the channel ({error}), so the answer comes here.',
    ko: '채널에서 답하지 못해서 ({error}) 여기로 보내 드려요.',
  },
  'live.hostPostFailed': {
    en: 'Your live quiz “{title}” could not post in its channel ({reason}), so the members there may not see it. Check that I may send messages there, or stop it with `/quiz stop` and start it in another channel.',
    ko: '라이브 퀴즈 “{title}” 메시지를 채널에 올리지 못했어요 ({reason}). 채널 멤버들에게 안 보일 수 있어요. 봇이 그 채널에 메시지를 보낼 수 있는지 확인하거나, `/quiz stop`으로 멈추고 다른 채널에서 시작해 주세요.',
  },
  'discord.notText': {
    en: '`{name}` is {type}, not a text file: attach a YAML or JSON manifest. Nothing was run.',
    ko: '`{name}` 파일은 {type} 형식이라 텍스트 파일이 아니에요: YAML이나 JSON 매니페스트를 첨부해 주세요. 아무것도 실행하지 않았어요.',
  },
  // /help per platform (commands/chat/help.ts): each platform's own way to type a command.
  // Discord reads no plain messages (no message-content intent), so everything is a slash command.
  'help.kubectl.discord': {
    en: '`/kubectl command:get po`: run kubectl in your private sandbox (try `run kubia --image=luksa/kubia --port=8080`); attach a manifest with `file:`, or `/apply` to paste one in a box; any message’s code block applies from its Apps menu → **Apply manifest**.',
    ko: '`/kubectl command:get po`: 나만의 샌드박스에서 kubectl 실행 (`run kubia --image=luksa/kubia --port=8080` 해 보세요). 매니페스트는 `file:`로 첨부하거나 `/apply`로 상자에 붙여 넣어요. 아무 메시지의 코드 블록도 메시지의 앱 메뉴 → **매니페스트 적용**으로 적용할 수 있어요.',
  },
  // Slack's mrkdwn bolds between single asterisks.
  'help.kubectl.slack': {
    en: '`/kubectl get po`: run kubectl in your private sandbox (try `/kubectl run kubia --image=luksa/kubia --port=8080`); `/kubectl apply` opens a box for a manifest, or mention me with a code block: `@podium kubectl apply -f -`; any message’s code block applies from its More actions menu → *Apply manifest*.',
    ko: '`/kubectl get po`: 나만의 샌드박스에서 kubectl 실행 (`/kubectl run kubia --image=luksa/kubia --port=8080` 해 보세요). `/kubectl apply`는 매니페스트 상자를 열고, 코드 블록과 함께 `@podium kubectl apply -f -`처럼 멘션해도 돼요. 아무 메시지의 코드 블록도 메시지의 더 보기 메뉴 → *Apply manifest*로 적용할 수 있어요.',
  },
  'help.curl.discord': {
    en: '`/curl args:localhost:8888`, `/wget args:-qO- localhost:8888`: curl or wget on your own machine, through a `kubectl port-forward` you opened.',
    ko: '`/curl args:localhost:8888`, `/wget args:-qO- localhost:8888`: 내 컴퓨터에서 curl이나 wget 실행 (`kubectl port-forward`로 연 포트를 거쳐요).',
  },
  'help.curl.slack': {
    en: '`/curl localhost:8888`, `/wget -qO- localhost:8888`: curl or wget on your own machine, through a `kubectl port-forward` you opened.',
    ko: '`/curl localhost:8888`, `/wget -qO- localhost:8888`: 내 컴퓨터에서 curl이나 wget 실행 (`kubectl port-forward`로 연 포트를 거쳐요).',
  },
  'help.file.discord': {
    en: '`/file save name:NAME` with `file:` (or a box), `/file list`, `/file show name:NAME`, `/file delete name:NAME`: saved manifests for `kubectl create -f NAME`.',
    ko: '`/file save name:이름`에 `file:` 첨부 (없으면 상자), `/file list`, `/file show name:이름`, `/file delete name:이름`: `kubectl create -f 이름`에 쓸 매니페스트 저장.',
  },
  'help.file.slack': {
    en: '`@podium /file save NAME` with a code block, `/file list`, `/file show NAME`, `/file delete NAME`: saved manifests for `kubectl create -f NAME`.',
    ko: '코드 블록과 함께 `@podium /file save 이름`, `/file list`, `/file show 이름`, `/file delete 이름`: `kubectl create -f 이름`에 쓸 매니페스트 저장.',
  },
  'help.sandbox.discord': {
    en: '`/sandbox reset confirm:True`: throw your sandbox away and start over with a fresh cluster. `/sandbox map [selector:…]`: your sandbox as a picture.',
    ko: '`/sandbox reset confirm:True`: 샌드박스를 지우고 새 클러스터로 다시 시작. `/sandbox map [selector:…]`: 샌드박스를 그림으로 보기.',
  },
  'help.quiz.discord': {
    en: '`/quiz start [topic:…]`: a live quiz in this channel; `/quiz practice`, `/quiz review`, `/quiz stats`, `/quiz leaderboard`.',
    ko: '`/quiz start [topic:…]`: 이 채널에서 라이브 퀴즈; `/quiz practice`, `/quiz review`, `/quiz stats`, `/quiz leaderboard`.',
  },
  'help.lab.discord': {
    en: '`/lab list`, `/lab start name:ID`, `/lab check`, `/lab hint`, `/lab stop`: guided exercises checked against your sandbox.',
    ko: '`/lab list`, `/lab start name:ID`, `/lab check`, `/lab hint`, `/lab stop`: 내 샌드박스로 채점하는 실습.',
  },
  'help.lang.discord': {
    en: '`/lang language:…`: choose the language I speak to you in (until you do, I follow your Discord app’s language).',
    ko: '`/lang language:…`: 봇이 쓰는 언어 선택 (고르기 전에는 Discord 앱의 언어를 따라요).',
  },
  'help.settings.discord': {
    en: '`/settings [name:… value:…]`: this channel’s settings (language, output, quizzes, threads, daily question); moderators change them.',
    ko: '`/settings [name:… value:…]`: 이 채널의 설정 (언어, 출력 공개 여부, 퀴즈, 스레드, 오늘의 문제). 모더레이터가 바꿔요.',
  },
  'help.progress.discord': {
    en: '`/progress [view:group|export]`: labs done, accuracy per topic, reviews due and daily streak, for you or the group (CSV and Markdown).',
    ko: '`/progress [view:group|export]`: 끝낸 실습, 주제별 정답률, 복습할 문제, 오늘의 문제 연속 기록 (나 또는 그룹, CSV와 Markdown).',
  },
  'discord.guide': {
    en: 'The 💡 line that explains kubectl’s errors in plain words: on or off',
    ko: 'kubectl 오류를 쉬운 말로 설명하는 💡 줄 켜기/끄기',
  },
  'discord.guide.state': {
    en: 'on or off (leave it out to see which is in force)',
    ko: 'on 또는 off (비워 두면 지금 상태를 알려 줘요)',
  },
  'help.guide.discord': {
    en: '`/guide state:on|off`: the 💡 line that explains kubectl’s errors in plain words (`/guide` alone says which is in force).',
    ko: '`/guide state:on|off`: kubectl 오류를 쉬운 말로 설명하는 💡 줄 켜기/끄기 (`/guide`만 입력하면 지금 상태를 알려 줘요).',
  },
  // /guide's answers as Discord types the command (an option, not a word).
  'guide.isOn.discord': {
    en: 'Guide lines are on for you: a 💡 line under kubectl’s output explains errors. `/guide state:off` turns them off.',
    ko: '가이드 줄이 켜져 있어요. kubectl 출력 아래 💡 줄이 오류를 설명해 줘요. `/guide state:off`{으로/로} 끌 수 있어요.',
  },
  'guide.isOff.discord': {
    en: 'Guide lines are off for you. `/guide state:on` turns them on.',
    ko: '가이드 줄이 꺼져 있어요. `/guide state:on`{으로/로} 켤 수 있어요.',
  },
  'guide.usage.discord': {
    en: 'Usage: `/guide state:on` or `/guide state:off`: the 💡 line under kubectl’s output that explains an error and suggests the next command.',
    ko: '사용법: `/guide state:on` 또는 `/guide state:off`. kubectl 출력 아래에서 오류를 풀어 설명하고 다음 명령을 알려 주는 💡 줄을 켜거나 꺼요.',
  },
  'guide.turnedOff.discord': {
    en: 'Guide lines off: you will see kubectl’s output only. `/guide state:on` brings them back.',
    ko: '가이드 줄을 껐어요. 이제 kubectl 출력만 보여요. 다시 켜려면 `/guide state:on`.',
  },
  'help.guide.slack': {
    en: '`/guide on|off`: the 💡 line that explains kubectl’s errors in plain words. Ask questions in plain words too, in a mention or my Messages tab: `@podium what is a sidecar?`.',
    ko: '`/guide on|off`: kubectl 오류를 쉬운 말로 설명하는 💡 줄 켜기/끄기. 멘션이나 봇의 메시지 탭에서 그냥 물어봐도 돼요: `@podium 사이드카가 뭐야?`.',
  },
  'help.help.slack': {
    en: '`/podium-help`: this list (Slack keeps `/help` for itself).',
    ko: '`/podium-help`: 이 목록 (`/help`는 Slack이 써요).',
  },
} as const satisfies Messages;
