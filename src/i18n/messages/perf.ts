import type { Messages } from '../catalogue.ts';

/** The cluster map of a teammate's sandbox, and the study group's progress as a picture. */
export const perfMessages = {
  'discord.sandbox.map.context': {
    en: 'A teammate’s shared sandbox to look at (their username), as kubectl --context',
    ko: '볼 팀원의 공유 샌드박스 (팀원의 사용자 이름), kubectl --context처럼',
  },
  'perf.map.captionOf': {
    en: '{name}’s shared sandbox as a picture (read-only): {pods:pod|pods} on {nodes:node|nodes}, {scope}.',
    ko: '{name}님이 공유한 샌드박스 그림이에요 (읽기 전용): 노드 {nodes}개, 파드 {pods}개, {scope}.',
  },
  'perf.progress.pictureTitle': { en: 'The group’s progress', ko: '그룹 진도' },
  'perf.progress.moreMembers': {
    en: '…and {count:more member|more members}: the text above lists everyone.',
    ko: '…그리고 멤버 {count}명 더 있어요. 위의 글에 모두 있어요.',
  },
} as const satisfies Messages;
