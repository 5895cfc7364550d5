import type { Messages } from '../catalogue.ts';

/** What the member is told when a command reaches one of the caps that bound its cost. */
export const costMessages = {
  'cost.urlsCapped': {
    en: 'Only the first {limit} of your {count} URLs were fetched: the sandbox fetches at most {limit} per command. Send the rest in another message.',
    ko: '주소 {count}개 중 처음 {limit}개만 가져왔어요: 샌드박스는 명령 하나에 주소를 최대 {limit}개까지 가져와요. 나머지는 다른 메시지로 보내 주세요.',
  },
  'cost.waitClamped': {
    en: 'The sandbox moves its clock at most {limit} per `kubectl wait`, so this wait gave up after {limit}, not after --timeout={timeout}. Run it again to wait longer.',
    ko: '샌드박스는 `kubectl wait` 한 번에 시계를 최대 {limit}까지만 앞당겨요. 그래서 --timeout={timeout}이 아니라 {limit} 뒤에 기다림을 멈췄어요. 더 기다리려면 다시 실행해 주세요.',
  },
} as const satisfies Messages;
