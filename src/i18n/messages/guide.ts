import type { Messages } from '../catalogue.ts';

/**
 * The guide (src/guide): one plain sentence under kubectl's own output, as a teacher beside the
 * learner would say it, and the next command to try. Each `guide.line.*` is the sentence of one
 * entry of `src/guide/lines.ts`; the `💡` that marks it is added when it is shown.
 */
export const guideMessages = {
  'guide.line.selectorSet': {
    en: 'Without quotes the shell splits the selector at its spaces, so kubectl got only `{given}` and took `{stray}` as more arguments. Quote the whole selector: `{quoted}`',
    ko: '따옴표가 없으면 셸이 셀렉터를 공백에서 나눠서, kubectl은 `{given}`만 셀렉터로 받고 `{stray}`{은/는} 다른 인자로 받았어요. 셀렉터 전체를 따옴표로 감싸 주세요: `{quoted}`',
  },
  'guide.line.unquotedJson': {
    en: 'Without quotes the shell removes the double quotes inside the JSON, so kubectl got `{given}`, which is not JSON. Put the whole JSON in single quotes: `{fixed}`',
    ko: '따옴표로 감싸지 않으면 셸이 JSON 안의 큰따옴표를 지워서, kubectl은 JSON이 아닌 `{given}`{을/를} 받았어요. JSON 전체를 작은따옴표로 감싸 주세요: `{fixed}`',
  },
  'guide.line.selectorSpace': {
    en: 'There is a space inside the selector, so kubectl got only `{given}` and took `{stray}` as more arguments. Leave the spaces out or quote it: `{quoted}`',
    ko: '셀렉터 안에 공백이 있어서, kubectl은 `{given}`만 셀렉터로 받고 `{stray}`{은/는} 다른 인자로 받았어요. 공백을 빼거나 따옴표로 감싸 주세요: `{quoted}`',
  },
  'guide.line.kindCase': {
    en: '`kind` is case-sensitive: write `kind: {fixed}`, not `kind: {kind}`.',
    ko: '`kind`는 대소문자를 구분해요. `kind: {kind}`{이/가} 아니라 `kind: {fixed}`{으로/로} 써 주세요.',
  },
  'guide.line.nodeSelectorBool': {
    en: 'A `nodeSelector` value must be a string, and YAML reads an unquoted `true` as a boolean. Quote it: `gpu: "true"`.',
    ko: '`nodeSelector`의 값은 문자열이어야 하는데, YAML은 따옴표 없는 `true`를 불리언으로 읽어요. 따옴표로 감싸 주세요: `gpu: "true"`.',
  },
  'guide.line.labelNotString': {
    en: 'Label and annotation values are strings; YAML reads an unquoted `true`, `yes` or a number as something else. Quote the value, e.g. `gpu: "true"`, `version: "2"`.',
    ko: '레이블과 어노테이션의 값은 문자열이에요. YAML은 따옴표 없는 `true`, `yes`, 숫자를 다른 타입으로 읽어요. 값을 따옴표로 감싸 주세요. 예: `gpu: "true"`, `version: "2"`.',
  },
  'guide.line.containerPortString': {
    en: '`containerPort` is a number: write `containerPort: 8080` without quotes.',
    ko: '`containerPort`는 숫자예요. 따옴표 없이 `containerPort: 8080`처럼 써 주세요.',
  },
  'guide.line.missingName': {
    en: 'Every object needs a name: add `name:` under `metadata:`, indented two spaces (for example `  name: kubia-manual`).',
    ko: '모든 오브젝트에는 이름이 있어야 해요. `metadata:` 아래에 두 칸 들여 써서 `name:`을 넣어 주세요 (예: `  name: kubia-manual`).',
  },
  'guide.line.yamlIndent': {
    en: 'YAML reads structure from indentation: look at line {line} and the line above it. Indent with spaces (never tabs), two per level, and put a space after each `:`.',
    ko: 'YAML은 들여쓰기로 구조를 읽어요. {line}번째 줄과 그 윗줄을 살펴보세요. 들여쓰기는 탭 말고 공백으로 한 단계에 두 칸씩, `:` 뒤에는 공백 하나를 넣어 주세요.',
  },
  'guide.line.yamlIndentFirst': {
    en: 'YAML reads structure from indentation: look at the first line. Indent with spaces (never tabs), two per level, and put a space after each `:`.',
    ko: 'YAML은 들여쓰기로 구조를 읽어요. 첫 번째 줄을 살펴보세요. 들여쓰기는 탭 말고 공백으로 한 단계에 두 칸씩, `:` 뒤에는 공백 하나를 넣어 주세요.',
  },
  'guide.line.imagePull': {
    en: 'Pod `{pod}` cannot pull its image. `kubectl describe po {pod}` shows why under Events (often a typo in the image name); fix the image and create the pod again.',
    ko: '파드 `{pod}`{이/가} 이미지를 받지 못하고 있어요. 이유는 `kubectl describe po {pod}`의 Events에 나와요 (이미지 이름 오타가 흔해요). 이미지를 고쳐서 파드를 다시 만들어 주세요.',
  },
  'guide.line.imagePullEvents': {
    en: 'The Events show the image `{image}` could not be pulled: check its spelling (`luksa/kubia`, `nginx`, `busybox`), then `kubectl delete po {pod}` and create it again with the right image.',
    ko: 'Events를 보면 이미지 `{image}`{을/를} 받지 못했어요. 철자를 확인하고 (`luksa/kubia`, `nginx`, `busybox`), `kubectl delete po {pod}` 한 다음 올바른 이미지로 다시 만들어 주세요.',
  },
  'guide.line.crashLoop': {
    en: 'A container of `{pod}` keeps exiting and being restarted. `kubectl logs {pod} --previous` shows what the last run printed before it stopped.',
    ko: '`{pod}`의 컨테이너가 계속 종료되고 다시 시작되고 있어요. 멈추기 전에 무엇을 출력했는지는 `kubectl logs {pod} --previous`{으로/로} 볼 수 있어요.',
  },
  'guide.line.noSuchNode': {
    en: 'Pod `{pod}` is bound to node `{node}` by its `spec.nodeName`, but the cluster has no such node (`kubectl get nodes`), so no kubelet will ever start it. The pod garbage collector deletes it within about a minute. Use a node from the list, or a `nodeSelector`.',
    ko: '파드 `{pod}`{은/는} `spec.nodeName`으로 노드 `{node}`에 묶였는데, 클러스터에 그런 노드가 없어서(`kubectl get nodes`) 어떤 kubelet도 이 파드를 시작하지 않아요. 파드 가비지 컬렉터가 1분쯤 안에 지워요. 목록에 있는 노드나 `nodeSelector`를 쓰세요.',
  },
  'guide.line.rejectedSelector': {
    en: "Pod `{pod}` names its node in `spec.nodeName`, so the scheduler never checked it, and that node's kubelet refused it: the node lacks a label its `nodeSelector` asks for. It will never start. Delete it and create it again without `nodeName` (the scheduler then picks a node that matches), or label the node first.",
    ko: '파드 `{pod}`{은/는} `spec.nodeName`으로 노드를 직접 정해서 스케줄러가 확인하지 않았고, 그 노드의 kubelet이 거부했어요. 노드에 `nodeSelector`가 요구하는 레이블이 없어요. 이 파드는 절대 시작되지 않아요. 지우고 `nodeName` 없이 다시 만들거나(그러면 스케줄러가 맞는 노드를 골라요), 먼저 노드에 레이블을 붙이세요.',
  },
  'guide.line.rejectedResources': {
    en: "Pod `{pod}` names its node in `spec.nodeName`, so the scheduler never checked it, and that node's kubelet refused it: the node has too little CPU or memory left for the pod's requests. It will never start. `kubectl describe po {pod}` shows the numbers; delete it and create it again with smaller requests, or without `nodeName`.",
    ko: '파드 `{pod}`{은/는} `spec.nodeName`으로 노드를 직접 정해서 스케줄러가 확인하지 않았고, 그 노드의 kubelet이 거부했어요. 노드에 남은 CPU나 메모리가 파드의 requests보다 적어요. 이 파드는 절대 시작되지 않아요. 숫자는 `kubectl describe po {pod}`에서 볼 수 있어요. 지우고 requests를 줄이거나 `nodeName` 없이 다시 만드세요.',
  },
  'guide.line.pending': {
    en: 'Pod `{pod}` is not scheduled on any node yet. `kubectl describe po {pod}` shows why at the bottom, under Events.',
    ko: '파드 `{pod}`{은/는} 아직 어느 노드에도 스케줄링되지 않았어요. 이유는 `kubectl describe po {pod}` 맨 아래 Events에 나와요.',
  },
  'guide.line.unschedulable': {
    en: 'No worker node has the label `{selector}` the pod asks for in `nodeSelector`. See the nodes’ labels with `kubectl get nodes --show-labels`, then label one: `kubectl label node node01 {selector}`. The pod is scheduled as soon as a node matches.',
    ko: '파드가 `nodeSelector`{으로/로} 요구하는 레이블 `{selector}`{을/를} 가진 워커 노드가 없어요. `kubectl get nodes --show-labels`{으로/로} 노드 레이블을 보고, 노드 하나에 레이블을 붙여 주세요: `kubectl label node node01 {selector}`. 조건에 맞는 노드가 생기면 바로 스케줄링돼요.',
  },
  'guide.line.emptyReply': {
    en: 'The forward reached the pod, but nothing in it listens on the pod’s side of the forward. Check the port the container listens on (`kubectl describe po POD`, Port) and forward to that one, e.g. `kubectl port-forward POD 8888:8080`.',
    ko: '포워딩은 파드까지 갔지만, 파드 안에서 그 포트를 리슨하는 프로세스가 없어요. 컨테이너가 리슨하는 포트를 확인하고 (`kubectl describe po 파드`의 Port) 그 포트로 포워딩해 주세요. 예: `kubectl port-forward 파드 8888:8080`.',
  },
  'guide.line.noForward': {
    en: 'Nothing on your machine listens on port {port}. Open a forward to a pod first: `kubectl port-forward POD {port}:8080`, then `curl localhost:{port}`.',
    ko: '내 컴퓨터의 {port}번 포트를 리슨하는 게 없어요. 먼저 파드로 포워딩을 열어 주세요: `kubectl port-forward 파드 {port}:8080`, 그다음 `curl localhost:{port}`.',
  },
  'guide.line.podIpFromMachine': {
    en: '`{ip}` is a pod IP: it is reachable from other pods, not from your own machine. Use `kubectl port-forward POD 8888:8080` and `curl localhost:8888`, or curl from inside a pod: `kubectl exec POD -- curl {ip}:8080`.',
    ko: '`{ip}`{은/는} 파드 IP라서 다른 파드에서는 접속할 수 있지만 내 컴퓨터에서는 접속할 수 없어요. `kubectl port-forward 파드 8888:8080` 다음 `curl localhost:8888`{을/를} 쓰거나, 파드 안에서 curl 해 보세요: `kubectl exec 파드 -- curl {ip}:8080`.',
  },
  'guide.line.labelOverwrite': {
    en: 'The label `{key}` is already set (to `{old}`). To change an existing value, add `--overwrite`: `{fixed}`',
    ko: '레이블 `{key}`에는 이미 값 `{old}`{이/가} 있어요. 기존 값을 바꾸려면 `--overwrite`{을/를} 붙여 주세요: `{fixed}`',
  },
  'guide.line.execDashes': {
    en: 'Put `--` between the pod and the command, so kubectl knows where its own flags end: `{fixed}`',
    ko: '파드와 명령 사이에 `--`{을/를} 넣어야 kubectl이 자기 플래그가 어디서 끝나는지 알 수 있어요: `{fixed}`',
  },
  'guide.line.immutableReplace': {
    en: 'Most of a running pod’s spec cannot be changed (only images and a few fields can), and `replace` sends the whole manifest as the pod’s new spec. With `--force` kubectl deletes the pod and creates it again from the manifest: `{fixed}`',
    ko: '실행 중인 파드의 spec은 대부분 바꿀 수 없고 (이미지 등 몇 가지만 바뀌어요), `replace`는 매니페스트 전체를 파드의 새 spec으로 보내요. `--force`를 붙이면 kubectl이 파드를 지우고 매니페스트로 다시 만들어요: `{fixed}`',
  },
  'guide.line.immutable': {
    en: 'Most of a running pod’s spec cannot be changed (only images and a few fields can). Delete the pod and create it again: `kubectl delete po {pod}`, then apply the manifest again.',
    ko: '실행 중인 파드의 spec은 대부분 바꿀 수 없어요 (이미지 등 몇 가지만 바뀌어요). 파드를 지우고 다시 만들어 주세요: `kubectl delete po {pod}` 한 다음 매니페스트를 다시 적용하면 돼요.',
  },
  'guide.line.dashAll': {
    en: 'Long flags take two dashes: `--all`, not `-all` (with one dash kubectl reads `-a -l -l`). Try `{fixed}`',
    ko: '긴 플래그는 대시 두 개로 써요: `-all`{이/가} 아니라 `--all`이에요 (대시 하나면 kubectl은 `-a -l -l`{으로/로} 읽어요). `{fixed}`{을/를} 해 보세요.',
  },
  'guide.line.noMetrics': {
    en: '`kubectl top` reads CPU and memory usage from the Metrics API, which metrics-server serves; your sandbox has no metrics-server, as a fresh cluster has none. `kubectl describe node NAME` shows what the pods on a node request instead.',
    ko: '`kubectl top`은 metrics-server가 제공하는 Metrics API에서 CPU와 메모리 사용량을 읽어요. 새로 만든 클러스터처럼 내 샌드박스에도 metrics-server가 설치되어 있지 않아요. 대신 `kubectl describe node NAME`으로 노드의 파드들이 요청한 자원을 볼 수 있어요.',
  },
  'guide.line.fileMissing': {
    en: 'There is no file `{file}` in your sandbox yet. Save it first with `/file save {file}` and the manifest in a code block on the next lines, or attach the file to the message; then run the command again.',
    ko: '샌드박스에 아직 `{file}` 파일이 없어요. 먼저 `/file save {file}` 다음 줄에 매니페스트를 코드 블록으로 넣어 저장하거나, 메시지에 파일을 첨부한 다음 명령을 다시 실행해 주세요.',
  },
  'guide.line.alreadyExists': {
    en: 'A pod named `{pod}` already exists. Pick another name, or delete the old one first: `kubectl delete po {pod}`.',
    ko: '이름이 `{pod}`인 파드가 이미 있어요. 다른 이름을 쓰거나 먼저 기존 파드를 지워 주세요: `kubectl delete po {pod}`.',
  },
  'guide.line.podBeingDeleted': {
    en: 'The old pod `{pod}` is still shutting down (Terminating), so its name is taken. Watch it go with `kubectl get po {pod} -w`, then try again.',
    ko: '예전 파드 `{pod}`{이/가} 아직 종료 중(Terminating)이라 그 이름을 아직 쓸 수 없어요. `kubectl get po {pod} -w`로 사라지는 것을 확인한 뒤 다시 해 보세요.',
  },
  'guide.line.podNotFound': {
    en: 'There is no pod named `{name}` in this namespace. `kubectl get po` lists the pods here; `kubectl get po -A` looks in every namespace.',
    ko: '이 네임스페이스에는 이름이 `{name}`인 파드가 없어요. 여기 있는 파드는 `kubectl get po`{으로/로}, 모든 네임스페이스는 `kubectl get po -A`{으로/로} 볼 수 있어요.',
  },
  'guide.line.nodeNotFound': {
    en: 'There is no node named `{name}`. `kubectl get nodes` lists the nodes (node01, node02, …).',
    ko: '이름이 `{name}`인 노드가 없어요. 노드 목록은 `kubectl get nodes`{으로/로} 볼 수 있어요 (node01, node02, …).',
  },
  'guide.line.namespaceNotFound': {
    en: 'There is no namespace `{name}` yet. Create it with `kubectl create ns {name}`, or see the existing ones with `kubectl get ns`.',
    ko: '네임스페이스 `{name}`{이/가} 아직 없어요. `kubectl create ns {name}`{으로/로} 만들거나, 있는 네임스페이스를 `kubectl get ns`{으로/로} 확인해 주세요.',
  },
  'guide.line.noMatch': {
    en: 'No pod matches the selector. `kubectl get po --show-labels` shows the labels each pod has.',
    ko: '셀렉터에 맞는 파드가 없어요. 파드마다 어떤 레이블이 있는지는 `kubectl get po --show-labels`{으로/로} 볼 수 있어요.',
  },
  'guide.line.imageRequired': {
    en: '`kubectl run` needs an image: `kubectl run {pod} --image=luksa/kubia --port=8080`.',
    ko: '`kubectl run`에는 이미지가 필요해요: `kubectl run {pod} --image=luksa/kubia --port=8080`.',
  },
  'guide.line.nameCase': {
    en: 'Names may use only lower-case letters, digits, `-` and `.`: try `{lower}`.',
    ko: '이름에는 소문자, 숫자, `-`, `.`만 쓸 수 있어요. `{lower}`{을/를} 써 보세요.',
  },
  'guide.line.forwardNotRunning': {
    en: 'A forward needs a running pod. Wait until `kubectl get po` shows it Running (or `kubectl wait --for=condition=Ready pod/POD`), then forward again.',
    ko: '포워딩은 실행 중인 파드에만 할 수 있어요. `kubectl get po`에서 Running이 될 때까지 기다리거나 (`kubectl wait --for=condition=Ready pod/파드`) 다시 포워딩해 주세요.',
  },
  'guide.line.labelValue': {
    en: 'A label is `key=value` without spaces; the value may use letters, digits, `-`, `_` and `.`. For several labels, give several `key=value` arguments.',
    ko: '레이블은 공백 없는 `키=값`이에요. 값에는 영문자, 숫자, `-`, `_`, `.`만 쓸 수 있어요. 레이블이 여러 개면 `키=값` 인자를 여러 개 주세요.',
  },
  'guide.line.resourceRequired': {
    en: 'Say what to list: `kubectl get po` (pods), `kubectl get nodes`, `kubectl get ns` (namespaces).',
    ko: '무엇을 볼지 적어 주세요: `kubectl get po` (파드), `kubectl get nodes` (노드), `kubectl get ns` (네임스페이스).',
  },
  'guide.line.nameWithSelector': {
    en: 'A command takes either pod names or a selector (`-l`, `--all`), not both: `kubectl {verb} po NAME` or `kubectl {verb} po --all`.',
    ko: '파드 이름과 셀렉터(`-l`, `--all`)는 함께 쓸 수 없어요: `kubectl {verb} po 이름` 또는 `kubectl {verb} po --all`.',
  },
  'guide.line.noObjects': {
    en: 'kubectl got no manifest. Send it in the same message as the command: `kubectl {verb} -f -` on the first line, then the manifest in a code block (a line of three backticks ``` before it and after it).',
    ko: 'kubectl이 매니페스트를 받지 못했어요. 명령과 같은 메시지로 보내 주세요: 첫 줄에 `kubectl {verb} -f -`, 그다음 줄부터 매니페스트를 코드 블록으로 (앞뒤에 백틱 세 개 ```만 있는 줄).',
  },
} as const satisfies Messages;

/** `/guide`, did-you-mean and the greeting. */
export const guideCommandMessages = {
  'guide.usage': {
    en: 'Usage: `/guide on` or `/guide off`: the 💡 line under kubectl’s output that explains an error and suggests the next command.',
    ko: '사용법: `/guide on` 또는 `/guide off`. kubectl 출력 아래에서 오류를 풀어 설명하고 다음 명령을 알려 주는 💡 줄을 켜거나 꺼요.',
  },
  'guide.isOn': {
    en: 'Guide lines are on for you: a 💡 line under kubectl’s output explains errors. `/guide off` turns them off.',
    ko: '가이드 줄이 켜져 있어요. kubectl 출력 아래 💡 줄이 오류를 설명해 줘요. `/guide off`{으로/로} 끌 수 있어요.',
  },
  'guide.isOff': {
    en: 'Guide lines are off for you. `/guide on` turns them on.',
    ko: '가이드 줄이 꺼져 있어요. `/guide on`{으로/로} 켤 수 있어요.',
  },
  'guide.turnedOn': {
    en: 'Guide lines on: a 💡 line under kubectl’s output will explain errors and suggest the next command.',
    ko: '가이드 줄을 켰어요. kubectl 출력 아래 💡 줄이 오류를 설명하고 다음 명령을 알려 줄 거예요.',
  },
  'guide.turnedOff': {
    en: 'Guide lines off: you will see kubectl’s output only. `/guide on` brings them back.',
    ko: '가이드 줄을 껐어요. 이제 kubectl 출력만 보여요. 다시 켜려면 `/guide on`.',
  },
  'help.guide': {
    en: '`/guide on|off`: the 💡 line that explains kubectl’s errors in plain words. Ask questions in plain words too, e.g. “what is a sidecar?”.',
    ko: '`/guide on|off`: kubectl 오류를 쉬운 말로 설명하는 💡 줄 켜기/끄기. “사이드카가 뭐야?”처럼 그냥 물어봐도 돼요.',
  },
  'console.greeting': {
    en: 'Podium console: your own practice Kubernetes cluster and quizzes for the pods chapter. Try `kubectl get nodes`, ask “what is a pod?”, or type `/help`; `/quit` or Ctrl-D leaves.',
    ko: 'Podium 콘솔: 파드 챕터를 위한 나만의 연습 쿠버네티스 클러스터와 퀴즈예요. `kubectl get nodes`를 해 보거나, “파드가 뭐야?”처럼 묻거나, `/help`를 입력하세요. 끝내려면 `/quit` 또는 Ctrl-D.',
  },
  'guide.didYouMean': {
    en: '💡 Did you mean `{command}`?',
    ko: '💡 `{command}`{을/를} 입력하려고 하셨나요?',
  },
} as const satisfies Messages;

/** Answers to plain questions (src/guide/ask.ts) and how to paste a manifest. */
export const guideAskMessages = {
  'guide.ask.help': {
    en: 'I run kubectl in your own practice cluster (`kubectl get po`), quiz you (`/quiz practice`) and check labs (`/lab list`). Ask about a concept in plain words, e.g. “what is a label selector?”. `/help` lists every command.',
    ko: '나만의 연습 클러스터에서 kubectl을 실행하고 (`kubectl get po`), 퀴즈를 내고 (`/quiz practice`), 실습을 채점해요 (`/lab list`). “레이블 셀렉터가 뭐야?”처럼 개념을 그냥 물어봐도 돼요. 모든 명령은 `/help`에 있어요.',
  },
  'guide.ask.quiz': {
    en: '📘 Practise it: `/quiz practice {topic}`. All commands: `/help`.',
    ko: '📘 연습하기: `/quiz practice {topic}`. 모든 명령: `/help`.',
  },
  'guide.ask.quizAndLab': {
    en: '📘 Practise it: `/quiz practice {topic}`, lab `/lab start {lab}`. All commands: `/help`.',
    ko: '📘 연습하기: `/quiz practice {topic}`, 실습 `/lab start {lab}`. 모든 명령: `/help`.',
  },
  'guide.pasteManifest': {
    en: 'That looks like a manifest, but no command came with it. Send it in one message: `kubectl apply -f -` on the first line, then the manifest in a code block (a line of three backticks ``` before it and after it). Or save it with `/file save NAME` the same way and run `kubectl apply -f NAME`.',
    ko: '매니페스트 같은데 함께 온 명령이 없어요. 메시지 하나로 보내 주세요: 첫 줄에 `kubectl apply -f -`, 그다음 줄부터 매니페스트를 코드 블록으로 (앞뒤에 백틱 세 개 ```만 있는 줄). 또는 같은 방법으로 `/file save 이름`{으로/로} 저장하고 `kubectl apply -f 이름`{을/를} 실행해도 돼요.',
  },
} as const satisfies Messages;

/** Labs that coach: what to do about a failing check (src/guide/lab-coach.ts). */
export const labCoachMessages = {
  'lab.todo.noPod': {
    en: 'Create the pod `{pod}` in namespace `{namespace}` first (the lab’s steps show how), then check again.',
    ko: '먼저 `{namespace}` 네임스페이스에 `{pod}` 파드를 만들고 (실습 단계에 방법이 있어요) 다시 확인해 보세요.',
  },
  'lab.todo.createdVia': {
    en: 'Make `{pod}` the way the lab asks (`{via}`): delete it with `kubectl delete po {pod} -n {namespace}` and create it again that way.',
    ko: '`{pod}`{을/를} 실습이 말하는 방법(`{via}`){으로/로} 만들어야 해요. `kubectl delete po {pod} -n {namespace}`{으로/로} 지우고 그 방법으로 다시 만들어 주세요.',
  },
  'lab.todo.podStatus': {
    en: 'Wait until `{pod}` is Running (`kubectl get po {pod} -n {namespace}`); if it stays otherwise, `kubectl describe po {pod} -n {namespace}` shows why under Events.',
    ko: '`{pod}`{이/가} Running이 될 때까지 기다려 주세요 (`kubectl get po {pod} -n {namespace}`). 계속 그대로라면 `kubectl describe po {pod} -n {namespace}`의 Events에 이유가 나와요.',
  },
  'lab.todo.containerCount': {
    en: 'A pod’s containers cannot be changed once it exists: delete `{pod}` (`kubectl delete po {pod} -n {namespace}`) and create it from a manifest with {count:entry|entries} under `containers:`.',
    ko: '파드의 컨테이너는 만든 뒤에는 바꿀 수 없어요. `{pod}`{을/를} `kubectl delete po {pod} -n {namespace}`{으로/로} 지우고, `containers:` 아래에 {count}개를 적은 매니페스트로 다시 만들어 주세요.',
  },
  'lab.todo.declaresPort': {
    en: 'Declare the port: `ports:` with `- containerPort: {port}` in the manifest (or `--port={port}` with `kubectl run`). A running pod’s ports cannot change: delete `{pod}` and create it again.',
    ko: '포트를 선언해 주세요: 매니페스트에 `ports:`와 `- containerPort: {port}` (또는 `kubectl run`에 `--port={port}`). 실행 중인 파드의 포트는 바꿀 수 없으니 `{pod}`{을/를} 지우고 다시 만들어야 해요.',
  },
  'lab.todo.runsImage': {
    en: 'Run the image `{image}` in `{pod}`: create the pod with `image: {image}` (delete the old one first: `kubectl delete po {pod} -n {namespace}`).',
    ko: '`{pod}`에서 `{image}` 이미지를 실행해야 해요. `image: {image}`{으로/로} 파드를 만들어 주세요 (기존 파드는 먼저 `kubectl delete po {pod} -n {namespace}`{으로/로} 지우기).',
  },
  'lab.todo.labels': {
    en: 'Give `{pod}` the labels {labels}: `kubectl label po {pod} KEY=VALUE -n {namespace}` for each (add `--overwrite` to change a key that already has a value; `KEY-` removes one).',
    ko: '`{pod}`에 레이블 {labels}{을/를} 붙여 주세요: 하나씩 `kubectl label po {pod} 키=값 -n {namespace}` (이미 값이 있는 키를 바꾸려면 `--overwrite`, 지우려면 `키-`).',
  },
  'lab.todo.annotations': {
    en: 'Annotate `{pod}`: `kubectl annotate po {pod} KEY="VALUE" -n {namespace}` (expected: {annotations}).',
    ko: '`{pod}`에 어노테이션을 붙여 주세요: `kubectl annotate po {pod} 키="값" -n {namespace}` (기대하는 값: {annotations}).',
  },
  'lab.todo.nodeSelector': {
    en: 'Put `nodeSelector:` with {selector} in `{pod}`’s spec; a running pod’s nodeSelector cannot change, so delete it and create it again from the manifest.',
    ko: '`{pod}`의 spec에 `nodeSelector:`{으로/로} {selector}{을/를} 넣어 주세요. 실행 중인 파드의 nodeSelector는 바꿀 수 없으니 지우고 매니페스트로 다시 만들어야 해요.',
  },
  'lab.todo.onNode': {
    en: 'No node fits `{pod}` yet: see the nodes’ labels with `kubectl get nodes --show-labels` and label one: `kubectl label node node01 KEY=VALUE` ({labels}). The pod is scheduled as soon as a node matches.',
    ko: '아직 `{pod}`에 맞는 노드가 없어요. `kubectl get nodes --show-labels`{으로/로} 노드 레이블을 보고, 노드 하나에 레이블을 붙여 주세요: `kubectl label node node01 키=값` ({labels}). 맞는 노드가 생기면 바로 스케줄링돼요.',
  },
  'lab.todo.selects': {
    en: "Change the pods’ labels until `{selector}` selects what the check names: `kubectl get po -n {namespace} -l '{selector}'` shows what it selects now, `--show-labels` shows every label.",
    ko: "체크가 말하는 파드가 `{selector}`{으로/로} 선택되도록 레이블을 바꿔 주세요. 지금 선택되는 파드는 `kubectl get po -n {namespace} -l '{selector}'`, 모든 레이블은 `--show-labels`{으로/로} 볼 수 있어요.",
  },
  'lab.todo.namespace': {
    en: 'Create the namespace: `kubectl create ns {namespace}`.',
    ko: '네임스페이스를 만들어 주세요: `kubectl create ns {namespace}`.',
  },
  'lab.todo.podsIn': {
    en: 'Delete the pods left in `{namespace}`: by name, by label (`-l`) or all at once with `kubectl delete po --all -n {namespace}`.',
    ko: '`{namespace}`에 남은 파드를 지워 주세요: 이름으로, 레이블(`-l`)로, 또는 한 번에 `kubectl delete po --all -n {namespace}`.',
  },
  'lab.todo.reaches': {
    en: 'Find the target pod’s IP with `kubectl get po -o wide -n {namespace}`, then curl it from inside the other pod: `kubectl exec POD -n {namespace} -- curl IP:PORT`.',
    ko: '`kubectl get po -o wide -n {namespace}`{으로/로} 대상 파드의 IP를 찾고, 다른 파드 안에서 curl 해 보세요: `kubectl exec 파드 -n {namespace} -- curl IP:포트`.',
  },
  'lab.todo.forward': {
    en: 'Open the forward: `kubectl port-forward {pod} {local}:{port} -n {namespace}`, then `curl localhost:{local}`.',
    ko: '포워딩을 열어 주세요: `kubectl port-forward {pod} {local}:{port} -n {namespace}`, 그다음 `curl localhost:{local}`.',
  },
  'lab.todo.served': {
    en: 'Send `{pod}` a request the way the check says (from {from}), e.g. through a port-forward and `curl localhost:PORT`, or `kubectl exec` and curl from another pod.',
    ko: '체크가 말하는 곳({from})에서 `{pod}`{으로/로} 요청을 보내 주세요. 예: 포트 포워딩 후 `curl localhost:포트`, 또는 다른 파드에서 `kubectl exec`{으로/로} curl.',
  },
  'lab.todo.ran': {
    en: 'This check looks at the commands you ran since the lab started: run `{command}`.',
    ko: '이 체크는 실습을 시작한 뒤 실행한 명령을 봐요: `{command}`{을/를} 실행해 주세요.',
  },
  'lab.todo.localhost': {
    en: 'In `{pod}`, one container must listen on port {port} and another running container reach it at `localhost:{port}`: `kubectl exec {pod} -c CONTAINER -n {namespace} -- curl localhost:{port}`.',
    ko: '`{pod}` 안에서 한 컨테이너는 {port}번 포트를 리슨하고, 실행 중인 다른 컨테이너가 `localhost:{port}`{으로/로} 접속해야 해요: `kubectl exec {pod} -c 컨테이너 -n {namespace} -- curl localhost:{port}`.',
  },
  'lab.todo.compare': {
    en: 'Compare the expected line with what your sandbox has, and run the command from the lab’s steps that makes them agree.',
    ko: '기대하는 내용과 샌드박스의 실제 상태를 비교하고, 둘이 같아지도록 실습 단계의 명령을 실행해 보세요.',
  },
  'lab.resetAsk': {
    en: 'You are in lab `{id}`, and a reset takes its setup too. Restart the lab from the beginning (`/lab restart`), or stop it (`/lab stop`)?',
    ko: '지금 `{id}` 실습 중이라 초기화하면 실습 준비 상태도 함께 사라져요. 실습을 처음부터 다시 시작할까요 (`/lab restart`), 아니면 멈출까요 (`/lab stop`)?',
  },
  'lab.restartButton': { en: 'Restart lab {id}', ko: '{id} 실습 다시 시작' },
  'lab.stopButton': { en: 'Stop lab {id}', ko: '{id} 실습 멈추기' },
  'lab.restarted': {
    en: 'Lab `{id}` starts over.',
    ko: '`{id}` 실습을 처음부터 다시 시작해요.',
  },
  'lab.hintFor': {
    en: '💡 The first check that fails: {title}.\n{todo}',
    ko: '💡 처음으로 통과하지 못한 체크: {title}.\n{todo}',
  },
  'lab.hintAllPass': {
    en: 'Every check passes already: `/lab check` finishes the lab.',
    ko: '모든 체크를 이미 통과했어요. `/lab check`{으로/로} 실습을 마칠 수 있어요.',
  },
  'lab.hintMore': {
    en: 'The lab’s own hint {n} of {total}: {text}',
    ko: '실습 힌트 {n}/{total}: {text}',
  },
} as const satisfies Messages;
