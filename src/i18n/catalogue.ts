import type { Lang } from './lang.ts';
import { applyMessages } from './messages/apply.ts';
import { contentMessages } from './messages/content.ts';
import { costMessages } from './messages/cost.ts';
import { executorMessages } from './messages/executor.ts';
import { fidelityMessages } from './messages/fidelity.ts';
import { groupMessages } from './messages/group.ts';
import { guideAskMessages, guideCommandMessages, guideMessages, labCoachMessages } from './messages/guide.ts';
import { kubeapiMessages } from './messages/kubeapi.ts';
import { mapMessages } from './messages/map.ts';
import { perfMessages } from './messages/perf.ts';
import { platformsMessages } from './messages/platforms.ts';
import { pickParticle } from './particles.ts';

/** The first edition's sentences; newer areas keep theirs in `messages/<area>.ts`. */
const core = {
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
    en: '`/sandbox reset --yes`: throw your sandbox away and start over with a fresh cluster. `/sandbox map [-l SELECTOR]`: your sandbox as a picture.',
    ko: '`/sandbox reset --yes`: 샌드박스를 지우고 새 클러스터로 다시 시작. `/sandbox map [-l 셀렉터]`: 샌드박스를 그림으로 보기.',
  },
  'help.file': {
    en: '`/file save NAME` + a code block, `/file list`, `/file show NAME`, `/file delete NAME`: saved files, manifests for `kubectl create -f NAME` or templates for `-o jsonpath-file=NAME`.',
    ko: '`/file save 이름` + 코드 블록, `/file list`, `/file show 이름`, `/file delete 이름`: `kubectl create -f 이름`에 쓸 매니페스트나 `-o jsonpath-file=이름`에 쓸 템플릿 저장.',
  },
  'file.usage': {
    en: 'Usage: `/file save NAME` followed by a code block, `/file list`, `/file show NAME`, `/file delete NAME`.',
    ko: '사용법: `/file save 이름` 다음 줄에 코드 블록, `/file list`, `/file show 이름`, `/file delete 이름`.',
  },
  'file.badName': {
    en: '`{name}` cannot be a file name: use 1 to 64 letters, digits, `.`, `_` or `-` (not `-`, `.` or `..` alone), for example `kubia-manual.yaml`.',
    ko: '`{name}`{은/는} 파일 이름으로 쓸 수 없어요: 영문자, 숫자, `.`, `_`, `-`로 1~64자를 써 주세요 (`-`, `.`, `..` 하나만은 안 돼요). 예: `kubia-manual.yaml`.',
  },
  'file.noBlock': {
    en: 'Nothing to save: put the manifest in a code block on the lines right after `/file save {name}`.',
    ko: '저장할 내용이 없어요: `/file save {name}` 바로 다음 줄부터 매니페스트를 코드 블록으로 넣어 주세요.',
  },
  'file.tooLarge': {
    en: '`{name}` is {size} bytes; a saved file may be at most {limit} bytes. Nothing was saved.',
    ko: '`{name}`{은/는} {size}바이트예요. 저장 파일은 최대 {limit}바이트까지예요. 저장하지 않았어요.',
  },
  'file.tooMany': {
    en: 'You already have {limit} saved files, the most a sandbox keeps. Delete one with `/file delete NAME` first.',
    ko: '저장 파일이 이미 {limit}개로, 샌드박스에 둘 수 있는 최대 개수예요. 먼저 `/file delete 이름`으로 하나를 지워 주세요.',
  },
  'file.parseError': {
    en: '`{name}` is not valid YAML or JSON, so it was not saved. kubectl would say:',
    ko: '`{name}`{은/는} 올바른 YAML이나 JSON이 아니라서 저장하지 않았어요. kubectl이라면 이렇게 말해요:',
  },
  'file.saved': {
    en: 'Saved `{name}` ({size} bytes). Use it with `kubectl create -f {name}` or `kubectl apply -f {name}`.',
    ko: '`{name}`{을/를} 저장했어요 ({size}바이트). `kubectl create -f {name}`{이나/나} `kubectl apply -f {name}`{으로/로} 쓸 수 있어요.',
  },
  'file.savedText': {
    en: 'Saved `{name}` ({size} bytes) as text, unchecked since the name does not end in `.yaml` or `.json`. Use it as a template with `kubectl get po -o jsonpath-file={name}` or `-o go-template-file={name}`, or as a manifest with `kubectl create -f {name}`.',
    ko: '`{name}`{을/를} 텍스트로 저장했어요 ({size}바이트). 이름이 `.yaml`{이나/나} `.json`{으로/로} 끝나지 않아 검사하지 않았어요. `kubectl get po -o jsonpath-file={name}`{이나/나} `-o go-template-file={name}`의 템플릿으로, 또는 `kubectl create -f {name}`의 매니페스트로 쓸 수 있어요.',
  },
  'file.replaced': {
    en: 'Replaced `{name}` with the new content ({size} bytes).',
    ko: '`{name}`{을/를} 새 내용으로 바꿨어요 ({size}바이트).',
  },
  'file.none': {
    en: 'You have no saved files yet. Save one with `/file save NAME` and a code block on the next lines.',
    ko: '저장한 파일이 아직 없어요. `/file save 이름` 다음 줄에 코드 블록을 넣어 저장해 보세요.',
  },
  'file.listTitle': {
    en: 'Your saved files ({count} of at most {limit}):',
    ko: '내 저장 파일 ({count}개, 최대 {limit}개):',
  },
  'file.listItem': {
    en: '• `{name}` ({size} bytes)',
    ko: '• `{name}` ({size}바이트)',
  },
  'file.showTitle': {
    en: '`{name}`:',
    ko: '`{name}`:',
  },
  'file.notFound': {
    en: 'You have no saved file `{name}`. `/file list` shows the ones you have.',
    ko: '`{name}`{이라는/라는} 저장 파일이 없어요. `/file list`로 내 파일을 볼 수 있어요.',
  },
  'file.deleted': {
    en: 'Deleted `{name}`.',
    ko: '`{name}`{을/를} 지웠어요.',
  },
  'help.lang': {
    en: '`/lang ko|en`: choose the language I speak to you in.',
    ko: '`/lang ko|en`: 봇이 쓰는 언어 선택.',
  },
  'help.help': {
    en: '`/help`: this list.',
    ko: '`/help`: 이 목록.',
  },
  'help.quiz': {
    en: '`/quiz start [topic]`: a live quiz in this channel; `/quiz practice`, `/quiz review`, `/quiz stats`, `/quiz leaderboard` (`/quiz` alone for all of it).',
    ko: '`/quiz start [주제]`: 이 채널에서 라이브 퀴즈; `/quiz practice`, `/quiz review`, `/quiz stats`, `/quiz leaderboard` (전체는 `/quiz`만 입력).',
  },
  'help.lab': {
    en: '`/lab list`, `/lab start ID`, `/lab check`, `/lab hint`, `/lab stop`: guided exercises checked against your sandbox.',
    ko: '`/lab list`, `/lab start ID`, `/lab check`, `/lab hint`, `/lab stop`: 내 샌드박스로 채점하는 실습.',
  },
  'help.curl': {
    en: '`curl localhost:8888`: curl on your own machine, through a `kubectl port-forward` you opened.',
    ko: '`curl localhost:8888`: 내 컴퓨터에서 curl 실행 (`kubectl port-forward`로 연 포트를 거쳐요).',
  },
  'kubectl.notSimulated': {
    en: '`kubectl {verb}` is not available here: this sandbox simulates the pods chapter (pods, labels, annotations, nodes and namespaces). `kubectl --help` lists the commands it has.',
    ko: '`kubectl {verb}`{은/는} 여기서 쓸 수 없어요. 이 샌드박스는 파드 챕터(파드, 레이블, 어노테이션, 노드, 네임스페이스)만 시뮬레이션해요. 쓸 수 있는 명령은 `kubectl --help`로 볼 수 있어요.',
  },
  'kubectl.interactiveExec': {
    en: 'A chat message cannot hold a terminal open, so there is no interactive shell here: each message runs one command and shows its output. Run the commands one at a time, e.g. `kubectl exec {pod} -- ls /`, or put a script in a fenced block after `kubectl exec -i {pod} -- sh`.',
    ko: '채팅 메시지는 터미널을 열어 둘 수 없어서 여기서는 대화형 셸을 쓸 수 없어요. 메시지 하나가 명령 하나를 실행하고 그 출력을 보여 줘요. 명령을 하나씩 실행하세요. 예: `kubectl exec {pod} -- ls /`. 또는 `kubectl exec -i {pod} -- sh` 다음 줄에 코드 블록으로 스크립트를 넣으세요.',
  },
  'kubectl.interactiveRun': {
    en: 'A chat message cannot attach a terminal to a pod (`-i`, `-t`, `--attach`, `--rm`), so nothing was created. Start the pod detached and run commands in it one at a time: `kubectl run {pod} --image=busybox --restart=Never -- sleep 3600`, then `kubectl exec {pod} -- wget -qO- URL`, and `kubectl delete pod {pod}` when you are done.',
    ko: '채팅 메시지로는 파드에 터미널을 붙일 수 없어서(`-i`, `-t`, `--attach`, `--rm`) 아무것도 만들지 않았어요. 파드를 분리된 상태로 띄우고 그 안에서 명령을 하나씩 실행하세요: `kubectl run {pod} --image=busybox --restart=Never -- sleep 3600` 다음에 `kubectl exec {pod} -- wget -qO- URL`, 다 쓰면 `kubectl delete pod {pod}`.',
  },
  // Slack caps a modal's title and submit button at 24 characters (SLACK.viewTitle in the fake).
  'slack.manifestTitle.apply': { en: 'Apply a manifest', ko: '매니페스트 적용' },
  'slack.manifestTitle.create': { en: 'Create from a manifest', ko: '매니페스트로 생성' },
  'slack.manifestTitle.replace': { en: 'Replace with a manifest', ko: '매니페스트로 교체' },
  'slack.manifestSubmit.apply': { en: 'Apply', ko: '적용' },
  'slack.manifestSubmit.create': { en: 'Create', ko: '생성' },
  'slack.manifestSubmit.replace': { en: 'Replace', ko: '교체' },
  'slack.applyClose': {
    en: 'Cancel',
    ko: '취소',
  },
  'slack.manifestLabel': {
    en: 'Manifest (YAML or JSON)',
    ko: '매니페스트 (YAML 또는 JSON)',
  },
  'slack.manifestHint': {
    en: 'Runs {command} with this text as the file (up to 3,000 characters; for a longer one, mention me with a code block).',
    ko: '이 내용을 파일로 해서 {command} 명령을 실행해요 (3,000자까지; 더 길면 코드 블록과 함께 저를 멘션하세요).',
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
    en: 'The output is {lines:line|lines} long, so here it is as a file.',
    ko: '출력이 {lines}줄이나 되어서 파일로 보내요.',
  },
  'slack.outputTruncated': {
    en: '… and {lines:more line|more lines}, not shown here.',
    ko: '… 나머지 {lines}줄은 여기에 보여 주지 않았어요.',
  },
  'lab.usage': {
    en: 'Usage: `/lab list`, `/lab start ID`, `/lab check`, `/lab hint`, `/lab restart`, `/lab stop`.',
    ko: '사용법: `/lab list`, `/lab start ID`, `/lab check`, `/lab hint`, `/lab restart`, `/lab stop`.',
  },
  'lab.listHeader': {
    en: 'Labs: you have finished {done} of {total}. Start one with `/lab start ID`.',
    ko: '실습: {total}개 중 {done}개를 마쳤어요. `/lab start ID`로 시작하세요.',
  },
  'lab.listFinished': {
    en: '✅ `{id}` {title}: finished ({hints:hint|hints} used)',
    ko: '✅ `{id}` {title}: 완료 (힌트 {hints}개 사용)',
  },
  'lab.listActive': {
    en: '▶️ `{id}` {title}: in progress ({hints:hint|hints} so far)',
    ko: '▶️ `{id}` {title}: 진행 중 (지금까지 힌트 {hints}개)',
  },
  'lab.listNew': {
    en: '▫️ `{id}` {title}',
    ko: '▫️ `{id}` {title}',
  },
  'lab.unknown': {
    en: 'There is no lab `{id}`. The labs are: {ids}.',
    ko: '`{id}` 실습은 없어요. 실습 목록: {ids}.',
  },
  'lab.busy': {
    en: 'You are in the middle of lab `{id}`. Finish it with `/lab check`, or stop it with `/lab stop`, before starting another.',
    ko: '`{id}` 실습을 하는 중이에요. 다른 실습을 시작하기 전에 `/lab check`로 끝내거나 `/lab stop`으로 멈춰 주세요.',
  },
  'lab.none': {
    en: 'No lab is running. See the labs with `/lab list`, then `/lab start ID`.',
    ko: '진행 중인 실습이 없어요. `/lab list`로 실습을 보고 `/lab start ID`로 시작하세요.',
  },
  'lab.startHeader': {
    en: 'Lab `{id}`: {title}',
    ko: '실습 `{id}`: {title}',
  },
  'lab.seeded': {
    en: 'I set up namespace `{namespace}` with {count:pod|pods}: {pods}. Add `-n {namespace}` to your commands.',
    ko: '`{namespace}` 네임스페이스에 파드 {count}개를 준비했어요: {pods}. 명령에 `-n {namespace}`{을/를} 붙이세요.',
  },
  'lab.ownNamespace': {
    en: 'This lab works in namespace `{namespace}`, fresh and empty. Add `-n {namespace}` to your commands.',
    ko: '이 실습은 비어 있는 새 네임스페이스 `{namespace}`에서 해요. 명령에 `-n {namespace}`{을/를} 붙이세요.',
  },
  'lab.steps': {
    en: 'Steps (notes: {section}):',
    ko: '단계 (노트: {section}):',
  },
  'lab.startFooter': {
    en: 'When you think you are done, type `/lab check`. Stuck? `/lab hint`. To give up: `/lab stop`.',
    ko: '다 했다 싶으면 `/lab check`를 입력하세요. 막히면 `/lab hint`, 그만두려면 `/lab stop`.',
  },
  'lab.checkHeader': {
    en: 'Lab `{id}`: {passed} of {total} checks pass.',
    ko: '실습 `{id}`: 검사 {total}개 중 {passed}개 통과.',
  },
  'lab.checkPassed': {
    en: '✅ {title}',
    ko: '✅ {title}',
  },
  'lab.checkFailed': {
    en: '❌ {title}: expected {expected}; actual {actual}',
    ko: '❌ {title}: 기대 {expected}; 실제 {actual}',
  },
  'lab.finished': {
    en: '🎉 Every check passes: lab `{id}` is finished, with {hints:hint|hints}. You have finished {done} of {total} labs.',
    ko: '🎉 모든 검사 통과: `{id}` 실습 완료 (힌트 {hints}개 사용). 실습 {total}개 중 {done}개를 마쳤어요.',
  },
  'lab.notYet': {
    en: 'Not there yet: fix what failed and type `/lab check` again (`/lab hint` if you are stuck).',
    ko: '아직이에요: 실패한 항목을 고치고 `/lab check`를 다시 입력하세요 (막히면 `/lab hint`).',
  },
  'lab.stopped': {
    en: 'Stopped lab `{id}`. Your sandbox keeps everything you made; `/lab start {id}` starts the lab over.',
    ko: '`{id}` 실습을 멈췄어요. 샌드박스에 만든 것은 그대로 있어요. `/lab start {id}`{으로/로} 처음부터 다시 할 수 있어요.',
  },
  'lab.fact.noPod': {
    en: 'no pod `{pod}` in namespace `{namespace}`',
    ko: '`{namespace}` 네임스페이스에 `{pod}` 파드가 없음',
  },
  'lab.fact.createdVia': {
    en: '`{pod}` made with `{via}`',
    ko: '`{pod}` (만든 방법: `{via}`)',
  },
  'lab.fact.podStatus': {
    en: '`{pod}` {status}, {ready} ready',
    ko: '`{pod}` {status}, 준비 {ready}',
  },
  'lab.fact.containerCount': {
    en: '`{pod}` with {count:container|containers}',
    ko: '컨테이너 {count}개인 `{pod}`',
  },
  'lab.fact.containers': {
    en: '`{pod}` has {count}: {names}',
    ko: '`{pod}`의 컨테이너 {count}개: {names}',
  },
  'lab.fact.declaresPort': {
    en: '`{pod}` declares containerPort {port}',
    ko: '`{pod}`에 containerPort {port} 선언',
  },
  'lab.fact.declaredPorts': {
    en: '`{pod}` declares ports: {ports}',
    ko: '`{pod}`에 선언된 포트: {ports}',
  },
  'lab.fact.runsImage': {
    en: 'a container of `{pod}` runs `{image}`',
    ko: '`{pod}`의 컨테이너가 `{image}` 이미지를 실행',
  },
  'lab.fact.images': {
    en: '`{pod}` runs images: {images}',
    ko: '`{pod}`의 이미지: {images}',
  },
  'lab.fact.labels': {
    en: 'labels of `{pod}`: {labels}',
    ko: '`{pod}`의 레이블: {labels}',
  },
  'lab.fact.annotations': {
    en: 'annotations of `{pod}`: {annotations}',
    ko: '`{pod}`의 어노테이션: {annotations}',
  },
  'lab.fact.nodeSelector': {
    en: 'nodeSelector of `{pod}`: {selector}',
    ko: '`{pod}`의 nodeSelector: {selector}',
  },
  'lab.fact.onNode': {
    en: '`{pod}` Running on a node labelled {labels}',
    ko: '`{pod}`: 레이블이 {labels}인 노드에서 Running',
  },
  'lab.fact.unscheduled': {
    en: '`{pod}` not scheduled (Pending); nodes labelled {labels}: {nodes}',
    ko: '`{pod}`: 스케줄되지 않음 (Pending); 레이블이 {labels}인 노드: {nodes}',
  },
  'lab.fact.onNodeActual': {
    en: '`{pod}` {status} on `{node}` ({labels})',
    ko: '`{pod}`: `{node}` 노드에서 {status} ({labels})',
  },
  'lab.fact.stillThere': {
    en: '`{pod}` is still there ({status})',
    ko: '`{pod}`: 아직 있음 ({status})',
  },
  'lab.fact.selects': {
    en: '`{selector}` selects in `{namespace}`: {pods}',
    ko: '`{namespace}`에서 `{selector}`{으로/로} 선택되는 파드: {pods}',
  },
  'lab.fact.selectsCount': {
    en: '`{selector}` selects {count:pod|pods} in `{namespace}`',
    ko: '`{namespace}`에서 `{selector}`{으로/로} 선택되는 파드 {count}개',
  },
  'lab.fact.namespace': {
    en: 'namespace `{namespace}` exists',
    ko: '`{namespace}` 네임스페이스가 있음',
  },
  'lab.fact.noNamespace': {
    en: 'namespace `{namespace}` is gone',
    ko: '`{namespace}` 네임스페이스가 없음',
  },
  'lab.fact.podsIn': {
    en: 'pods in `{namespace}`: {pods}',
    ko: '`{namespace}`의 파드: {pods}',
  },
  'lab.fact.reaches': {
    en: '`{from}` reaches `{to}` at its pod IP on port {port}',
    ko: '`{from}`에서 `{to}`의 파드 IP, 포트 {port}{으로/로} 접속',
  },
  'lab.fact.notUp': {
    en: '`{pod}` has no running container ({status})',
    ko: '`{pod}`에 실행 중인 컨테이너가 없음 ({status})',
  },
  'lab.fact.refused': {
    en: 'nothing listens on {ip}:{port} (`{pod}` listens on {listens}): connection refused',
    ko: '{ip}:{port}에서 리슨하는 것이 없음 (`{pod}` 리슨 포트: {listens}): 연결 거부',
  },
  'lab.fact.answers': {
    en: '`{from}` -> {ip}:{port} (`{to}`) answers',
    ko: '`{from}` -> {ip}:{port} (`{to}`) 응답함',
  },
  'lab.fact.served': {
    en: '`{pod}` served a request from {from}',
    ko: '`{pod}`: {from}에서 온 요청을 처리함',
  },
  'lab.fact.servedList': {
    en: '`{pod}` served requests from: {sources}',
    ko: '`{pod}`에 요청을 보낸 곳: {sources}',
  },
  'lab.fact.forward': {
    en: 'a port-forward localhost:{local} -> `{pod}`:{port}',
    ko: '포트 포워딩 localhost:{local} -> `{pod}`:{port}',
  },
  'lab.fact.forwards': {
    en: 'open port-forwards: {forwards}',
    ko: '열린 포트 포워딩: {forwards}',
  },
  'sandbox.resetConfirm': {
    en: 'This deletes every pod, namespace, node label and saved file in your sandbox. To confirm, type `/sandbox reset --yes`.',
    ko: '샌드박스의 모든 파드, 네임스페이스, 노드 레이블, 저장한 파일이 지워져요. 확인하려면 `/sandbox reset --yes`를 입력하세요.',
  },
  'sandbox.resetDone': {
    en: 'Your sandbox is fresh again: {nodes:node|nodes}, no pods of yours.',
    ko: '샌드박스를 새로 만들었어요: 노드 {nodes}개, 내 파드는 없어요.',
  },
  'sandbox.usage': {
    en: 'Usage: `/sandbox reset [--yes]`, `/sandbox map [-n NAMESPACE | -A] [-l SELECTOR] [--text]`, `/sandbox share [on|off]`, `/sandbox kubeconfig [revoke]`.',
    ko: '사용법: `/sandbox reset [--yes]`, `/sandbox map [-n 네임스페이스 | -A] [-l 셀렉터] [--text]`, `/sandbox share [on|off]`, `/sandbox kubeconfig [revoke]`.',
  },
  'lang.set': {
    en: 'I will speak English to you from now on.',
    ko: '이제부터 한국어로 말할게요.',
  },
  'lang.usage': {
    en: 'Usage: `/lang ko` or `/lang en`.',
    ko: '사용법: `/lang ko` 또는 `/lang en`.',
  },
  'discord.kubectl': {
    en: 'Run kubectl in your private practice cluster',
    ko: '나만의 연습 클러스터에서 kubectl 실행',
  },
  'discord.kubectl.command': {
    en: 'The kubectl command line, e.g. get po -o wide',
    ko: 'kubectl 명령줄, 예: get po -o wide',
  },
  'discord.kubectl.file': {
    en: 'A manifest file for -f (YAML or JSON)',
    ko: '-f에 쓸 매니페스트 파일 (YAML 또는 JSON)',
  },
  'discord.apply': {
    en: 'Paste a manifest in a text box and run kubectl apply -f - with it',
    ko: '텍스트 상자에 매니페스트를 붙여 넣어 kubectl apply -f - 실행',
  },
  'discord.manifestBox': {
    en: 'Manifest (YAML or JSON)',
    ko: '매니페스트 (YAML 또는 JSON)',
  },
  'discord.quiz': {
    en: 'Quizzes on the pods chapter',
    ko: '파드 챕터 퀴즈',
  },
  'discord.quiz.start': {
    en: 'Start a live quiz in this channel',
    ko: '이 채널에서 라이브 퀴즈 시작',
  },
  'discord.quiz.topic': {
    en: 'Topic (a section of the notes)',
    ko: '주제 (노트의 한 절)',
  },
  'discord.quiz.count': {
    en: 'Number of questions',
    ko: '문제 수',
  },
  'discord.quiz.seconds': {
    en: 'Seconds to answer each question',
    ko: '문제당 답할 시간(초)',
  },
  'discord.quiz.practice': {
    en: 'Practise alone: only you see the questions',
    ko: '혼자 연습: 문제가 나에게만 보여요',
  },
  'discord.quiz.review': {
    en: 'Review the questions that are due for you',
    ko: '복습할 때가 된 문제 풀기',
  },
  'discord.quiz.stop': {
    en: 'Stop the live quiz in this channel',
    ko: '이 채널의 라이브 퀴즈 중지',
  },
  'discord.quiz.leaderboard': {
    en: 'The leaderboard of this channel',
    ko: '이 채널의 순위표',
  },
  'discord.quiz.stats': {
    en: 'Your quiz statistics',
    ko: '내 퀴즈 통계',
  },
  'discord.quiz.answer': {
    en: 'Answer the current question in words',
    ko: '현재 문제에 글로 답하기',
  },
  'discord.quiz.answer.text': {
    en: 'Your answer',
    ko: '내 답',
  },
  'discord.quiz.next': {
    en: 'Go on to the next question',
    ko: '다음 문제로 넘어가기',
  },
  'discord.quiz.topics': {
    en: 'The topics there are quizzes on',
    ko: '퀴즈가 있는 주제 목록',
  },
  'discord.lab': {
    en: 'Hands-on labs checked against your sandbox',
    ko: '내 샌드박스로 확인하는 실습',
  },
  'discord.lab.list': {
    en: 'List the labs',
    ko: '실습 목록',
  },
  'discord.lab.start': {
    en: 'Start a lab',
    ko: '실습 시작',
  },
  'discord.lab.name': {
    en: 'The lab',
    ko: '실습 이름',
  },
  'discord.lab.check': {
    en: 'Check your work against the goals of the lab',
    ko: '실습 목표를 달성했는지 확인',
  },
  'discord.lab.hint': {
    en: 'Get a hint for the current step',
    ko: '현재 단계의 힌트 보기',
  },
  'discord.lab.stop': {
    en: 'Stop the current lab',
    ko: '현재 실습 중지',
  },
  'discord.sandbox': {
    en: 'Your private practice cluster',
    ko: '나만의 연습 클러스터',
  },
  'discord.sandbox.reset': {
    en: 'Throw your sandbox away and start over with a fresh cluster',
    ko: '샌드박스를 지우고 새 클러스터로 다시 시작',
  },
  'discord.sandbox.confirm': {
    en: 'True to really delete everything in your sandbox',
    ko: '샌드박스의 모든 것을 정말 지우려면 True',
  },
  'discord.file': {
    en: 'Saved manifests, for kubectl create -f NAME',
    ko: '저장한 매니페스트 (kubectl create -f 이름 에 사용)',
  },
  'discord.file.save': {
    en: 'Save a manifest: attach a file, or type it in a box',
    ko: '매니페스트 저장: 파일을 첨부하거나 상자에 입력',
  },
  'discord.file.name': {
    en: 'The file name',
    ko: '파일 이름',
  },
  'discord.file.attachment': {
    en: 'The manifest file (leave empty to type it in a box)',
    ko: '매니페스트 파일 (비워 두면 상자에 입력)',
  },
  'discord.file.list': {
    en: 'List your saved files',
    ko: '저장한 파일 목록',
  },
  'discord.file.show': {
    en: 'Show a saved file',
    ko: '저장한 파일 보기',
  },
  'discord.file.delete': {
    en: 'Delete a saved file',
    ko: '저장한 파일 지우기',
  },
  'discord.lang': {
    en: 'Choose the language I speak to you in',
    ko: '봇이 쓰는 언어 선택',
  },
  'discord.lang.language': {
    en: 'Korean or English',
    ko: '한국어 또는 영어',
  },
  'discord.help': {
    en: 'What I can do',
    ko: '봇이 할 수 있는 일',
  },
  'discord.submit': {
    en: 'Submit',
    ko: '제출',
  },
  'discord.pickFirst': {
    en: 'Pick your answers in the menu first, then press the button.',
    ko: '먼저 메뉴에서 답을 고른 다음 버튼을 누르세요.',
  },
  'discord.expired': {
    en: 'This button or form is from before I restarted. Please run the command again.',
    ko: '봇이 다시 시작되기 전의 버튼이나 양식이에요. 명령을 다시 실행해 주세요.',
  },
  'discord.downloadFailed': {
    en: 'I could not download {name}. Try again, or paste it with /apply.',
    ko: '{name} 파일을 내려받지 못했어요. 다시 해 보거나 /apply로 붙여 넣어 주세요.',
  },
  'quiz.usage': {
    en: 'Quizzes:\n• `/quiz start [topic] [count] [seconds]`: a live quiz in this channel\n• `/quiz answer B` (or `A,C`, or a selector): answer the open question\n• `/quiz next`, `/quiz stop`: move on, or end early (the host of the quiz)\n• `/quiz practice [topic]`: questions just for you, with feedback at once\n• `/quiz review`: the questions due for review\n• `/quiz stats`, `/quiz leaderboard`, `/quiz topics`',
    ko: '퀴즈:\n• `/quiz start [주제] [문제 수] [초]`: 이 채널에서 라이브 퀴즈\n• `/quiz answer B` (또는 `A,C`, 셀렉터): 열려 있는 문제에 답하기\n• `/quiz next`, `/quiz stop`: 다음 문제로, 또는 일찍 끝내기 (퀴즈를 시작한 사람)\n• `/quiz practice [주제]`: 나만 보는 연습 문제, 바로 채점\n• `/quiz review`: 복습할 때가 된 문제\n• `/quiz stats`, `/quiz leaderboard`, `/quiz topics`',
  },
  'quiz.topics.title': {
    en: 'Quiz topics (`/quiz start TOPIC`, `/quiz practice TOPIC`):',
    ko: '퀴즈 주제 (`/quiz start 주제`, `/quiz practice 주제`):',
  },
  'quiz.topics.line': {
    en: '• `{topic}`: {title} ({count:question|questions})',
    ko: '• `{topic}`: {title} ({count}문제)',
  },
  'quiz.unknownTopic': {
    en: 'There is no quiz topic `{topic}`. Topics: {topics}.',
    ko: '`{topic}`{이라는/라는} 퀴즈 주제는 없어요. 주제: {topics}.',
  },
  'quiz.startUsage': {
    en: 'Usage: `/quiz start [topic] [count] [seconds]`: {minCount} to {maxCount} questions, {minSeconds} to {maxSeconds} seconds each.',
    ko: '사용법: `/quiz start [주제] [문제 수] [초]`: 문제 {minCount}~{maxCount}개, 문제당 {minSeconds}~{maxSeconds}초.',
  },
  'quiz.alreadyRunning': {
    en: 'A live quiz is already running in this channel (started by {host}). Join in, or wait for it to end; {host} can `/quiz stop` it.',
    ko: '이 채널에서는 이미 라이브 퀴즈가 진행 중이에요 ({host}님이 시작). 함께 풀거나 끝날 때까지 기다려 주세요. {host}님은 `/quiz stop`으로 끝낼 수 있어요.',
  },
  'quiz.started': {
    en: 'Live quiz on {title}: {count:question|questions}, {seconds} s each. Answer with the buttons or `/quiz answer B`; the fastest right answers score the most.',
    ko: '{title} 라이브 퀴즈: {count}문제, 문제당 {seconds}초. 버튼이나 `/quiz answer B`로 답하세요. 빨리 맞힐수록 점수가 높아요.',
  },
  'quiz.startedUntimed': {
    en: 'Live quiz on {title}: {count:question|questions}, no timer. Answer with `/quiz answer B`; `/quiz next` closes a question (so does everyone who played having answered).',
    ko: '{title} 라이브 퀴즈: {count}문제, 타이머 없음. `/quiz answer B`로 답하세요. `/quiz next`로 문제를 닫아요 (참가한 모두가 답해도 닫혀요).',
  },
  'quiz.noLive': {
    en: 'No live quiz is running in this channel. Start one with `/quiz start`.',
    ko: '이 채널에서 진행 중인 라이브 퀴즈가 없어요. `/quiz start`로 시작하세요.',
  },
  'quiz.notHost': {
    en: 'Only {host}, who started this quiz, can do that.',
    ko: '이 퀴즈를 시작한 {host}님만 할 수 있어요.',
  },
  'quiz.stopping': {
    en: 'Stopping the quiz; the scores so far are kept.',
    ko: '퀴즈를 끝낼게요. 지금까지의 점수는 그대로 남아요.',
  },
  'quiz.moving': {
    en: 'Closing this question.',
    ko: '이 문제를 닫을게요.',
  },
  'quiz.question.header': {
    en: 'Question {n}/{total} · {title}',
    ko: '문제 {n}/{total} · {title}',
  },
  'quiz.question.practice': {
    en: 'Practice · {title}',
    ko: '연습 · {title}',
  },
  'quiz.question.review': {
    en: 'Review · {due} due',
    ko: '복습 · {due}개 남음',
  },
  'quiz.question.time': {
    en: 'You have {seconds} s.',
    ko: '{seconds}초 안에 답하세요.',
  },
  'quiz.question.closed': {
    en: '⏱ This question is closed.',
    ko: '⏱ 이 문제는 마감됐어요.',
  },
  'quiz.hint.single': {
    en: 'Pick one: `/quiz answer` and its letter.',
    ko: '하나를 고르세요: `/quiz answer` 뒤에 그 글자.',
  },
  'quiz.hint.multi': {
    en: 'Pick all that apply: `/quiz answer` and their letters, separated by commas.',
    ko: '맞는 것을 모두 고르세요: `/quiz answer` 뒤에 글자들을 쉼표로 이어서.',
  },
  'quiz.hint.truefalse': {
    en: 'True or false: `/quiz answer T` or `/quiz answer F`.',
    ko: '참일까요, 거짓일까요: `/quiz answer T` 또는 `/quiz answer F`.',
  },
  'quiz.hint.selector': {
    en: 'Write a selector that selects exactly those pods: `/quiz answer SELECTOR`.',
    ko: '그 파드들만 정확히 고르는 셀렉터를 쓰세요: `/quiz answer 셀렉터`.',
  },
  'quiz.answer.recorded': {
    en: 'Got it: {answer}. The right answer is revealed when the question closes.',
    ko: '답 {answer}, 받았어요. 정답은 문제가 마감되면 공개돼요.',
  },
  'quiz.answer.already': {
    en: 'You already answered this question ({answer}); only your first answer counts.',
    ko: '이 문제에는 이미 답했어요 ({answer}). 첫 답만 인정돼요.',
  },
  'quiz.answer.closed': {
    en: 'That question is closed; it no longer takes answers.',
    ko: '그 문제는 마감돼서 더 이상 답을 받지 않아요.',
  },
  'quiz.answer.none': {
    en: 'There is no question waiting for your answer. Try `/quiz practice`, or wait for a live quiz.',
    ko: '답할 문제가 없어요. `/quiz practice`로 연습하거나 라이브 퀴즈를 기다려 주세요.',
  },
  'quiz.answer.empty': {
    en: 'Give an answer, e.g. `/quiz answer {example}`.',
    ko: '답을 적어 주세요. 예: `/quiz answer {example}`.',
  },
  'quiz.answer.tooLong': {
    en: 'That answer is too long ({length} characters; at most {max}). Nothing was recorded.',
    ko: '답이 너무 길어요 ({length}자, 최대 {max}자). 아무것도 기록되지 않았어요.',
  },
  'quiz.answer.noSuchChoice': {
    en: 'There is no choice {choice} here: the choices are {valid}. Nothing was recorded.',
    ko: '{choice}{이라는/라는} 선택지는 없어요. 선택지는 {valid}{이에요/예요}. 아무것도 기록되지 않았어요.',
  },
  'quiz.answer.pickOne': {
    en: 'Pick exactly one choice, e.g. `/quiz answer {example}`. Nothing was recorded.',
    ko: '선택지를 하나만 고르세요. 예: `/quiz answer {example}`. 아무것도 기록되지 않았어요.',
  },
  'quiz.answer.selectorSyntax': {
    en: 'That selector does not parse, so nothing was recorded; fix it and answer again:',
    ko: '셀렉터를 해석할 수 없어서 아무것도 기록되지 않았어요. 고쳐서 다시 답하세요:',
  },
  'quiz.feedback.right': {
    en: '✅ Right!',
    ko: '✅ 정답이에요!',
  },
  'quiz.feedback.wrong': {
    en: '❌ Not quite: the answer is {answer}.',
    ko: '❌ 아쉬워요. 정답은 {answer}{이에요/예요}.',
  },
  'quiz.feedback.selectorRight': {
    en: '✅ Right: `{selector}` selects exactly {pods}.',
    ko: '✅ 정답이에요: `{selector}`{이/가} 고르는 파드는 정확히 {pods}{이에요/예요}.',
  },
  'quiz.feedback.selectorWrong': {
    en: '❌ `{selector}` selects {got}, but the question asks for exactly {want}. One selector that works: `{sample}`.',
    ko: '❌ `{selector}`{이/가} 고르는 파드: {got}. 문제가 원하는 파드: 정확히 {want}. 정답 예: `{sample}`.',
  },
  'quiz.feedback.nothing': {
    en: 'no pod',
    ko: '없음',
  },
  'quiz.feedback.misconception': {
    en: '{choice}: {text}',
    ko: '{choice}: {text}',
  },
  'quiz.feedback.next': {
    en: 'Next question:',
    ko: '다음 문제:',
  },
  'quiz.review.empty': {
    en: 'You have nothing to review yet: answer questions with `/quiz practice` or in a live quiz, and they come back here when they are due.',
    ko: '아직 복습할 문제가 없어요. `/quiz practice`나 라이브 퀴즈에서 푼 문제가 때가 되면 여기로 돌아와요.',
  },
  'quiz.review.nothingDue': {
    en: 'Nothing is due for review right now. The next one is due {when}.',
    ko: '지금 복습할 문제는 없어요. 다음 복습은 {when}{이에요/예요}.',
  },
  'quiz.review.finished': {
    en: 'That was the last one due. The next review is due {when}.',
    ko: '지금 복습할 문제는 다 풀었어요. 다음 복습은 {when}{이에요/예요}.',
  },
  'quiz.when.now': {
    en: 'now',
    ko: '지금',
  },
  'quiz.when.minutes': {
    en: 'in {n} min',
    ko: '{n}분 뒤',
  },
  'quiz.when.hours': {
    en: 'in {n} h',
    ko: '{n}시간 뒤',
  },
  'quiz.when.days': {
    en: 'in {n:day|days}',
    ko: '{n}일 뒤',
  },
  'quiz.reveal.header': {
    en: 'Question {n}/{total}: the answer is {answer}',
    ko: '문제 {n}/{total}의 정답: {answer}',
  },
  'quiz.reveal.picks': {
    en: 'Picks:',
    ko: '선택한 사람 수:',
  },
  'quiz.reveal.selectorPicks': {
    en: 'Selectors written: {right} right, {wrong} wrong.',
    ko: '제출한 셀렉터: 정답 {right}개, 오답 {wrong}개.',
  },
  'quiz.reveal.noAnswers': {
    en: 'Nobody answered.',
    ko: '아무도 답하지 않았어요.',
  },
  'quiz.reveal.points': {
    en: 'Points:',
    ko: '점수:',
  },
  'quiz.reveal.noPoints': {
    en: 'Nobody scored on this one.',
    ko: '이 문제는 아무도 맞히지 못했어요.',
  },
  'quiz.reveal.next': {
    en: 'Next question in {seconds} s.',
    ko: '{seconds}초 뒤 다음 문제.',
  },
  'quiz.final.title': {
    en: '🏁 The quiz on {title} is over.',
    ko: '🏁 {title} 퀴즈가 끝났어요.',
  },
  'quiz.final.stopped': {
    en: '🏁 The quiz on {title} was stopped after {n} of {total:question|questions}.',
    ko: '🏁 {title} 퀴즈가 {total}문제 중 {n}문제 만에 중단됐어요.',
  },
  'quiz.final.nobody': {
    en: 'Nobody scored.',
    ko: '점수를 얻은 사람이 없어요.',
  },
  'quiz.points': {
    en: '+{points} pts',
    ko: '+{points}점',
  },
  'quiz.standing': {
    en: '{name} · {points} pts ({correct}/{answers} right)',
    ko: '{name} · {points}점 ({answers}문제 중 {correct}개 정답)',
  },
  'quiz.leaderboard.title': {
    en: 'Leaderboard of this channel',
    ko: '이 채널의 순위표',
  },
  'quiz.leaderboard.week': {
    en: 'This week',
    ko: '이번 주',
  },
  'quiz.leaderboard.all': {
    en: 'All time',
    ko: '전체 기간',
  },
  'quiz.leaderboard.empty': {
    en: 'No points yet.',
    ko: '아직 점수가 없어요.',
  },
  'quiz.stats.title': {
    en: 'Your quiz results',
    ko: '나의 퀴즈 결과',
  },
  'quiz.stats.line': {
    en: '• {title}: {correct}/{answered} right ({percent}%)',
    ko: '• {title}: {answered}문제 중 {correct}개 정답 ({percent}%)',
  },
  'quiz.stats.total': {
    en: 'Total: {correct}/{answered} right ({percent}%).',
    ko: '전체: {answered}문제 중 {correct}개 정답 ({percent}%).',
  },
  'quiz.stats.empty': {
    en: 'You have not answered any quiz question yet. Try `/quiz practice`.',
    ko: '아직 푼 퀴즈 문제가 없어요. `/quiz practice`로 시작해 보세요.',
  },
  'quiz.stats.due': {
    en: 'Due for review now: {due}. `/quiz review` serves them.',
    ko: '지금 복습할 문제: {due}개. `/quiz review`로 풀 수 있어요.',
  },
  'quiz.stats.labs': {
    en: 'Labs finished: {labs} (`/lab list` shows which).',
    ko: '끝낸 실습: {labs}개 (`/lab list`에서 볼 수 있어요).',
  },
  'lang.channelSet': {
    en: 'The default language of this channel is now English (members who chose one with `/lang` keep theirs).',
    ko: '이 채널의 기본 언어를 한국어로 바꿨어요 (`/lang`으로 언어를 고른 사람은 그대로예요).',
  },
  'lang.channelUsage': {
    en: 'Usage: `/lang ko|en` for you, `/lang channel ko|en` for this channel’s default.',
    ko: '사용법: 나에게는 `/lang ko|en`, 이 채널의 기본값은 `/lang channel ko|en`.',
  },
} as const satisfies Messages;

/** One area's sentences: each key has its Korean and its English. */
export type Messages = Record<string, Record<Lang, string>>;

/**
 * Every sentence the bot says to a member, in Korean and English. kubectl output is not here:
 * it stays English, as the real tool prints it. `{name}` placeholders are filled by `t`.
 * An area with many sentences keeps them in `messages/<area>.ts` and is spread in here.
 */
export const catalogue = {
  ...core,
  ...mapMessages,
  ...perfMessages,
  ...executorMessages,
  ...fidelityMessages,
  ...costMessages,
  ...groupMessages,
  ...platformsMessages,
  ...contentMessages,
  ...kubeapiMessages,
  ...applyMessages,
  ...guideMessages,
  ...guideCommandMessages,
  ...guideAskMessages,
  ...labCoachMessages,
} as const satisfies Messages;

export type MessageKey = keyof typeof catalogue;

export type Params = Readonly<Record<string, string | number>>;

/**
 * The sentence `key` in `lang`, filled in by {@link fill}.
 */
export function t(lang: Lang, key: MessageKey, params?: Params): string {
  if (params !== undefined) return fill(catalogue[key][lang], params);
  // A sentence without values (a button's label on every reply) is the same every time: filled
  // once (its particles too), not matched against the token pattern on each call (0.7 µs).
  const kept = plain[lang];
  let text = kept.get(key);
  if (text === undefined) {
    text = fill(catalogue[key][lang]);
    kept.set(key, text);
  }
  return text;
}

/** Sentences without values as `t` filled them, by language (at most one per catalogue key). */
const plain: Record<Lang, Map<MessageKey, string>> = { en: new Map(), ko: new Map() };

/**
 * A template filled in, left to right: `{name}` is replaced by `params.name` (left as it is when
 * absent), and a particle token `{을/를}` (first the form after a final consonant, as es-hangul
 * spells its pairs: `{이/가}`, `{은/는}`, `{으로/로}`, `{이에요/예요}`, `{와/과}`, `{이라는/라는}`, …)
 * becomes the form that fits the text just before it, read aloud: `` `{name}`{을/를} `` gives
 * `` `web`을 ``, `` `kubia`를 ``; `{port}{으로/로}` gives `80으로`, `1로`. Quiz banks, lab files
 * and generated questions go through here too, so the same rule holds everywhere. An English
 * count with its noun, `{count:question|questions}`, gives `1 question`, `2 questions`.
 */
export function fill(template: string, params: Params = {}): string {
  let out = '';
  let from = 0;
  for (const match of template.matchAll(TOKEN)) {
    out += template.slice(from, match.index);
    const [whole, name, pair, counted, one, other] = match;
    if (name !== undefined) {
      const value = params[name];
      out += value === undefined ? whole : String(value);
    } else if (pair !== undefined) {
      out += pickParticle(out, pair);
    } else if (counted !== undefined) {
      const value = params[counted];
      out += value === undefined ? whole : `${value} ${Number(value) === 1 ? one : other}`;
    }
    from = match.index + whole.length;
  }
  return out + template.slice(from);
}

/**
 * `{name}` (ASCII word characters), a particle pair `{을/를}` (Hangul, one slash), or a count
 * with its English noun `{name:one|other}`.
 */
const TOKEN = /\{(?:(\w+)|([\uac00-\ud7a3]+\/[\uac00-\ud7a3]+)|(\w+):([A-Za-z ]+)\|([A-Za-z ]+))\}/g;
