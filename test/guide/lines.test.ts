import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/chat/reply.ts';
import { GUIDE_LINES } from '../../src/guide/lines.ts';
import { testApp } from '../helpers/app.ts';

/**
 * One case per entry of the guide's table (src/guide/lines.ts): the messages that lead to the
 * mistake, kubectl's (or curl's) exact output, which the guide must leave as it is, and the guide
 * line under it in English and in Korean. A member with `/guide off` gets the same reply without
 * that one line.
 */
interface Case {
  id: string;
  setup?: readonly string[];
  /** Seconds the sandbox clock moves after the setup. */
  advance?: number;
  /** Sent in order; the last reply is the one looked at. */
  input: readonly string[];
  kubectl: string;
  en: string;
  ko: string;
}

const CASES: readonly Case[] = [
  {
    id: 'unquoted set-based selector split by the shell',
    input: ['kubectl get po -l env in (prod,dev)'],
    kubectl: 'error: name cannot be provided when a selector is specified',
    en: "💡 Without quotes the shell splits the selector at its spaces, so kubectl got only `-l env` and took `in (prod,dev)` as more arguments. Quote the whole selector: `-l 'env in (prod,dev)'`",
    ko: "💡 따옴표가 없으면 셸이 셀렉터를 공백에서 나눠서, kubectl은 `-l env`만 셀렉터로 받고 `in (prod,dev)`는 다른 인자로 받았어요. 셀렉터 전체를 따옴표로 감싸 주세요: `-l 'env in (prod,dev)'`",
  },
  {
    id: '-l with a space inside',
    input: ['kubectl get po -l env=prod, app=kubia'],
    kubectl: 'error: name cannot be provided when a selector is specified',
    en: "💡 There is a space inside the selector, so kubectl got only `-l env=prod,` and took `app=kubia` as more arguments. Leave the spaces out or quote it: `-l 'env=prod, app=kubia'`",
    ko: "💡 셀렉터 안에 공백이 있어서, kubectl은 `-l env=prod,`만 셀렉터로 받고 `app=kubia`는 다른 인자로 받았어요. 공백을 빼거나 따옴표로 감싸 주세요: `-l 'env=prod, app=kubia'`",
  },
  {
    id: 'unquoted JSON for -p or --overrides',
    setup: ['kubectl run kubia --image=luksa/kubia'],
    input: ['kubectl patch po kubia -p {"metadata":{"labels":{"app":"web"}}}'],
    kubectl:
      "Error from server (BadRequest): invalid character 'm' looking for beginning of object key string",
    en: '💡 Without quotes the shell removes the double quotes inside the JSON, so kubectl got `{metadata:{labels:{app:web}}}`, which is not JSON. Put the whole JSON in single quotes: `kubectl patch po kubia -p \'{"metadata":{"labels":{"app":"web"}}}\'`',
    ko: '💡 따옴표로 감싸지 않으면 셸이 JSON 안의 큰따옴표를 지워서, kubectl은 JSON이 아닌 `{metadata:{labels:{app:web}}}`을 받았어요. JSON 전체를 작은따옴표로 감싸 주세요: `kubectl patch po kubia -p \'{"metadata":{"labels":{"app":"web"}}}\'`',
  },
  {
    id: 'unquoted JSON for -p or --overrides',
    input: [
      'kubectl run kubia --image=luksa/kubia --dry-run=client --overrides={"spec":{"nodeName":"node01"}}',
    ],
    kubectl: 'error: Invalid JSON Patch',
    en: '💡 Without quotes the shell removes the double quotes inside the JSON, so kubectl got `{spec:{nodeName:node01}}`, which is not JSON. Put the whole JSON in single quotes: `kubectl run kubia --image=luksa/kubia --dry-run=client --overrides=\'{"spec":{"nodeName":"node01"}}\'`',
    ko: '💡 따옴표로 감싸지 않으면 셸이 JSON 안의 큰따옴표를 지워서, kubectl은 JSON이 아닌 `{spec:{nodeName:node01}}`을 받았어요. JSON 전체를 작은따옴표로 감싸 주세요: `kubectl run kubia --image=luksa/kubia --dry-run=client --overrides=\'{"spec":{"nodeName":"node01"}}\'`',
  },
  {
    id: 'unquoted JSON for -p or --overrides',
    setup: ['kubectl run kubia --image=luksa/kubia'],
    input: [
      'kubectl patch po kubia --type=json -p [{"op":"add","path":"/metadata/labels/app","value":"web"}]',
    ],
    kubectl: 'The request is invalid: the server rejected our request due to an error in our request',
    en: '💡 Without quotes the shell removes the double quotes inside the JSON, so kubectl got `[{op:add,path:/metadata/labels/app,value:web}]`, which is not JSON. Put the whole JSON in single quotes: `kubectl patch po kubia --type=json -p \'[{"op":"add","path":"/metadata/labels/app","value":"web"}]\'`',
    ko: '💡 따옴표로 감싸지 않으면 셸이 JSON 안의 큰따옴표를 지워서, kubectl은 JSON이 아닌 `[{op:add,path:/metadata/labels/app,value:web}]`을 받았어요. JSON 전체를 작은따옴표로 감싸 주세요: `kubectl patch po kubia --type=json -p \'[{"op":"add","path":"/metadata/labels/app","value":"web"}]\'`',
  },
  {
    id: 'kind: pod (case)',
    input: [
      'kubectl apply -f -\n```yaml\napiVersion: v1\nkind: pod\nmetadata:\n  name: kubia-manual\nspec:\n  containers:\n  - name: kubia\n    image: luksa/kubia\n    ports:\n    - containerPort: 8080\n```',
    ],
    kubectl:
      'error: resource mapping not found for name: "kubia-manual" namespace: "" from "STDIN": no matches for kind "pod" in version "v1"\nensure CRDs are installed first',
    en: '💡 `kind` is case-sensitive: write `kind: Pod`, not `kind: pod`.',
    ko: '💡 `kind`는 대소문자를 구분해요. `kind: pod`가 아니라 `kind: Pod`로 써 주세요.',
  },
  {
    id: 'unquoted gpu: true in nodeSelector',
    input: [
      'kubectl apply -f -\n```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: kubia-manual\nspec:\n  nodeSelector:\n    gpu: true\n  containers:\n  - name: kubia\n    image: luksa/kubia\n    ports:\n    - containerPort: 8080\n```',
    ],
    kubectl:
      'Error from server (BadRequest): error when creating "STDIN": Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal bool into Go struct field PodSpec.spec.nodeSelector of type string',
    en: '💡 A `nodeSelector` value must be a string, and YAML reads an unquoted `true` as a boolean. Quote it: `gpu: "true"`.',
    ko: '💡 `nodeSelector`의 값은 문자열이어야 하는데, YAML은 따옴표 없는 `true`를 불리언으로 읽어요. 따옴표로 감싸 주세요: `gpu: "true"`.',
  },
  {
    id: 'unquoted label or annotation value',
    input: [
      'kubectl apply -f -\n```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: kubia-manual\n  labels:\n    gpu: true\nspec:\n  containers:\n  - name: kubia\n    image: luksa/kubia\n    ports:\n    - containerPort: 8080\n```',
    ],
    // kubectl decodes ObjectMeta itself: this never reaches the server (kubectl 1.33).
    kubectl:
      'error: unable to decode "STDIN": json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.labels of type string',
    en: '💡 Label and annotation values are strings; YAML reads an unquoted `true`, `yes` or a number as something else. Quote the value, e.g. `gpu: "true"`, `version: "2"`.',
    ko: '💡 레이블과 어노테이션의 값은 문자열이에요. YAML은 따옴표 없는 `true`, `yes`, 숫자를 다른 타입으로 읽어요. 값을 따옴표로 감싸 주세요. 예: `gpu: "true"`, `version: "2"`.',
  },
  {
    id: 'containerPort: "8080"',
    input: [
      'kubectl apply -f -\n```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: kubia-manual\nspec:\n  containers:\n  - name: kubia\n    image: luksa/kubia\n    ports:\n    - containerPort: "8080"\n```',
    ],
    kubectl:
      'Error from server (BadRequest): error when creating "STDIN": Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
    en: '💡 `containerPort` is a number: write `containerPort: 8080` without quotes.',
    ko: '💡 `containerPort`는 숫자예요. 따옴표 없이 `containerPort: 8080`처럼 써 주세요.',
  },
  {
    id: 'missing metadata.name',
    input: [
      'kubectl apply -f -\n```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    app: kubia\nspec:\n  containers:\n  - name: kubia\n    image: luksa/kubia\n    ports:\n    - containerPort: 8080\n```',
    ],
    kubectl: 'error: resource name may not be empty',
    en: '💡 Every object needs a name: add `name:` under `metadata:`, indented two spaces (for example `  name: kubia-manual`).',
    ko: '💡 모든 오브젝트에는 이름이 있어야 해요. `metadata:` 아래에 두 칸 들여 써서 `name:`을 넣어 주세요 (예: `  name: kubia-manual`).',
  },
  {
    id: 'YAML indentation',
    input: [
      'kubectl apply -f -\n```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: kubia-manual\nspec:\n   containers:\n  - name: kubia\n    image: luksa/kubia\n    ports:\n    - containerPort: 8080\n```',
    ],
    kubectl:
      'error: error parsing STDIN: error converting YAML to JSON: yaml: line 5: did not find expected key',
    en: '💡 YAML reads structure from indentation: look at line 5 and the line above it. Indent with spaces (never tabs), two per level, and put a space after each `:`.',
    ko: '💡 YAML은 들여쓰기로 구조를 읽어요. 5번째 줄과 그 윗줄을 살펴보세요. 들여쓰기는 탭 말고 공백으로 한 단계에 두 칸씩, `:` 뒤에는 공백 하나를 넣어 주세요.',
  },
  {
    id: 'YAML indentation, first line',
    input: ['kubectl apply -f -\n```yaml\napiVersion: v1: x\nkind: Pod\n```'],
    kubectl:
      'error: error parsing STDIN: error converting YAML to JSON: yaml: mapping values are not allowed in this context',
    en: '💡 YAML reads structure from indentation: look at the first line. Indent with spaces (never tabs), two per level, and put a space after each `:`.',
    ko: '💡 YAML은 들여쓰기로 구조를 읽어요. 첫 번째 줄을 살펴보세요. 들여쓰기는 탭 말고 공백으로 한 단계에 두 칸씩, `:` 뒤에는 공백 하나를 넣어 주세요.',
  },
  {
    id: 'immutable pod spec, replace',
    setup: [
      'kubectl create -f -\n```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: kubia-manual\nspec:\n  containers:\n  - name: kubia\n    image: luksa/kubia\n```',
    ],
    input: [
      'kubectl replace -f -\n```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: kubia-manual\nspec:\n  containers:\n  - name: kubia\n    image: luksa/kubia\n```',
    ],
    kubectl:
      'The Pod "kubia-manual" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)\n  core.PodSpec{\n- \tVolumes:        []core.Volume{{Name: "kube-api-access-6btnv", VolumeSource: core.VolumeSource{Projected: &core.ProjectedVolumeSource{Sources: []core.VolumeProjection{{ServiceAccountToken: &core.ServiceAccountTokenProjection{ExpirationSeconds: 3607, Path: "token"}}, {ConfigMap: &core.ConfigMapProjection{LocalObjectReference: core.LocalObjectReference{Name: "kube-root-ca.crt"}, Items: []core.KeyToPath{{Key: "ca.crt", Path: "ca.crt"}}}}, {DownwardAPI: &core.DownwardAPIProjection{Items: []core.DownwardAPIVolumeFile{{Path: "namespace", FieldRef: &core.ObjectFieldSelector{APIVersion: "v1", FieldPath: "metadata.namespace"}}}}}}, DefaultMode: &420}}}},\n+ \tVolumes:        nil,\n  \tInitContainers: nil,\n  \tContainers: []core.Container{\n  \t\t{\n  \t\t\t... // 9 identical fields\n  \t\t\tResizePolicy:  nil,\n  \t\t\tRestartPolicy: nil,\n- \t\t\tVolumeMounts:  []core.VolumeMount{{Name: "kube-api-access-6btnv", ReadOnly: true, MountPath: "/var/run/secrets/kubernetes.io/serviceaccount"}},\n+ \t\t\tVolumeMounts:  nil,\n  \t\t\tVolumeDevices: nil,\n  \t\t\tLivenessProbe: nil,\n  \t\t\t... // 10 identical fields\n  \t\t},\n  \t},\n  \tEphemeralContainers: nil,\n  \tRestartPolicy:       "Always",\n  \t... // 2 identical fields\n  \tDNSPolicy:                    "ClusterFirst",\n  \tNodeSelector:                 nil,\n- \tServiceAccountName:           "default",\n+ \tServiceAccountName:           "",\n  \tAutomountServiceAccountToken: nil,\n- \tNodeName:                     "node03",\n+ \tNodeName:                     "",\n  \tSecurityContext:              &{},\n  \tImagePullSecrets:             nil,\n  \t... // 20 identical fields\n  }',
    en: '💡 Most of a running pod’s spec cannot be changed (only images and a few fields can), and `replace` sends the whole manifest as the pod’s new spec. With `--force` kubectl deletes the pod and creates it again from the manifest: `kubectl replace --force -f -`',
    ko: '💡 실행 중인 파드의 spec은 대부분 바꿀 수 없고 (이미지 등 몇 가지만 바뀌어요), `replace`는 매니페스트 전체를 파드의 새 spec으로 보내요. `--force`를 붙이면 kubectl이 파드를 지우고 매니페스트로 다시 만들어요: `kubectl replace --force -f -`',
  },
  {
    id: 'immutable pod spec',
    setup: [
      'kubectl apply -f -\n```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: kubia-manual\nspec:\n  containers:\n  - name: kubia\n    image: luksa/kubia\n    ports:\n    - containerPort: 8080\n```',
    ],
    input: [
      'kubectl apply -f -\n```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: kubia-manual\nspec:\n  containers:\n  - name: kubia\n    image: luksa/kubia\n    ports:\n    - containerPort: 9090\n```',
    ],
    kubectl:
      'The Pod "kubia-manual" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)\n  core.PodSpec{\n  \tVolumes:        {{Name: "kube-api-access-6btnv", VolumeSource: {Projected: &{Sources: {{ServiceAccountToken: &{ExpirationSeconds: 3607, Path: "token"}}, {ConfigMap: &{LocalObjectReference: {Name: "kube-root-ca.crt"}, Items: {{Key: "ca.crt", Path: "ca.crt"}}}}, {DownwardAPI: &{Items: {{Path: "namespace", FieldRef: &{APIVersion: "v1", FieldPath: "metadata.namespace"}}}}}}, DefaultMode: &420}}}},\n  \tInitContainers: nil,\n  \tContainers: []core.Container{\n  \t\t{\n  \t\t\t... // 3 identical fields\n  \t\t\tArgs:       nil,\n  \t\t\tWorkingDir: "",\n  \t\t\tPorts: []core.ContainerPort{\n  \t\t\t\t{\n  \t\t\t\t\tName:          "",\n  \t\t\t\t\tHostPort:      0,\n- \t\t\t\t\tContainerPort: 8080,\n+ \t\t\t\t\tContainerPort: 9090,\n  \t\t\t\t\tProtocol:      "TCP",\n  \t\t\t\t\tHostIP:        "",\n  \t\t\t\t},\n  \t\t\t},\n  \t\t\tEnvFrom: nil,\n  \t\t\tEnv:     nil,\n  \t\t\t... // 16 identical fields\n  \t\t},\n  \t},\n  \tEphemeralContainers: nil,\n  \tRestartPolicy:       "Always",\n  \t... // 29 identical fields\n  }',
    en: '💡 Most of a running pod’s spec cannot be changed (only images and a few fields can). Delete the pod and create it again: `kubectl delete po kubia-manual`, then apply the manifest again.',
    ko: '💡 실행 중인 파드의 spec은 대부분 바꿀 수 없어요 (이미지 등 몇 가지만 바뀌어요). 파드를 지우고 다시 만들어 주세요: `kubectl delete po kubia-manual` 한 다음 매니페스트를 다시 적용하면 돼요.',
  },
  {
    id: 'label without --overwrite',
    setup: ['kubectl run kubia --image=luksa/kubia --labels=env=prod'],
    input: ['kubectl label po kubia env=debug'],
    kubectl: "error: 'env' already has a value (prod), and --overwrite is false",
    en: '💡 The label `env` is already set (to `prod`). To change an existing value, add `--overwrite`: `kubectl label po kubia env=debug --overwrite`',
    ko: '💡 레이블 `env`에는 이미 값 `prod`가 있어요. 기존 값을 바꾸려면 `--overwrite`를 붙여 주세요: `kubectl label po kubia env=debug --overwrite`',
  },
  {
    id: 'exec without --',
    setup: ['kubectl run kubia --image=luksa/kubia --port=8080'],
    advance: 30,
    input: ['kubectl exec kubia curl localhost:8080'],
    kubectl:
      "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples",
    en: '💡 Put `--` between the pod and the command, so kubectl knows where its own flags end: `kubectl exec kubia -- curl localhost:8080`',
    ko: '💡 파드와 명령 사이에 `--`를 넣어야 kubectl이 자기 플래그가 어디서 끝나는지 알 수 있어요: `kubectl exec kubia -- curl localhost:8080`',
  },
  {
    id: 'delete po -all',
    input: ['kubectl delete po -all'],
    kubectl: "error: unknown shorthand flag: 'a' in -all\nSee 'kubectl delete --help' for usage.",
    en: '💡 Long flags take two dashes: `--all`, not `-all` (with one dash kubectl reads `-a -l -l`). Try `kubectl delete po --all`',
    ko: '💡 긴 플래그는 대시 두 개로 써요: `-all`이 아니라 `--all`이에요 (대시 하나면 kubectl은 `-a -l -l`로 읽어요). `kubectl delete po --all`을 해 보세요.',
  },
  {
    id: 'top without metrics-server',
    input: ['kubectl top pod'],
    kubectl: 'error: Metrics API not available',
    en: '💡 `kubectl top` reads CPU and memory usage from the Metrics API, which metrics-server serves; your sandbox has no metrics-server, as a fresh cluster has none. `kubectl describe node NAME` shows what the pods on a node request instead.',
    ko: '💡 `kubectl top`은 metrics-server가 제공하는 Metrics API에서 CPU와 메모리 사용량을 읽어요. 새로 만든 클러스터처럼 내 샌드박스에도 metrics-server가 설치되어 있지 않아요. 대신 `kubectl describe node NAME`으로 노드의 파드들이 요청한 자원을 볼 수 있어요.',
  },
  {
    id: 'create -f FILE not saved',
    input: ['kubectl create -f kubia-manual.yaml'],
    kubectl: 'error: the path "kubia-manual.yaml" does not exist',
    en: '💡 There is no file `kubia-manual.yaml` in your sandbox yet. Save it first with `/file save kubia-manual.yaml` and the manifest in a code block on the next lines, or attach the file to the message; then run the command again.',
    ko: '💡 샌드박스에 아직 `kubia-manual.yaml` 파일이 없어요. 먼저 `/file save kubia-manual.yaml` 다음 줄에 매니페스트를 코드 블록으로 넣어 저장하거나, 메시지에 파일을 첨부한 다음 명령을 다시 실행해 주세요.',
  },
  {
    id: 'apply -f - without a manifest',
    input: ['kubectl apply -f -'],
    kubectl: 'error: no objects passed to apply',
    en: '💡 kubectl got no manifest. Send it in the same message as the command: `kubectl apply -f -` on the first line, then the manifest in a code block (a line of three backticks ``` before it and after it).',
    ko: '💡 kubectl이 매니페스트를 받지 못했어요. 명령과 같은 메시지로 보내 주세요: 첫 줄에 `kubectl apply -f -`, 그다음 줄부터 매니페스트를 코드 블록으로 (앞뒤에 백틱 세 개 ```만 있는 줄).',
  },
  {
    id: 'apply -f - without a manifest',
    input: ['kubectl replace --force -f -'],
    kubectl: 'No resources found\nerror: no objects passed to replace',
    en: '💡 kubectl got no manifest. Send it in the same message as the command: `kubectl replace -f -` on the first line, then the manifest in a code block (a line of three backticks ``` before it and after it).',
    ko: '💡 kubectl이 매니페스트를 받지 못했어요. 명령과 같은 메시지로 보내 주세요: 첫 줄에 `kubectl replace -f -`, 그다음 줄부터 매니페스트를 코드 블록으로 (앞뒤에 백틱 세 개 ```만 있는 줄).',
  },
  {
    id: 'ImagePullBackOff in the events',
    setup: ['kubectl run kubia --image=luksa/kubai'],
    advance: 60,
    input: ['kubectl describe po kubia'],
    kubectl:
      'Name:             kubia\nNamespace:        default\nPriority:         0\nService Account:  default\nNode:             node03/172.30.1.5\nStart Time:       Wed, 15 Jan 2025 10:00:00 +0000\nLabels:           run=kubia\nAnnotations:      <none>\nStatus:           Pending\nIP:               10.244.3.2\nIPs:\n  IP:  10.244.3.2\nContainers:\n  kubia:\n    Container ID:   \n    Image:          luksa/kubai\n    Image ID:       \n    Port:           <none>\n    Host Port:      <none>\n    State:          Waiting\n      Reason:       ImagePullBackOff\n    Ready:          False\n    Restart Count:  0\n    Environment:    <none>\n    Mounts:\n      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-6btnv (ro)\nConditions:\n  Type                        Status\n  PodReadyToStartContainers   True \n  Initialized                 True \n  Ready                       False \n  ContainersReady             False \n  PodScheduled                True \nVolumes:\n  kube-api-access-6btnv:\n    Type:                    Projected (a volume that contains injected data from multiple sources)\n    TokenExpirationSeconds:  3607\n    ConfigMapName:           kube-root-ca.crt\n    Optional:                false\n    DownwardAPI:             true\nQoS Class:                   BestEffort\nNode-Selectors:              <none>\nTolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s\n                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s\nEvents:\n  Type     Reason     Age                From               Message\n  ----     ------     ----               ----               -------\n  Normal   Scheduled  60s                default-scheduler  Successfully assigned default/kubia to node03\n  Normal   Pulling    25s (x3 over 60s)  kubelet            Pulling image "luksa/kubai"\n  Warning  Failed     24s (x3 over 58s)  kubelet            Failed to pull image "luksa/kubai": failed to pull and unpack image "docker.io/luksa/kubai:latest": failed to resolve reference "docker.io/luksa/kubai:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed\n  Warning  Failed     24s (x3 over 58s)  kubelet            Error: ErrImagePull\n  Normal   BackOff    3s (x6 over 57s)   kubelet            Back-off pulling image "luksa/kubai"\n  Warning  Failed     3s (x6 over 57s)   kubelet            Error: ImagePullBackOff',
    en: '💡 The Events show the image `luksa/kubai` could not be pulled: check its spelling (`luksa/kubia`, `nginx`, `busybox`), then `kubectl delete po kubia` and create it again with the right image.',
    ko: '💡 Events를 보면 이미지 `luksa/kubai`를 받지 못했어요. 철자를 확인하고 (`luksa/kubia`, `nginx`, `busybox`), `kubectl delete po kubia` 한 다음 올바른 이미지로 다시 만들어 주세요.',
  },
  {
    id: 'image pull failure in kubectl events',
    setup: ['kubectl run kubia --image=luksa/kubai'],
    advance: 60,
    input: ['kubectl events --for pod/kubia'],
    kubectl:
      'LAST SEEN           TYPE      REASON      OBJECT      MESSAGE\n60s                 Normal    Scheduled   Pod/kubia   Successfully assigned default/kubia to node03\n25s (x3 over 60s)   Normal    Pulling     Pod/kubia   Pulling image "luksa/kubai"\n24s (x3 over 58s)   Warning   Failed      Pod/kubia   Failed to pull image "luksa/kubai": failed to pull and unpack image "docker.io/luksa/kubai:latest": failed to resolve reference "docker.io/luksa/kubai:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed\n24s (x3 over 58s)   Warning   Failed      Pod/kubia   Error: ErrImagePull\n3s (x6 over 57s)    Normal    BackOff     Pod/kubia   Back-off pulling image "luksa/kubai"\n3s (x6 over 57s)    Warning   Failed      Pod/kubia   Error: ImagePullBackOff',
    en: '💡 The Events show the image `luksa/kubai` could not be pulled: check its spelling (`luksa/kubia`, `nginx`, `busybox`), then `kubectl delete po kubia` and create it again with the right image.',
    ko: '💡 Events를 보면 이미지 `luksa/kubai`를 받지 못했어요. 철자를 확인하고 (`luksa/kubia`, `nginx`, `busybox`), `kubectl delete po kubia` 한 다음 올바른 이미지로 다시 만들어 주세요.',
  },
  {
    id: 'crash loop in kubectl events',
    setup: ["kubectl run crash --image=busybox -- sh -c 'exit 1'"],
    advance: 60,
    input: ['kubectl events -A --for pod/crash --types=Warning'],
    kubectl:
      'NAMESPACE   LAST SEEN           TYPE      REASON    OBJECT      MESSAGE\ndefault     10s (x5 over 55s)   Warning   BackOff   Pod/crash   Back-off restarting failed container crash in pod crash_default(412a0a5a-88bd-402f-af25-6e81216a5f63)',
    en: '💡 A container of `crash` keeps exiting and being restarted. `kubectl logs crash --previous` shows what the last run printed before it stopped.',
    ko: '💡 `crash`의 컨테이너가 계속 종료되고 다시 시작되고 있어요. 멈추기 전에 무엇을 출력했는지는 `kubectl logs crash --previous`로 볼 수 있어요.',
  },
  {
    id: 'bound to a node that does not exist',
    setup: [
      'kubectl apply -f -\n```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: kubia-manual\nspec:\n  nodeName: gpu-node\n  containers:\n  - name: kubia\n    image: luksa/kubia\n```',
    ],
    advance: 30,
    input: ['kubectl describe po kubia-manual'],
    kubectl:
      'Name:             kubia-manual\nNamespace:        default\nPriority:         0\nService Account:  default\nNode:             gpu-node/\nLabels:           <none>\nAnnotations:      <none>\nStatus:           Pending\nIP:               \nIPs:              <none>\nContainers:\n  kubia:\n    Image:        luksa/kubia\n    Port:         <none>\n    Host Port:    <none>\n    Environment:  <none>\n    Mounts:\n      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-6btnv (ro)\nVolumes:\n  kube-api-access-6btnv:\n    Type:                    Projected (a volume that contains injected data from multiple sources)\n    TokenExpirationSeconds:  3607\n    ConfigMapName:           kube-root-ca.crt\n    Optional:                false\n    DownwardAPI:             true\nQoS Class:                   BestEffort\nNode-Selectors:              <none>\nTolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s\n                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s\nEvents:                      <none>',
    en: '💡 Pod `kubia-manual` is bound to node `gpu-node` by its `spec.nodeName`, but the cluster has no such node (`kubectl get nodes`), so no kubelet will ever start it. The pod garbage collector deletes it within about a minute. Use a node from the list, or a `nodeSelector`.',
    ko: '💡 파드 `kubia-manual`은 `spec.nodeName`으로 노드 `gpu-node`에 묶였는데, 클러스터에 그런 노드가 없어서(`kubectl get nodes`) 어떤 kubelet도 이 파드를 시작하지 않아요. 파드 가비지 컬렉터가 1분쯤 안에 지워요. 목록에 있는 노드나 `nodeSelector`를 쓰세요.',
  },
  {
    id: 'rejected by its kubelet: nodeSelector (describe)',
    setup: [
      'kubectl apply -f -\n```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: kubia-gpu\nspec:\n  nodeName: node01\n  nodeSelector:\n    gpu: "true"\n  containers:\n  - name: kubia\n    image: luksa/kubia\n```',
    ],
    advance: 30,
    input: ['kubectl describe po kubia-gpu'],
    kubectl:
      "Name:             kubia-gpu\nNamespace:        default\nPriority:         0\nService Account:  default\nNode:             node01/\nStart Time:       Wed, 15 Jan 2025 10:00:00 +0000\nLabels:           <none>\nAnnotations:      <none>\nStatus:           Failed\nReason:           NodeAffinity\nMessage:          Pod was rejected: Predicate NodeAffinity failed: node(s) didn't match Pod's node affinity/selector\nIP:               \nIPs:              <none>\nContainers:\n  kubia:\n    Image:        luksa/kubia\n    Port:         <none>\n    Host Port:    <none>\n    Environment:  <none>\n    Mounts:\n      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-6btnv (ro)\nVolumes:\n  kube-api-access-6btnv:\n    Type:                    Projected (a volume that contains injected data from multiple sources)\n    TokenExpirationSeconds:  3607\n    ConfigMapName:           kube-root-ca.crt\n    Optional:                false\n    DownwardAPI:             true\nQoS Class:                   BestEffort\nNode-Selectors:              gpu=true\nTolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s\n                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s\nEvents:\n  Type     Reason        Age   From     Message\n  ----     ------        ----  ----     -------\n  Warning  NodeAffinity  30s   kubelet  Predicate NodeAffinity failed: node(s) didn't match Pod's node affinity/selector",
    en: "💡 Pod `kubia-gpu` names its node in `spec.nodeName`, so the scheduler never checked it, and that node's kubelet refused it: the node lacks a label its `nodeSelector` asks for. It will never start. Delete it and create it again without `nodeName` (the scheduler then picks a node that matches), or label the node first.",
    ko: '💡 파드 `kubia-gpu`는 `spec.nodeName`으로 노드를 직접 정해서 스케줄러가 확인하지 않았고, 그 노드의 kubelet이 거부했어요. 노드에 `nodeSelector`가 요구하는 레이블이 없어요. 이 파드는 절대 시작되지 않아요. 지우고 `nodeName` 없이 다시 만들거나(그러면 스케줄러가 맞는 노드를 골라요), 먼저 노드에 레이블을 붙이세요.',
  },
  {
    id: 'rejected by its kubelet: requests (describe)',
    setup: [
      'kubectl apply -f -\n```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: hungry\nspec:\n  nodeName: node02\n  containers:\n  - name: hungry\n    image: nginx\n    resources:\n      requests:\n        memory: 8Gi\n```',
    ],
    advance: 30,
    input: ['kubectl describe po hungry'],
    kubectl:
      "Name:             hungry\nNamespace:        default\nPriority:         0\nService Account:  default\nNode:             node02/\nStart Time:       Wed, 15 Jan 2025 10:00:00 +0000\nLabels:           <none>\nAnnotations:      <none>\nStatus:           Failed\nReason:           OutOfmemory\nMessage:          Pod was rejected: Node didn't have enough resource: memory, requested: 8589934592, used: 125829120, capacity: 4001423360\nIP:               \nIPs:              <none>\nContainers:\n  hungry:\n    Image:      nginx\n    Port:       <none>\n    Host Port:  <none>\n    Requests:\n      memory:     8Gi\n    Environment:  <none>\n    Mounts:\n      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-6btnv (ro)\nVolumes:\n  kube-api-access-6btnv:\n    Type:                    Projected (a volume that contains injected data from multiple sources)\n    TokenExpirationSeconds:  3607\n    ConfigMapName:           kube-root-ca.crt\n    Optional:                false\n    DownwardAPI:             true\nQoS Class:                   Burstable\nNode-Selectors:              <none>\nTolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s\n                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s\nEvents:\n  Type     Reason       Age   From     Message\n  ----     ------       ----  ----     -------\n  Warning  OutOfmemory  30s   kubelet  Node didn't have enough resource: memory, requested: 8589934592, used: 125829120, capacity: 4001423360",
    en: "💡 Pod `hungry` names its node in `spec.nodeName`, so the scheduler never checked it, and that node's kubelet refused it: the node has too little CPU or memory left for the pod's requests. It will never start. `kubectl describe po hungry` shows the numbers; delete it and create it again with smaller requests, or without `nodeName`.",
    ko: '💡 파드 `hungry`는 `spec.nodeName`으로 노드를 직접 정해서 스케줄러가 확인하지 않았고, 그 노드의 kubelet이 거부했어요. 노드에 남은 CPU나 메모리가 파드의 requests보다 적어요. 이 파드는 절대 시작되지 않아요. 숫자는 `kubectl describe po hungry`에서 볼 수 있어요. 지우고 requests를 줄이거나 `nodeName` 없이 다시 만드세요.',
  },
  {
    id: 'Pending: no node matches the nodeSelector',
    setup: [
      'kubectl apply -f -\n```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: kubia-manual\nspec:\n  nodeSelector:\n    gpu: "true"\n  containers:\n  - name: kubia\n    image: luksa/kubia\n    ports:\n    - containerPort: 8080\n```',
    ],
    advance: 30,
    input: ['kubectl describe po kubia-manual'],
    kubectl:
      "Name:             kubia-manual\nNamespace:        default\nPriority:         0\nService Account:  default\nNode:             <none>\nLabels:           <none>\nAnnotations:      <none>\nStatus:           Pending\nIP:               \nIPs:              <none>\nContainers:\n  kubia:\n    Image:        luksa/kubia\n    Port:         8080/TCP\n    Host Port:    0/TCP\n    Environment:  <none>\n    Mounts:\n      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-6btnv (ro)\nConditions:\n  Type           Status\n  PodScheduled   False \nVolumes:\n  kube-api-access-6btnv:\n    Type:                    Projected (a volume that contains injected data from multiple sources)\n    TokenExpirationSeconds:  3607\n    ConfigMapName:           kube-root-ca.crt\n    Optional:                false\n    DownwardAPI:             true\nQoS Class:                   BestEffort\nNode-Selectors:              gpu=true\nTolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s\n                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s\nEvents:\n  Type     Reason            Age   From               Message\n  ----     ------            ----  ----               -------\n  Warning  FailedScheduling  30s   default-scheduler  0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.",
    en: '💡 No worker node has the label `gpu=true` the pod asks for in `nodeSelector`. See the nodes’ labels with `kubectl get nodes --show-labels`, then label one: `kubectl label node node01 gpu=true`. The pod is scheduled as soon as a node matches.',
    ko: '💡 파드가 `nodeSelector`로 요구하는 레이블 `gpu=true`를 가진 워커 노드가 없어요. `kubectl get nodes --show-labels`로 노드 레이블을 보고, 노드 하나에 레이블을 붙여 주세요: `kubectl label node node01 gpu=true`. 조건에 맞는 노드가 생기면 바로 스케줄링돼요.',
  },
  {
    id: 'ImagePullBackOff in the list',
    setup: ['kubectl run kubia --image=luksa/kubai'],
    advance: 60,
    input: ['kubectl get po'],
    kubectl:
      'NAME    READY   STATUS             RESTARTS   AGE\nkubia   0/1     ImagePullBackOff   0          60s',
    en: '💡 Pod `kubia` cannot pull its image. `kubectl describe po kubia` shows why under Events (often a typo in the image name); fix the image and create the pod again.',
    ko: '💡 파드 `kubia`가 이미지를 받지 못하고 있어요. 이유는 `kubectl describe po kubia`의 Events에 나와요 (이미지 이름 오타가 흔해요). 이미지를 고쳐서 파드를 다시 만들어 주세요.',
  },
  {
    id: 'CrashLoopBackOff in the list',
    setup: ['kubectl run crash --image=busybox'],
    advance: 60,
    input: ['kubectl get po'],
    kubectl:
      'NAME    READY   STATUS             RESTARTS      AGE\ncrash   0/1     CrashLoopBackOff   3 (21s ago)   60s',
    en: '💡 A container of `crash` keeps exiting and being restarted. `kubectl logs crash --previous` shows what the last run printed before it stopped.',
    ko: '💡 `crash`의 컨테이너가 계속 종료되고 다시 시작되고 있어요. 멈추기 전에 무엇을 출력했는지는 `kubectl logs crash --previous`로 볼 수 있어요.',
  },
  {
    id: 'rejected by its kubelet: nodeSelector',
    setup: [
      'kubectl apply -f -\n```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: kubia-gpu\nspec:\n  nodeName: node01\n  nodeSelector:\n    gpu: "true"\n  containers:\n  - name: kubia\n    image: luksa/kubia\n```',
    ],
    advance: 30,
    input: ['kubectl get po'],
    kubectl:
      'NAME        READY   STATUS         RESTARTS   AGE\nkubia-gpu   0/1     NodeAffinity   0          30s',
    en: "💡 Pod `kubia-gpu` names its node in `spec.nodeName`, so the scheduler never checked it, and that node's kubelet refused it: the node lacks a label its `nodeSelector` asks for. It will never start. Delete it and create it again without `nodeName` (the scheduler then picks a node that matches), or label the node first.",
    ko: '💡 파드 `kubia-gpu`는 `spec.nodeName`으로 노드를 직접 정해서 스케줄러가 확인하지 않았고, 그 노드의 kubelet이 거부했어요. 노드에 `nodeSelector`가 요구하는 레이블이 없어요. 이 파드는 절대 시작되지 않아요. 지우고 `nodeName` 없이 다시 만들거나(그러면 스케줄러가 맞는 노드를 골라요), 먼저 노드에 레이블을 붙이세요.',
  },
  {
    id: 'rejected by its kubelet: requests',
    setup: [
      'kubectl apply -f -\n```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: hungry\nspec:\n  nodeName: node02\n  containers:\n  - name: hungry\n    image: nginx\n    resources:\n      requests:\n        memory: 8Gi\n```',
    ],
    input: ['kubectl get po'],
    kubectl: 'NAME     READY   STATUS        RESTARTS   AGE\nhungry   0/1     OutOfmemory   0          0s',
    en: "💡 Pod `hungry` names its node in `spec.nodeName`, so the scheduler never checked it, and that node's kubelet refused it: the node has too little CPU or memory left for the pod's requests. It will never start. `kubectl describe po hungry` shows the numbers; delete it and create it again with smaller requests, or without `nodeName`.",
    ko: '💡 파드 `hungry`는 `spec.nodeName`으로 노드를 직접 정해서 스케줄러가 확인하지 않았고, 그 노드의 kubelet이 거부했어요. 노드에 남은 CPU나 메모리가 파드의 requests보다 적어요. 이 파드는 절대 시작되지 않아요. 숫자는 `kubectl describe po hungry`에서 볼 수 있어요. 지우고 requests를 줄이거나 `nodeName` 없이 다시 만드세요.',
  },
  {
    id: 'Pending in the list',
    setup: [
      'kubectl apply -f -\n```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: kubia-manual\nspec:\n  nodeSelector:\n    gpu: "true"\n  containers:\n  - name: kubia\n    image: luksa/kubia\n    ports:\n    - containerPort: 8080\n```',
    ],
    advance: 30,
    input: ['kubectl get po'],
    kubectl:
      'NAME           READY   STATUS    RESTARTS   AGE\nkubia-manual   0/1     Pending   0          30s',
    en: '💡 Pod `kubia-manual` is not scheduled on any node yet. `kubectl describe po kubia-manual` shows why at the bottom, under Events.',
    ko: '💡 파드 `kubia-manual`은 아직 어느 노드에도 스케줄링되지 않았어요. 이유는 `kubectl describe po kubia-manual` 맨 아래 Events에 나와요.',
  },
  {
    id: 'still being deleted',
    setup: [
      'kubectl run kubia --image=luksa/kubia',
      'kubectl wait --for=condition=Ready po/kubia',
      'kubectl delete po kubia --wait=false',
    ],
    input: ['kubectl run kubia --image=luksa/kubia'],
    kubectl: 'Error from server (AlreadyExists): object is being deleted: pods "kubia" already exists',
    en: '💡 The old pod `kubia` is still shutting down (Terminating), so its name is taken. Watch it go with `kubectl get po kubia -w`, then try again.',
    ko: '💡 예전 파드 `kubia`가 아직 종료 중(Terminating)이라 그 이름을 아직 쓸 수 없어요. `kubectl get po kubia -w`로 사라지는 것을 확인한 뒤 다시 해 보세요.',
  },
  {
    id: 'already exists',
    setup: ['kubectl run kubia --image=luksa/kubia'],
    input: ['kubectl run kubia --image=luksa/kubia'],
    kubectl: 'Error from server (AlreadyExists): pods "kubia" already exists',
    en: '💡 A pod named `kubia` already exists. Pick another name, or delete the old one first: `kubectl delete po kubia`.',
    ko: '💡 이름이 `kubia`인 파드가 이미 있어요. 다른 이름을 쓰거나 먼저 기존 파드를 지워 주세요: `kubectl delete po kubia`.',
  },
  {
    id: 'a pod that is not there',
    input: ['kubectl logs kubia-manual'],
    kubectl: 'error: error from server (NotFound): pods "kubia-manual" not found in namespace "default"',
    en: '💡 There is no pod named `kubia-manual` in this namespace. `kubectl get po` lists the pods here; `kubectl get po -A` looks in every namespace.',
    ko: '💡 이 네임스페이스에는 이름이 `kubia-manual`인 파드가 없어요. 여기 있는 파드는 `kubectl get po`로, 모든 네임스페이스는 `kubectl get po -A`로 볼 수 있어요.',
  },
  {
    id: 'a node that is not there',
    input: ['kubectl label node node9 gpu=true'],
    kubectl: 'Error from server (NotFound): nodes "node9" not found',
    en: '💡 There is no node named `node9`. `kubectl get nodes` lists the nodes (node01, node02, …).',
    ko: '💡 이름이 `node9`인 노드가 없어요. 노드 목록은 `kubectl get nodes`로 볼 수 있어요 (node01, node02, …).',
  },
  {
    id: 'a namespace that is not there',
    input: [
      'kubectl create -f - -n custom\n```\napiVersion: v1\nkind: Pod\nmetadata:\n  name: kubia-manual\nspec:\n  containers:\n  - name: kubia\n    image: luksa/kubia\n    ports:\n    - containerPort: 8080\n```',
    ],
    kubectl: 'Error from server (NotFound): error when creating "STDIN": namespaces "custom" not found',
    en: '💡 There is no namespace `custom` yet. Create it with `kubectl create ns custom`, or see the existing ones with `kubectl get ns`.',
    ko: '💡 네임스페이스 `custom`이 아직 없어요. `kubectl create ns custom`으로 만들거나, 있는 네임스페이스를 `kubectl get ns`로 확인해 주세요.',
  },
  {
    id: 'a selector that matches nothing',
    input: ['kubectl get po -l creation_method=manual'],
    kubectl: 'No resources found in default namespace.',
    en: '💡 No pod matches the selector. `kubectl get po --show-labels` shows the labels each pod has.',
    ko: '💡 셀렉터에 맞는 파드가 없어요. 파드마다 어떤 레이블이 있는지는 `kubectl get po --show-labels`로 볼 수 있어요.',
  },
  {
    id: 'run without --image',
    input: ['kubectl run kubia --port=8080'],
    kubectl: 'error: required flag(s) "image" not set',
    en: '💡 `kubectl run` needs an image: `kubectl run kubia --image=luksa/kubia --port=8080`.',
    ko: '💡 `kubectl run`에는 이미지가 필요해요: `kubectl run kubia --image=luksa/kubia --port=8080`.',
  },
  {
    id: 'upper-case name',
    input: ['kubectl run Kubia --image=luksa/kubia'],
    kubectl:
      "The Pod \"Kubia\" is invalid: \n* metadata.name: Invalid value: \"Kubia\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')\n* spec.containers[0].name: Invalid value: \"Kubia\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    en: '💡 Names may use only lower-case letters, digits, `-` and `.`: try `kubia`.',
    ko: '💡 이름에는 소문자, 숫자, `-`, `.`만 쓸 수 있어요. `kubia`를 써 보세요.',
  },
  {
    id: 'port-forward to a pod that is not running',
    setup: ['kubectl run kubia --image=luksa/kubia --port=8080'],
    input: ['kubectl port-forward kubia 8888:8080'],
    kubectl: 'error: unable to forward port because pod is not running. Current status=Pending',
    en: '💡 A forward needs a running pod. Wait until `kubectl get po` shows it Running (or `kubectl wait --for=condition=Ready pod/POD`), then forward again.',
    ko: '💡 포워딩은 실행 중인 파드에만 할 수 있어요. `kubectl get po`에서 Running이 될 때까지 기다리거나 (`kubectl wait --for=condition=Ready pod/파드`) 다시 포워딩해 주세요.',
  },
  {
    id: 'an invalid label',
    setup: ['kubectl run kubia --image=luksa/kubia'],
    input: ["kubectl label po kubia 'env=prod dev'"],
    kubectl:
      "error: invalid label value: \"env=prod dev\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    en: '💡 A label is `key=value` without spaces; the value may use letters, digits, `-`, `_` and `.`. For several labels, give several `key=value` arguments.',
    ko: '💡 레이블은 공백 없는 `키=값`이에요. 값에는 영문자, 숫자, `-`, `_`, `.`만 쓸 수 있어요. 레이블이 여러 개면 `키=값` 인자를 여러 개 주세요.',
  },
  {
    id: 'get without a type',
    input: ['kubectl get'],
    kubectl:
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples',
    en: '💡 Say what to list: `kubectl get po` (pods), `kubectl get nodes`, `kubectl get ns` (namespaces).',
    ko: '💡 무엇을 볼지 적어 주세요: `kubectl get po` (파드), `kubectl get nodes` (노드), `kubectl get ns` (네임스페이스).',
  },
  {
    id: 'a name and --all together',
    setup: ['kubectl run kubia --image=luksa/kubia'],
    input: ['kubectl delete po kubia --all'],
    kubectl: 'error: name cannot be provided when a selector is specified',
    en: '💡 A command takes either pod names or a selector (`-l`, `--all`), not both: `kubectl delete po NAME` or `kubectl delete po --all`.',
    ko: '💡 파드 이름과 셀렉터(`-l`, `--all`)는 함께 쓸 수 없어요: `kubectl delete po 이름` 또는 `kubectl delete po --all`.',
  },
  {
    id: 'port-forward to a port the container does not listen on',
    setup: ['kubectl run kubia --image=luksa/kubia --port=8080'],
    advance: 30,
    input: ['kubectl port-forward kubia 8888:9999', 'curl localhost:8888'],
    kubectl: 'curl: (52) Empty reply from server',
    en: '💡 The forward reached the pod, but nothing in it listens on the pod’s side of the forward. Check the port the container listens on (`kubectl describe po POD`, Port) and forward to that one, e.g. `kubectl port-forward POD 8888:8080`.',
    ko: '💡 포워딩은 파드까지 갔지만, 파드 안에서 그 포트를 리슨하는 프로세스가 없어요. 컨테이너가 리슨하는 포트를 확인하고 (`kubectl describe po 파드`의 Port) 그 포트로 포워딩해 주세요. 예: `kubectl port-forward 파드 8888:8080`.',
  },
  {
    id: 'curl localhost with no forward',
    input: ['curl localhost:8888'],
    kubectl: "curl: (7) Failed to connect to localhost port 8888 after 0 ms: Couldn't connect to server",
    en: '💡 Nothing on your machine listens on port 8888. Open a forward to a pod first: `kubectl port-forward POD 8888:8080`, then `curl localhost:8888`.',
    ko: '💡 내 컴퓨터의 8888번 포트를 리슨하는 게 없어요. 먼저 파드로 포워딩을 열어 주세요: `kubectl port-forward 파드 8888:8080`, 그다음 `curl localhost:8888`.',
  },
  {
    id: 'curl <pod IP> from the member’s machine',
    setup: ['kubectl run kubia --image=luksa/kubia --port=8080'],
    advance: 30,
    input: ['curl 10.244.3.2:8080'],
    kubectl:
      "curl: (28) Failed to connect to 10.244.3.2 port 8080 after 131063 ms: Couldn't connect to server",
    en: '💡 `10.244.3.2` is a pod IP: it is reachable from other pods, not from your own machine. Use `kubectl port-forward POD 8888:8080` and `curl localhost:8888`, or curl from inside a pod: `kubectl exec POD -- curl 10.244.3.2:8080`.',
    ko: '💡 `10.244.3.2`는 파드 IP라서 다른 파드에서는 접속할 수 있지만 내 컴퓨터에서는 접속할 수 없어요. `kubectl port-forward 파드 8888:8080` 다음 `curl localhost:8888`을 쓰거나, 파드 안에서 curl 해 보세요: `kubectl exec 파드 -- curl 10.244.3.2:8080`.',
  },
];

/** Plays a case for a member in a language, with the guide on or off; the last reply's blocks. */
function play(c: Case, lang: 'en' | 'ko', guide: 'on' | 'off'): Block[] {
  const t = testApp();
  t.send('learner', `/lang ${lang}`);
  t.send('learner', `/guide ${guide}`);
  for (const message of c.setup ?? []) t.send('learner', message);
  t.advance((c.advance ?? 0) * 1000);
  let blocks: Block[] = [];
  for (const message of c.input) blocks = t.send('learner', message).blocks;
  return blocks;
}

const code = (blocks: readonly Block[]) =>
  blocks
    .filter((b) => b.kind === 'code')
    .map((b) => b.text)
    .join('\n');

describe("the guide line under kubectl's output", () => {
  it.each(CASES)(
    "GIVEN $id WHEN it happens THEN kubectl's text is unchanged and the guide line follows in both languages",
    (c) => {
      const en = play(c, 'en', 'on');
      expect(code(en)).toBe(c.kubectl);
      expect(en.at(-1)).toEqual({ kind: 'text', text: c.en });
      expect(en.filter((b) => b.text.startsWith('💡'))).toHaveLength(1);
      const ko = play(c, 'ko', 'on');
      expect(code(ko)).toBe(c.kubectl);
      expect(ko.at(-1)).toEqual({ kind: 'text', text: c.ko });
    },
  );

  it.each(CASES)('GIVEN $id WHEN the member turned the guide off THEN only the guide line is gone', (c) => {
    const on = play(c, 'en', 'on');
    const off = play(c, 'en', 'off');
    expect(off).toEqual(on.filter((b) => b.text !== c.en));
  });

  it('GIVEN the table THEN it has at least 25 entries and every entry has a case here', () => {
    expect(GUIDE_LINES.length).toBeGreaterThanOrEqual(25);
    const tested = new Set(CASES.map((c) => c.id));
    expect(GUIDE_LINES.map((e) => e.id).filter((id) => !tested.has(id))).toEqual([]);
  });

  it('GIVEN kubectl events -o yaml of a pod that cannot pull THEN no line: only the events table is read', () => {
    const t = testApp(':memory:', [], { guide: true });
    t.send('learner', 'kubectl run kubia --image=luksa/kubai');
    t.advance(60_000);
    const blocks = t.send('learner', 'kubectl events --for pod/kubia -o yaml').blocks;
    expect(code(blocks)).toContain('message: \'Failed to pull image "luksa/kubai":');
    expect(blocks.filter((b) => b.text.startsWith('💡'))).toEqual([]);
  });

  it('GIVEN the describe of a pod its kubelet rejected for its nodeSelector THEN the unschedulable line does not match it: no new node label will place a Failed pod', () => {
    const pending = GUIDE_LINES.find((e) => e.id === 'Pending: no node matches the nodeSelector');
    const rejected = CASES.find((c) => c.id === 'rejected by its kubelet: nodeSelector (describe)');
    const output = rejected?.kubectl ?? '';
    expect(output).toContain("didn't match Pod's node affinity/selector");
    const input = {
      program: 'kubectl',
      line: 'describe po',
      tokens: ['describe', 'po'],
      verb: 'describe',
      output,
      ok: true,
    } as const;
    expect(pending?.when?.(input, {})).toBeNull();
  });

  it('GIVEN JSON in single quotes that is still no JSON THEN kubectl’s error stands alone: quoting was not the mistake', () => {
    const t = testApp();
    t.send('learner', '/lang en');
    t.send('learner', '/guide on');
    t.send('learner', 'kubectl run kubia --image=luksa/kubia');
    expect(t.send('learner', 'kubectl patch po kubia -p {"metadata":{}}').blocks.at(-1)?.text).toMatch(
      /^💡 /,
    );
    const reply = t.send('learner', `kubectl patch po kubia -p '{metadata:{}}'`);
    expect(reply.blocks.map((b) => b.text)).toEqual([
      "Error from server (BadRequest): invalid character 'm' looking for beginning of object key string",
    ]);
  });

  it('GIVEN a channel whose moderator set guide off THEN members who have not chosen get no guide line, and /guide on brings theirs back', () => {
    const t = testApp(':memory:', ['mod'], { guide: true });
    t.send('mod', '/settings guide off');
    const off = t.send('learner', 'kubectl delete po -all');
    expect(off.blocks.map((b) => b.text).join('\n')).not.toContain('💡');
    t.send('learner', '/guide on');
    expect(t.send('learner', 'kubectl delete po -all').blocks.at(-1)?.text).toMatch(
      /^💡 Long flags take two dashes/,
    );
  });

  it('GIVEN /guide with a word other than on or off THEN the usage names the command as the member’s platform types it', () => {
    const t = testApp(':memory:');
    const usage = (platform: 'console' | 'slack' | 'discord') =>
      t
        .send('learner', '/guide maybe', platform)
        .blocks.map((b) => b.text)
        .join('\n');
    expect(usage('console')).toContain('`/guide on` or `/guide off`');
    expect(usage('slack')).toContain('`/guide on` or `/guide off`');
    expect(usage('discord')).toContain('`/guide state:on` or `/guide state:off`');
  });

  it('GIVEN replace -f of a file not saved THEN the same line as for create', () => {
    const c = CASES.find((x) => x.id === 'create -f FILE not saved');
    if (c === undefined) throw new Error('no create -f case');
    const blocks = play({ ...c, input: ['kubectl replace --force -f kubia-manual.yaml'] }, 'en', 'on');
    expect(code(blocks)).toBe(c.kubectl);
    expect(blocks.map((b) => b.text)).toContain(c.en);
  });

  it('GIVEN a command that succeeded and printed a line starting with `error: ` (a jsonpath’s own text) THEN no guide line: kubectl did not fail', () => {
    const t = testApp(':memory:', [], { guide: true });
    t.send('learner', 'kubectl run kubia --image=luksa/kubia');
    t.advance(60_000);
    // Each of these is an error line the guide answers when kubectl prints it (and exits 1).
    for (const said of [
      'error: the path "pod.yaml" does not exist',
      'error: Required resource not specified.',
      'error: unknown flag: --bogus',
    ]) {
      const reply = t.send('learner', `kubectl get po kubia -o jsonpath='${said}'`);
      expect(reply.ok).toBe(true);
      expect(reply.blocks.map((b) => b.text)).toEqual([said]);
    }
    // The same line from kubectl itself, a failed command, still has its guide line.
    expect(t.send('learner', 'kubectl get -f pod.yaml').blocks.at(-1)?.text).toMatch(/^💡 /);
  });

  it("GIVEN commands that succeed in the notes' flow THEN no guide line is added", () => {
    const t = testApp(':memory:', [], { guide: true });
    for (const line of [
      'kubectl run kubia --image=luksa/kubia --port=8080',
      'kubectl get po',
      'kubectl get po kubia -o yaml',
      'kubectl label po kubia env=prod',
      'kubectl get po -l env=prod',
      "kubectl get po -l 'env in (prod,dev)'",
      'kubectl describe po kubia',
      'kubectl delete po --all',
    ]) {
      t.advance(30_000);
      const reply = t.send('learner', line);
      expect(reply.blocks.map((b) => b.text).join('\n'), line).not.toContain('💡');
    }
  });
});
