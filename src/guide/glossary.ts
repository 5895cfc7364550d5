/**
 * The notes' concepts, each explained in a few sentences written for Podium from the pods
 * chapter (course/pods-study-notes.ko.md), with the words learners use for it in both languages,
 * the quiz topic and lab that practise it. Data for `ask.ts`; the answer is shown as written.
 *
 * `words`: lower-case; Korean words match inside a longer word (particles attach: 파드가, 파드는),
 * English ones as whole words. A longer word that matches counts for more, so "label selector"
 * answers selectors, not labels.
 */
export interface Concept {
  id: string;
  words: { ko: readonly string[]; en: readonly string[] };
  answer: { ko: string; en: string };
  /** `quizzes/<topic>.yaml` */
  topic: string;
  /** `quizzes/labs/*.yaml` id, where a lab practises it. */
  lab: string | null;
  /** A word every question holds (pod): it counts half, so a more specific concept wins a tie. */
  general?: boolean;
}

export const GLOSSARY: readonly Concept[] = [
  {
    id: 'pod',
    words: { ko: ['파드', '포드', '팟'], en: ['pod', 'pods'] },
    answer: {
      ko: '파드는 쿠버네티스에서 배포하는 가장 작은 단위로, 밀접하게 연관된 컨테이너 하나 이상을 묶은 그룹이에요. 파드의 컨테이너는 모두 같은 노드에서 실행되고, 파드마다 자체 IP와 호스트 이름이 있어서 하나의 논리적인 머신처럼 동작해요. 파드는 일시적이라 언제든 사라질 수 있어요.',
      en: 'A pod is the smallest thing Kubernetes deploys: a group of one or more closely related containers. All its containers run on the same node, and the pod has its own IP and hostname, so it behaves like one logical machine. Pods are ephemeral: one can go away at any time.',
    },
    topic: 'why-pods',
    lab: 'first-pod',
    general: true,
  },
  {
    id: 'one process per container',
    words: {
      ko: ['프로세스', '컨테이너 하나', '컨테이너에 여러', '파드가 필요한', '파드가 왜', '왜 파드'],
      en: ['process', 'processes', 'why pods', 'why do we need pods', 'one container'],
    },
    answer: {
      ko: '컨테이너는 프로세스 하나를 실행하도록 설계됐어요. 한 컨테이너에 여러 프로세스를 넣으면, 죽은 프로세스를 다시 시작하는 일도 직접 해야 하고 모두 표준 출력에 로그를 쓰니 어느 프로세스의 로그인지 알기 어려워져요. 그래서 컨테이너 여러 개를 하나의 단위로 묶어 관리하는 상위 구조, 파드가 필요해요.',
      en: 'A container is designed to run one process. Put several in one container and you must restart the ones that fail yourself, and their logs all go to the same standard output, so you cannot tell whose line is whose. So Kubernetes needs something above containers that groups several and manages them as one unit: the pod.',
    },
    topic: 'why-pods',
    lab: 'first-pod',
  },
  {
    id: 'localhost inside a pod',
    words: {
      ko: ['localhost', '로컬호스트', '같은 파드', '포트 공간', '네트워크 네임스페이스', '루프백'],
      en: ['localhost', 'same pod', 'port space', 'network namespace', 'loopback', '127.0.0.1'],
    },
    answer: {
      ko: '같은 파드의 컨테이너들은 하나의 네트워크 네임스페이스에서 실행돼서 IP 주소와 포트 공간, 루프백 인터페이스를 함께 써요. 그래서 서로 `localhost:포트`로 통신하고, 같은 포트를 두 컨테이너가 쓸 수는 없어요.',
      en: 'Containers of the same pod run in one network namespace: they share the IP address, the port space and the loopback interface. So they talk to each other over `localhost:PORT`, and two of them cannot listen on the same port.',
    },
    topic: 'localhost-vs-ip',
    lab: 'sidecar',
  },
  {
    id: 'pod IP and the flat network',
    words: {
      ko: ['파드 ip', '파드ip', '플랫 네트워크', '플랫', 'nat', '다른 파드', '파드끼리', '파드 간'],
      en: ['pod ip', 'flat network', 'flat', 'nat', 'other pod', 'another pod', 'between pods', 'pod to pod'],
    },
    answer: {
      ko: '모든 파드는 다른 파드의 IP로 바로 접속할 수 있어요. 파드 사이에는 NAT가 없는 플랫 네트워크라서, 상대 파드가 어느 노드에 있는지 몰라도 `IP:포트`로 찾아가면 돼요. 다만 파드 IP는 클러스터 안에서만 쓰는 주소라 내 컴퓨터에서는 `kubectl port-forward`를 써요.',
      en: 'Every pod can reach every other pod by its IP. The pod network is flat, with no NAT between pods, so you use `IP:PORT` without knowing which node the other pod runs on. Pod IPs live inside the cluster: from your own machine use `kubectl port-forward`.',
    },
    topic: 'localhost-vs-ip',
    lab: 'pod-ip',
  },
  {
    id: 'splitting an application into pods',
    words: {
      ko: [
        '다계층',
        '멀티티어',
        '프론트',
        '백엔드',
        '한 파드에 넣',
        '같은 파드에 넣',
        '파드 구성',
        '여러 파드로',
      ],
      en: [
        'multi-tier',
        'multi tier',
        'frontend',
        'backend',
        'same pod or',
        'separate pods',
        'split',
        'organize',
        'organise',
      ],
    },
    answer: {
      ko: '파드는 가벼우니 모든 걸 한 파드에 넣을 이유가 없어요. 세 가지를 물어보세요: 꼭 같은 호스트에서 실행돼야 하나? 함께 하나의 구성 요소인가? 함께 스케일링돼야 하나? 프론트엔드, 백엔드, DB 같은 다계층 애플리케이션은 각각 다른 파드로 나누는 게 좋아요.',
      en: 'Pods are light, so there is no reason to put everything in one. Ask three questions: must these containers run on the same host? Are they one component together? Must they scale together? A multi-tier application (frontend, backend, database) goes into separate pods.',
    },
    topic: 'organizing-pods',
    lab: null,
  },
  {
    id: 'sidecar',
    words: { ko: ['사이드카', '보조 컨테이너'], en: ['sidecar', 'sidecars', 'side car', 'helper container'] },
    answer: {
      ko: '사이드카는 주 컨테이너(예: 웹 서버)의 기능을 확장하거나 돕는 컨테이너로, 같은 파드에 함께 넣어요. 로그를 모아 보내는 컨테이너가 대표적인 예예요. 주 컨테이너와 사이드카는 하나의 구성 요소라서 같은 파드에 두고, `localhost`와 볼륨을 함께 써요.',
      en: 'A sidecar is a container that extends or supports the main container of a pod (a web server, say): a log shipper is the classic example. Together they are one component, so they share the pod, its `localhost` and its volumes.',
    },
    topic: 'organizing-pods',
    lab: 'sidecar',
  },
  {
    id: 'scaling',
    words: { ko: ['스케일링', '스케일', '확장', '복제'], en: ['scale', 'scaling', 'replicas', 'replica'] },
    answer: {
      ko: '쿠버네티스는 파드 단위로 스케일링해요. 그래서 프론트엔드와 백엔드처럼 따로 늘리고 줄여야 하는 구성 요소는 다른 파드에 넣어야 해요. 한 파드에 있으면 함께만 늘어나요.',
      en: 'Kubernetes scales whole pods. Components that must scale separately, like a frontend and a backend, belong in separate pods: in one pod they can only grow together.',
    },
    topic: 'organizing-pods',
    lab: null,
  },
  {
    id: 'kubectl run',
    words: {
      ko: ['kubectl run', '파드 만들', '파드를 만들', '파드 생성', '실행하는 법'],
      en: ['kubectl run', 'run a pod', 'create a pod', 'start a pod'],
    },
    answer: {
      ko: '`kubectl run kubia --image=luksa/kubia --port=8080`처럼 명령 하나로 파드를 만들 수 있어요. 간단하지만 설정할 수 있는 속성이 제한적이라서, 제대로 정의할 때는 YAML 매니페스트를 써요.',
      en: '`kubectl run kubia --image=luksa/kubia --port=8080` creates a pod in one command. It is quick, but only a few fields can be set that way; for a full definition write a YAML manifest.',
    },
    topic: 'defining-pods',
    lab: 'first-pod',
  },
  {
    id: 'YAML manifest',
    words: {
      ko: ['yaml', '야믈', '매니페스트', '메니페스트', 'create -f', 'apply -f', '정의하'],
      en: ['yaml', 'manifest', 'manifests', 'create -f', 'apply -f', 'define a pod', 'definition'],
    },
    answer: {
      ko: 'YAML 매니페스트는 파드를 정의하는 추천 방법이에요. `apiVersion`, `kind`, `metadata`(이름, 레이블), `spec`(컨테이너, 포트)을 적고 `kubectl create -f 이름.yaml`{으로/로} 만들어요. 파일이라서 git 같은 버전 관리 시스템에 둘 수 있어요. 여기서는 `/file save 이름` 또는 `kubectl apply -f -` 다음 줄에 코드 블록으로 보내면 돼요.',
      en: 'A YAML manifest is the recommended way to define a pod: `apiVersion`, `kind`, `metadata` (name, labels) and `spec` (containers, ports), created with `kubectl create -f NAME.yaml`. Being a file, it can live in version control such as git. Here, save it with `/file save NAME`, or send `kubectl apply -f -` with the manifest in a code block on the next lines.',
    },
    topic: 'defining-pods',
    lab: 'first-pod',
  },
  {
    id: 'get -o yaml',
    words: {
      ko: ['-o yaml', '정의 확인', '전체 정의', '출력 형식'],
      en: ['-o yaml', 'o yaml', 'output format', 'full definition', '-o wide', '-o json'],
    },
    answer: {
      ko: '`kubectl get po 이름 -o yaml`{은/는} 파드의 전체 정의를 보여 줘요. 내가 쓴 spec에 쿠버네티스가 채운 기본값과 status(상태, IP, 노드)까지 나와요. `-o wide`는 표에 IP와 노드를 더하고, `-o json`{은/는} 같은 내용을 JSON으로 보여 줘요.',
      en: '`kubectl get po NAME -o yaml` shows the pod’s whole definition: your spec with the defaults Kubernetes filled in, and its status (phase, IP, node). `-o wide` adds the IP and node to the table; `-o json` prints the same as JSON.',
    },
    topic: 'defining-pods',
    lab: null,
  },
  {
    id: 'logs',
    words: { ko: ['로그', 'logs'], en: ['log', 'logs', 'logging'] },
    answer: {
      ko: '`kubectl logs 이름`{은/는} 컨테이너가 표준 출력에 쓴 로그를 보여 줘요 (컨테이너가 여럿이면 `-c 컨테이너`, 재시작 전 로그는 `--previous`). 로그는 하루마다 또는 10MB마다 순환되고, 파드를 지우면 함께 사라져요. 그래서 운영 환경에서는 중앙 집중식 로깅이 필요해요.',
      en: '`kubectl logs NAME` shows what a container wrote to standard output (`-c CONTAINER` for one of several, `--previous` for the run before a restart). Logs are rotated daily or every 10 MB, and they are gone when the pod is deleted: that is why real clusters need central logging.',
    },
    topic: 'logs',
    lab: null,
  },
  {
    id: 'port-forward',
    words: {
      ko: ['포트 포워딩', '포트포워딩', '포워딩', 'port-forward', '포트 포워드'],
      en: ['port-forward', 'port forward', 'port forwarding', 'forwarding', 'portforward'],
    },
    answer: {
      ko: '`kubectl port-forward 이름 8888:8080`{은/는} 내 컴퓨터의 8888번 포트를 파드의 8080번 포트로 연결해요. 그다음 `curl localhost:8888`{을/를} 하면 파드에 요청이 가요. 서비스 없이 파드 하나를 시험해 볼 때 쓰는 방법이에요.',
      en: '`kubectl port-forward NAME 8888:8080` connects port 8888 on your machine to port 8080 of the pod; `curl localhost:8888` then reaches the pod. It is the way to try one pod without a service.',
    },
    topic: 'port-forward',
    lab: 'port-forward',
  },
  {
    id: 'labels',
    words: {
      ko: ['레이블', '라벨', '--show-labels', 'overwrite'],
      en: ['label', 'labels', 'labeling', 'labelling', '--show-labels', 'overwrite'],
    },
    answer: {
      ko: '레이블은 파드 같은 오브젝트에 붙이는 `키=값` 쌍으로, 파드가 많아져도 부분집합으로 나눠 볼 수 있게 해 줘요 (예: `app=kubia`, `env=prod`). 매니페스트의 `metadata.labels`에 쓰거나 `kubectl label po 이름 키=값`{으로/로} 붙이고, 이미 있는 값은 `--overwrite`{을/를} 붙여야 바뀌어요. `kubectl get po --show-labels` 또는 `-L 키`{으로/로} 볼 수 있어요.',
      en: 'Labels are `key=value` pairs on objects such as pods (`app=kubia`, `env=prod`) that sort many pods into subsets. Set them in `metadata.labels` or with `kubectl label po NAME key=value`; changing an existing value needs `--overwrite`. See them with `kubectl get po --show-labels` or `-L key`.',
    },
    topic: 'labels',
    lab: 'labels',
  },
  {
    id: 'label selectors',
    words: {
      ko: ['셀렉터', '셀렉트', '선택자', '-l', 'notin', '레이블로 고르', '레이블로 선택'],
      en: ['selector', 'selectors', 'label selector', 'label selectors', '-l', 'notin', 'select pods'],
    },
    answer: {
      ko: "레이블 셀렉터는 레이블로 파드의 부분집합을 골라요: `-l env` (키가 있는 것), `-l '!env'` (없는 것), `-l creation_method=manual`, `-l creation_method!=manual`, `-l 'env in (prod,dev)'`, `-l 'env notin (prod,dev)'`. 공백이나 `!`가 들어가면 따옴표로 감싸야 해요. 쉼표로 잇는 조건은 모두 맞아야 선택돼요.",
      en: "A label selector picks the subset of pods with certain labels: `-l env` (has the key), `-l '!env'` (has not), `-l creation_method=manual`, `-l creation_method!=manual`, `-l 'env in (prod,dev)'`, `-l 'env notin (prod,dev)'`. Quote it when it holds spaces or `!`; conditions joined by commas must all hold.",
    },
    topic: 'selectors',
    lab: 'selectors',
  },
  {
    id: 'node labels and nodeSelector',
    words: {
      ko: [
        'nodeselector',
        '노드 셀렉터',
        '노드셀렉터',
        '노드 레이블',
        'gpu',
        '스케줄링',
        '스케줄',
        '특정 노드',
      ],
      en: [
        'nodeselector',
        'node selector',
        'node label',
        'node labels',
        'gpu',
        'schedule',
        'scheduling',
        'scheduled',
        'specific node',
      ],
    },
    answer: {
      ko: '스케줄링은 새 파드를 실행할 노드를 고르는 일이에요. GPU가 필요한 파드라면 노드에 레이블을 붙이고 (`kubectl label node node01 gpu=true`), 파드의 `spec.nodeSelector`에 `gpu: "true"`{을/를} 적어요. 특정 노드를 지정하는 대신 요구 사항을 적으면, 조건에 맞는 아무 노드에나 스케줄링돼요. 맞는 노드가 없으면 파드는 Pending으로 남아요.',
      en: 'Scheduling is choosing the node a new pod runs on. For a pod that needs a GPU, label a node (`kubectl label node node01 gpu=true`) and put `gpu: "true"` in the pod’s `spec.nodeSelector`. You describe the requirement instead of naming a node, and the pod goes to any node that fits; with none, it stays Pending.',
    },
    topic: 'node-selector',
    lab: 'gpu-node',
  },
  {
    id: 'annotations',
    words: {
      ko: ['어노테이션', '애노테이션', '주석', 'annotate'],
      en: ['annotation', 'annotations', 'annotate'],
    },
    answer: {
      ko: '어노테이션도 `키=값` 쌍이지만 셀렉터로 고를 수 없고, 주로 도구나 사람을 위한 더 긴 정보를 담아요 (예: 오브젝트를 만든 사람). `kubectl annotate pod 이름 키="값"`{으로/로} 붙이고 `kubectl describe pod 이름`{으로/로} 볼 수 있어요.',
      en: 'Annotations are `key=value` pairs too, but no selector picks by them: they hold longer information for tools and people (who created the object, say). Add one with `kubectl annotate pod NAME key="value"`; `kubectl describe pod NAME` shows them.',
    },
    topic: 'annotations',
    lab: 'annotations',
  },
  {
    id: 'deleting pods',
    words: {
      ko: ['삭제', '지우', '제거', '--all', 'delete'],
      en: ['delete', 'deleting', 'remove', 'removing', '--all', 'clean up', 'cleanup'],
    },
    answer: {
      ko: '파드는 이름으로 (`kubectl delete po 이름1 이름2`), 레이블 셀렉터로 (`kubectl delete po -l rel=canary`), 현재 네임스페이스의 모두를 (`kubectl delete po --all`, 대시 두 개) 지울 수 있어요. `kubectl delete all --all`{은/는} 네임스페이스의 거의 모든 리소스를 지우지만, 시크릿 같은 일부는 직접 지워야 해요.',
      en: 'Delete pods by name (`kubectl delete po NAME1 NAME2`), by label selector (`kubectl delete po -l rel=canary`), or all in the namespace (`kubectl delete po --all`, two dashes). `kubectl delete all --all` deletes most resources of the namespace; some, such as secrets, must be deleted explicitly.',
    },
    topic: 'deleting-pods',
    lab: 'cleanup',
  },
];
