import type { Messages } from '../catalogue.ts';

/** `/sandbox kubeconfig`: a member's own kubectl against their sandbox (src/api, docs/kubectl.md). */
export const kubeapiMessages = {
  'discord.sandbox.kubeconfig': {
    en: 'A kubeconfig for your own kubectl (a private file)',
    ko: '내 kubectl에서 쓸 kubeconfig (나만 보는 파일)',
  },
  'discord.sandbox.kubeconfig.action': {
    en: 'revoke: turn your kubeconfig off',
    ko: 'revoke: 내 kubeconfig 끄기',
  },
  'kubeapi.kubeconfig': {
    en: "Your kubeconfig is attached as `podium.yaml`. Keep it to yourself: whoever has it can use your sandbox. Try `kubectl --kubeconfig podium.yaml get po`. Server: {server}. Contexts: {contexts} (a teammate's shared sandbox is read-only). Asking again gives a new token and turns this one off; `/sandbox kubeconfig revoke` turns it off.",
    ko: 'kubeconfig를 `podium.yaml` 파일로 보냈어요. 혼자만 간직하세요: 이 파일이 있으면 누구나 내 샌드박스를 쓸 수 있어요. `kubectl --kubeconfig podium.yaml get po`로 해 보세요. 서버: {server}. 컨텍스트: {contexts} (팀원이 공유한 샌드박스는 읽기 전용이에요). 다시 받으면 새 토큰이 나오고 이 토큰은 꺼져요. `/sandbox kubeconfig revoke`로 끌 수도 있어요.',
  },
  'kubeapi.off': {
    en: 'The Kubernetes API is off on this Podium: the operator turns it on with `PODIUM_API_PORT` (see docs/kubectl.md).',
    ko: '이 Podium에서는 쿠버네티스 API가 꺼져 있어요: 운영자가 `PODIUM_API_PORT`로 켤 수 있어요 (docs/kubectl.md 참고).',
  },
  'kubeapi.noCa': {
    en: 'The Kubernetes API has not made its certificate yet: try again once Podium has started it.',
    ko: '쿠버네티스 API가 아직 인증서를 만들지 않았어요: Podium이 API를 켠 뒤에 다시 해 보세요.',
  },
  'kubeapi.revoked': {
    en: 'Your kubeconfig is turned off: kubectl with it now gets `error: You must be logged in to the server (Unauthorized)`.',
    ko: 'kubeconfig를 껐어요: 이제 그 파일로 kubectl을 쓰면 `error: You must be logged in to the server (Unauthorized)`가 나와요.',
  },
  'kubeapi.nothingToRevoke': {
    en: 'You have no kubeconfig to turn off. `/sandbox kubeconfig` gives you one.',
    ko: '끌 kubeconfig가 없어요. `/sandbox kubeconfig`로 받을 수 있어요.',
  },
} as const satisfies Messages;
