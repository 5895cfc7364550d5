import type { Messages } from '../catalogue.ts';

/** What the worker pool says when it stops a command (issue 16). */
export const executorMessages = {
  'executor.tooSlow': {
    en: 'That command was too expensive: it was still running after {seconds} s, so it was stopped. Nothing was changed. Try a smaller step (fewer objects, a shorter wait, a narrower selector).',
    ko: '이 명령은 너무 무거워요: {seconds}초가 지나도 끝나지 않아 멈췄어요. 아무것도 바뀌지 않았어요. 더 작게 나눠서 해 보세요 (객체 수를 줄이거나, 기다리는 시간을 줄이거나, 셀렉터를 좁혀서).',
  },
  'executor.tooBig': {
    en: 'That command was too expensive: it needed more memory than a command may use, so it was stopped. Nothing was changed. Try a smaller step (fewer objects, smaller values).',
    ko: '이 명령은 너무 무거워요: 명령 하나가 쓸 수 있는 메모리보다 많이 필요해서 멈췄어요. 아무것도 바뀌지 않았어요. 더 작게 나눠서 해 보세요 (객체 수나 값의 크기를 줄여서).',
  },
  'executor.costly': {
    en: 'Your recent commands were very expensive, so the next one waits a little: try again in {seconds} s.',
    ko: '최근 명령들이 너무 무거워서 다음 명령은 조금 기다려야 해요: {seconds}초 뒤에 다시 해 주세요.',
  },
} as const satisfies Messages;
