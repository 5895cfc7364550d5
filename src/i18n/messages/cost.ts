import type { Messages } from '../catalogue.ts';

/** What the member is told when a command reaches one of the caps that bound its cost. */
export const costMessages = {
  'cost.urlsCapped': {
    en: 'Only the first {limit} of your {count} URLs were fetched: the sandbox fetches at most {limit} per command. Send the rest in another message.',
    ko: '주소 {count}개 중 처음 {limit}개만 가져왔어요: 샌드박스는 명령 하나에 주소를 최대 {limit}개까지 가져와요. 나머지는 다른 메시지로 보내 주세요.',
  },
} as const satisfies Messages;
