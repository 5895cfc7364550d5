import { parse } from 'yaml';
import { printObjects } from '../../kubectl/printers/objects.ts';
import type { Localized, Question } from '../question.ts';
import { createRandom, letter } from '../random.ts';
import { type Family, generatedId } from './family.ts';
import { addPod, container, GEN_NOW, type Sim, same, say, simCluster } from './sim.ts';

/**
 * (i) "Which of these fields does `kubectl get po web -o yaml` show that the manifest did not
 * have?" The pod is made as `kubectl create -f` makes it; the answer is read from the simulator's
 * own `-o yaml` printout, so a pod that could not be scheduled (a nodeSelector no node meets)
 * rightly has no `spec.nodeName` and no `status.podIP`.
 */
export const FIELDS_NOW = GEN_NOW + 60_000;

interface Field {
  path: string[];
  /** Why a member might expect it when it is absent (or miss it when present). */
  absent: Localized;
  present: Localized;
}

const CANDIDATES: readonly Field[] = [
  field(
    'metadata.uid',
    'every object gets a unique id from the API server',
    '모든 객체는 API 서버에서 고유 id를 받아요',
  ),
  field(
    'metadata.creationTimestamp',
    'the API server stamps the creation time',
    'API 서버가 만든 시각을 찍어요',
  ),
  field('spec.nodeName', 'the scheduler writes the node it chose', '스케줄러가 고른 노드를 적어요'),
  field('status.podIP', 'the pod gets its IP once it is on a node', '파드가 노드에 올라가면 IP를 받아요'),
  field('spec.restartPolicy', 'defaulted to Always by the API server', 'API 서버가 Always로 기본값을 채워요'),
  field('status.phase', 'the current phase (Pending, Running, ...)', '지금 단계 (Pending, Running, ...)'),
  field(
    'spec.replicas',
    'a pod has no replicas: that is a Deployment field',
    '파드에는 replicas가 없어요: 디플로이먼트의 필드예요',
  ),
  field(
    'metadata.labels.run',
    '`kubectl run` adds run=NAME; `create -f` adds no label',
    '`kubectl run`이 run=이름을 붙여요. `create -f`는 레이블을 붙이지 않아요',
  ),
  field(
    'metadata.annotations.kubectl.kubernetes.io/last-applied-configuration',
    'only `kubectl apply` leaves this annotation, not `create -f`',
    '이 어노테이션은 `kubectl apply`만 남겨요. `create -f`는 아니에요',
  ),
];

function field(path: string, en: string, ko: string): Field {
  const [first = '', second = '', ...rest] = path.split('.');
  const parts =
    first === 'metadata' && (second === 'annotations' || second === 'labels')
      ? [first, second, rest.join('.')]
      : path.split('.');
  return { path: parts, present: { ko, en }, absent: { ko, en } };
}

export const serverFields: Family = {
  name: 'server-fields',
  topic: 'defining-pods',
  concepts: [9, 8],
  generate: (seed) => serverFieldsScenario(seed).question,
};

export function serverFieldsScenario(seed: string): { question: Question; sim: Sim; yaml: string } {
  const random = createRandom(`server-fields:${seed}`);
  const pending = random.chance(0.35);
  const sim = simCluster(seed);
  const pod = addPod(sim, {
    name: 'web',
    containers: [container('web', 'nginx')],
    ...(pending ? { nodeSelector: { gpu: 'true' } } : {}),
  });
  const yaml = printObjects([pod], 'yaml', { ...sim.cluster, now: FIELDS_NOW });
  const printed: unknown = parse(yaml);
  const shown = (f: Field) => has(printed, f.path);
  const fields = random.shuffle(CANDIDATES).slice(0, 5);
  if (!fields.some(shown)) fields[0] = CANDIDATES[0] as Field;
  if (fields.every(shown)) fields[4] = CANDIDATES[6] as Field;
  const answer = fields.flatMap((f, i) => (shown(f) ? [letter(i)] : []));
  const manifest = [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: web',
    'spec:',
    ...(pending ? ['  nodeSelector:', '    gpu: "true"'] : []),
    '  containers:',
    '  - name: web',
    '    image: nginx',
  ].join('\n');
  const question: Question = {
    id: generatedId('server-fields', seed),
    kind: 'multi',
    concept: 9,
    topic: 'defining-pods',
    section: '파드 정의하기',
    prompt: {
      ko: '이 매니페스트를 `kubectl create -f web.yaml`로 만들고 1분 뒤 `kubectl get po web -o yaml`을 봤어요. 매니페스트에 없었는데 출력에 나오는 필드를 모두 고르세요.',
      en: 'This manifest was created with `kubectl create -f web.yaml`; a minute later you run `kubectl get po web -o yaml`. Which fields show up there that the manifest did not have? Pick all.',
    },
    exhibit: `# web.yaml\n${manifest}${pending ? '\n# (no node is labelled gpu=true)' : ''}`,
    choices: fields.map((f, i) => ({
      id: letter(i),
      text: same(f.path.join('.')),
      ...(shown(f)
        ? {}
        : {
            misconception: absentNote(f, pending),
          }),
    })),
    answer,
    explanation: {
      ko: [
        '`-o yaml`은 서버에 저장된 객체 전체를 보여줘요: 내가 쓴 필드에 더해 API 서버가 채운 기본값과 메타데이터, 스케줄러와 kubelet이 쓴 상태까지요.',
        ...fields.map((f) => `• ${f.path.join('.')}: ${shown(f) ? '나와요' : '안 나와요'}. ${f.present.ko}.`),
        ...(pending
          ? ['이 파드는 gpu=true 노드가 없어 Pending이라, 노드 이름과 파드 IP가 아직 없어요.']
          : []),
      ].join('\n'),
      en: [
        '`-o yaml` shows the whole object as the server stores it: your fields plus the API server’s defaults and metadata, and the status the scheduler and kubelet wrote.',
        ...fields.map((f) => `• ${f.path.join('.')}: ${shown(f) ? 'shown' : 'not shown'}; ${f.present.en}.`),
        ...(pending
          ? ['No node is labelled gpu=true, so the pod is Pending: no node name and no pod IP yet.']
          : []),
      ].join('\n'),
    },
  };
  return { question, sim, yaml };
}

const PENDING_NOTE: Localized = {
  ko: '파드가 노드에 올라갔다고 생각했을 수 있어요. gpu=true 노드가 없어 Pending이라, 스케줄러가 노드를 적지 않았고 파드 IP도 없어요.',
  en: 'You may be assuming the pod was placed. No node is labelled gpu=true, so it is Pending: no node was written and it has no IP.',
};

function absentNote(f: Field, pending: boolean): Localized {
  const path = f.path.join('.');
  if (pending && (path === 'spec.nodeName' || path === 'status.podIP')) return PENDING_NOTE;
  return {
    ko: say(
      { ko: '{path}{이/가} 나온다고 생각했을 수 있어요. 하지만 {why}.', en: '' },
      { path, why: f.absent.ko },
    ).ko,
    en: `You may be expecting ${path}. But ${f.absent.en}.`,
  };
}

function has(value: unknown, path: readonly string[]): boolean {
  let at: unknown = value;
  for (const part of path) {
    if (typeof at !== 'object' || at === null || !Object.hasOwn(at, part)) return false;
    at = (at as Record<string, unknown>)[part];
  }
  return at !== undefined && at !== null && at !== '';
}
