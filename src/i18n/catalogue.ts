import type { Lang } from './lang.ts';

/**
 * Every sentence the bot says to a member, in Korean and English. kubectl output is not here:
 * it stays English, as the real tool prints it. `{name}` placeholders are filled by `t`.
 */
export const catalogue = {
  'bot.apology': {
    en: 'Sorry, something went wrong on our side (error id {id}). Your sandbox was not changed.',
    ko: '죄송해요, 봇 내부에서 문제가 생겼어요 (오류 id {id}). 샌드박스는 바뀌지 않았어요.',
  },
  'bot.unknownMessage': {
    en: 'I did not understand that. Type `kubectl ...` to use your sandbox, or `/help` to see what I can do.',
    ko: '무슨 말인지 모르겠어요. 샌드박스는 `kubectl ...`로 쓰고, 할 수 있는 일은 `/help`로 볼 수 있어요.',
  },
  'bot.unknownCommand': {
    en: 'There is no command `/{name}`. Type `/help` to see the commands.',
    ko: '`/{name}` 명령은 없어요. `/help`로 명령 목록을 볼 수 있어요.',
  },
  'bot.tooLong': {
    en: 'That message is too long ({size} bytes; the limit is {limit}). Nothing was changed.',
    ko: '메시지가 너무 길어요 ({size} 바이트, 한도는 {limit}). 아무것도 바뀌지 않았어요.',
  },
  'bot.unclosedFence': {
    en: 'The code block was never closed: end it with a line of three backticks (```). Nothing was changed.',
    ko: '코드 블록이 닫히지 않았어요: 백틱 세 개(```)만 있는 줄로 끝내 주세요. 아무것도 바뀌지 않았어요.',
  },
  'bot.rateLimited': {
    en: 'You are sending commands very fast. Please wait {seconds} s and try again.',
    ko: '명령을 너무 빠르게 보내고 있어요. {seconds}초 기다렸다가 다시 해 주세요.',
  },
  'help.title': {
    en: 'Podium: your own practice cluster and a quiz master for the pods chapter.',
    ko: 'Podium: 파드 챕터를 위한 나만의 연습 클러스터와 퀴즈 진행자예요.',
  },
  'help.kubectl': {
    en: '`kubectl ...`: run kubectl in your private sandbox (try `kubectl get po`, `kubectl run kubia --image=luksa/kubia --port=8080`).',
    ko: '`kubectl ...`: 나만의 샌드박스에서 kubectl 실행 (`kubectl get po`, `kubectl run kubia --image=luksa/kubia --port=8080` 해 보세요).',
  },
  'help.sandbox': {
    en: '`/sandbox reset --yes`: throw your sandbox away and start over with a fresh cluster.',
    ko: '`/sandbox reset --yes`: 샌드박스를 지우고 새 클러스터로 다시 시작.',
  },
  'help.file': {
    en: '`/file save NAME` + a code block, `/file list`, `/file show NAME`, `/file delete NAME`: saved manifests for `kubectl create -f NAME`.',
    ko: '`/file save 이름` + 코드 블록, `/file list`, `/file show 이름`, `/file delete 이름`: `kubectl create -f 이름`에 쓸 매니페스트 저장.',
  },
  'help.lang': {
    en: '`/lang ko|en`: choose the language I speak to you in.',
    ko: '`/lang ko|en`: 봇이 쓰는 언어 선택.',
  },
  'help.help': {
    en: '`/help`: this list.',
    ko: '`/help`: 이 목록.',
  },
  'kubectl.selectorHint': {
    en: 'Hint: without quotes the selector is split at its spaces, as in a shell, so kubectl got only `{given}` and took `{stray}` as more arguments. Quote the whole selector: `{quoted}`',
    ko: '힌트: 따옴표가 없으면 셸처럼 셀렉터가 공백에서 나뉘어서, kubectl은 `{given}`만 셀렉터로 받고 `{stray}`는 다른 인자로 받았어요. 셀렉터 전체를 따옴표로 감싸세요: `{quoted}`',
  },
  'slack.applyTitle': {
    en: 'Apply a manifest',
    ko: '매니페스트 적용',
  },
  'slack.applySubmit': {
    en: 'Apply',
    ko: '적용',
  },
  'slack.applyClose': {
    en: 'Cancel',
    ko: '취소',
  },
  'slack.manifestLabel': {
    en: 'Manifest (YAML or JSON)',
    ko: '매니페스트 (YAML 또는 JSON)',
  },
  'slack.manifestHint': {
    en: 'Runs kubectl apply -f - with this text as the file (up to 3,000 characters; for a longer one, mention me with a code block).',
    ko: '이 내용을 파일로 해서 kubectl apply -f - 를 실행해요 (3,000자까지; 더 길면 코드 블록과 함께 저를 멘션하세요).',
  },
  'slack.deadline': {
    en: 'Answers close at {time} ({seconds} s left).',
    ko: '답변 마감: {time} ({seconds}초 남음).',
  },
  'slack.pickChoices': {
    en: 'Pick your answers',
    ko: '답을 고르세요',
  },
  'slack.submitChoices': {
    en: 'Submit',
    ko: '제출',
  },
  'slack.outputAsFile': {
    en: 'The output is {lines} lines long, so here it is as a file.',
    ko: '출력이 {lines}줄이나 되어서 파일로 보내요.',
  },
  'slack.outputTruncated': {
    en: '… and {lines} more lines, not shown here.',
    ko: '… 나머지 {lines}줄은 여기에 보여 주지 않았어요.',
  },
  'sandbox.resetConfirm': {
    en: 'This deletes every pod, namespace, node label and saved file in your sandbox. To confirm, type `/sandbox reset --yes`.',
    ko: '샌드박스의 모든 파드, 네임스페이스, 노드 레이블, 저장한 파일이 지워져요. 확인하려면 `/sandbox reset --yes`를 입력하세요.',
  },
  'sandbox.resetDone': {
    en: 'Your sandbox is fresh again: {nodes} nodes, no pods of yours.',
    ko: '샌드박스를 새로 만들었어요: 노드 {nodes}개, 내 파드는 없어요.',
  },
  'sandbox.usage': {
    en: 'Usage: `/sandbox reset [--yes]`.',
    ko: '사용법: `/sandbox reset [--yes]`.',
  },
  'lang.set': {
    en: 'I will speak English to you from now on.',
    ko: '이제부터 한국어로 말할게요.',
  },
  'lang.usage': {
    en: 'Usage: `/lang ko` or `/lang en`.',
    ko: '사용법: `/lang ko` 또는 `/lang en`.',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof catalogue;

export type Params = Readonly<Record<string, string | number>>;

/** The sentence `key` in `lang`, with `{name}` placeholders filled from `params`. */
export function t(lang: Lang, key: MessageKey, params: Params = {}): string {
  const template: string = catalogue[key][lang];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
