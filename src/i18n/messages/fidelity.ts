import type { Messages } from '../catalogue.ts';

/** Where the sandbox stops short of a real cluster, said plainly (issue 15). */
export const fidelityMessages = {
  'kubectl.unsimulatedType': {
    en: '{types}: known to real Kubernetes, but this sandbox simulates only pods, nodes, namespaces, events and the default `kubernetes` Service, so it holds none of them. kubectl answered as it would on a cluster that has none.',
    ko: '{types}: 실제 쿠버네티스 리소스 타입이지만, 이 샌드박스는 파드, 노드, 네임스페이스, 이벤트와 기본 `kubernetes` 서비스만 시뮬레이션해서 이 타입의 오브젝트는 하나도 없어요. kubectl은 그런 오브젝트가 없는 클러스터에서와 똑같이 답했어요.',
  },
  'kubectl.unsimulatedCreate': {
    en: '`{kind}` ({apiVersion}) is a real Kubernetes type, but this sandbox simulates only pods, nodes, namespaces, events and the default `kubernetes` Service, so nothing was created. Try it with a Pod, or on a real cluster.',
    ko: '`{kind}`({apiVersion}) 리소스는 실제 쿠버네티스 타입이지만, 이 샌드박스는 파드, 노드, 네임스페이스, 이벤트와 기본 `kubernetes` 서비스만 시뮬레이션해서 아무것도 만들지 않았어요. 파드로 해 보거나 실제 클러스터에서 해 보세요.',
  },
  'kubectl.noManagedFields': {
    en: 'A real cluster lists under `metadata.managedFields` which manager set which field (`kubectl-run`, `kubelet`, …), and `--show-managed-fields` keeps that list in the output. This sandbox does not record it, so there is none to show.',
    ko: '실제 클러스터는 어떤 매니저(`kubectl-run`, `kubelet` 등)가 어떤 필드를 설정했는지 `metadata.managedFields`에 기록하고, `--show-managed-fields`는 그 목록을 출력에 남겨요. 이 샌드박스는 그 기록을 하지 않아서 보여 줄 것이 없어요.',
  },
  'kubectl.shellPipe': {
    en: 'Chat has no shell, so `{cut}` was not run: above is what kubectl printed on its own.',
    ko: '채팅에는 셸이 없어서 `{cut}` 부분은 실행하지 않았어요. 위 내용은 kubectl만 실행한 결과예요.',
  },
  'kubectl.shellRedirect': {
    en: 'Chat has no shell, so `{cut}` was not run and no file was written. To keep a manifest, send `/file save NAME` with the YAML in a code block below it.',
    ko: '채팅에는 셸이 없어서 `{cut}` 부분은 실행하지 않았고 파일도 만들지 않았어요. 매니페스트를 저장하려면 `/file save 이름` 아래에 YAML을 코드 블록으로 붙여 보내 주세요.',
  },
  'kubectl.watchOnlySnapshot': {
    en: '`--watch-only` prints only what changes from now on, and a chat message cannot keep watching, so nothing has changed yet. Run it without `--watch-only` to see what is there now, or again later to see what changed.',
    ko: '`--watch-only`는 지금부터 바뀌는 것만 출력하는데, 채팅 메시지는 계속 지켜볼 수 없어서 아직 바뀐 것이 없어요. 지금 있는 것을 보려면 `--watch-only` 없이 실행하고, 무엇이 바뀌었는지 보려면 나중에 다시 실행해 보세요.',
  },
  'kubectl.watchSnapshot': {
    en: 'A chat message cannot keep watching, so this is what is there now: run the command again to see what changed.',
    ko: '채팅 메시지는 계속 지켜볼 수 없어서, 지금 있는 것만 보여 드렸어요. 무엇이 바뀌었는지 보려면 명령을 다시 실행해 보세요.',
  },
} as const satisfies Messages;
