import { parseSelector } from '../../cluster/labels/selector.ts';
import type { Labels, Pod } from '../../cluster/model.ts';
import { place } from '../../cluster/scheduler.ts';
import { WORKERS } from '../../cluster/seed.ts';
import { nodeTable } from '../../kubectl/printers/nodes.ts';
import { formatTable } from '../../kubectl/printers/table.ts';
import type { ChoiceSpec, Question } from '../question.ts';
import { createRandom, letter, type Random } from '../random.ts';
import { type Family, generatedId } from './family.ts';
import { explainPods } from './labels.ts';
import { addPod, GEN_NOW, joinLines, type Sim, same, say, simCluster } from './sim.ts';

/**
 * (b) "Where does a pod with this `nodeSelector` land, or does it stay Pending?" The workers get
 * random `gpu`/`disk`/`zone` labels such that at most one fits; the pod is created through the API
 * server's path, so the answer is where the simulator's scheduler bound it, and a Pending answer
 * quotes the scheduler's own FailedScheduling message.
 */
const NODE_LABELS: Readonly<Record<string, readonly string[]>> = {
  gpu: ['true', 'false'],
  disk: ['ssd', 'hdd'],
  zone: ['zone-a', 'zone-b'],
};
const POD = 'trainer';

export const placement: Family = {
  name: 'placement',
  topic: 'node-selector',
  concepts: [15],
  generate: (seed) => placementScenario(seed).question,
};

export function placementScenario(seed: string): { question: Question; sim: Sim; pod: Pod } {
  const random = createRandom(`placement:${seed}`);
  const keys = random.shuffle(Object.keys(NODE_LABELS)).slice(0, random.chance(0.5) ? 2 : 1);
  const nodeSelector: Labels = {};
  for (const key of keys) nodeSelector[key] = random.pick(NODE_LABELS[key] ?? []);
  const target = random.chance(0.25) ? null : random.int(WORKERS.length);
  const sim = simCluster(seed);
  labelWorkers(sim, random, nodeSelector, target);
  const pod = addPod(sim, { name: POD, nodeSelector });
  const pending = place(pod, { nodes: sim.cluster.nodes, pods: sim.cluster.pods.filter((p) => p !== pod) });
  const choices: ChoiceSpec[] = [
    ...WORKERS.map((name, i) => ({ id: letter(i), text: same(name) })),
    {
      id: letter(WORKERS.length),
      text: { ko: '어느 노드에도 못 가고 Pending', en: 'No node: it stays Pending' },
    },
  ];
  const landed = pod.spec.nodeName;
  const answerIndex =
    landed === undefined ? WORKERS.length : WORKERS.indexOf(landed as (typeof WORKERS)[number]);
  const answer = letter(answerIndex);
  const selectorText = Object.entries(nodeSelector)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  const parsed = parseSelector(selectorText);
  if (!parsed.ok) throw new Error(`bad nodeSelector ${selectorText}`);
  const workers = sim.cluster.nodes.filter((n) => (WORKERS as readonly string[]).includes(n.metadata.name));
  const question: Question = {
    id: generatedId('placement', seed),
    kind: 'single',
    concept: 15,
    topic: 'node-selector',
    section: '파드와 레이블 셀렉터',
    prompt: {
      ko: '아래 노드가 있는 클러스터에 이 파드를 만들면 어디에 스케줄링되나요?',
      en: 'This pod is created in a cluster with the nodes below. Where is it scheduled?',
    },
    exhibit: `${nodesExhibit(sim, Object.keys(NODE_LABELS))}\n\n${manifest(nodeSelector)}`,
    choices: choices.map((c) => (c.id === answer ? c : { ...c, misconception: MISS })),
    answer,
    explanation: joinLines([
      {
        ko: 'nodeSelector의 모든 레이블이 같은 값으로 붙은 노드만 후보예요 (컨트롤 플레인은 taint 때문에 제외).',
        en: 'Only a node carrying every nodeSelector label with the same value qualifies (the control plane is excluded by its taint).',
      },
      explainPods(
        parsed.value,
        workers.map((n) => ({ name: n.metadata.name, labels: n.metadata.labels })),
        { yes: { ko: '후보', en: 'fits' }, no: { ko: '안 맞음', en: 'does not fit' } },
      ),
      landed === undefined
        ? say(
            {
              ko: '맞는 노드가 없어 파드는 Pending으로 남고 describe에는 이렇게 나와요: {message}',
              en: 'No node fits, so the pod stays Pending and describe shows: {message}',
            },
            {
              message: pending.ok ? '' : `Warning  FailedScheduling  default-scheduler  ${pending.message}`,
            },
          )
        : say({ ko: '→ 파드는 {node}에 배치돼요.', en: '→ The pod is bound to {node}.' }, { node: landed }),
    ]),
  };
  return { question, sim, pod };
}

const MISS = {
  ko: 'nodeSelector의 레이블 중 하나라도 다르거나 없으면 그 노드에는 갈 수 없어요.',
  en: 'If any nodeSelector label is missing or different on a node, the pod cannot go there.',
};

/** Worker `target` gets every selector label; each other worker misses exactly one of them. */
function labelWorkers(sim: Sim, random: Random, nodeSelector: Labels, target: number | null): void {
  const keys = Object.keys(nodeSelector);
  for (const node of sim.cluster.nodes) {
    const index = (WORKERS as readonly string[]).indexOf(node.metadata.name);
    if (index === -1) continue;
    const labels: Labels = {};
    for (const [key, values] of Object.entries(NODE_LABELS)) {
      if (nodeSelector[key] !== undefined) labels[key] = nodeSelector[key];
      else if (random.chance(0.6)) labels[key] = random.pick(values);
    }
    if (index !== target) {
      const key = random.pick(keys);
      const other = (NODE_LABELS[key] ?? []).find((v) => v !== nodeSelector[key]);
      if (other !== undefined && random.chance(0.7)) labels[key] = other;
      else delete labels[key];
    }
    node.metadata.labels = { ...node.metadata.labels, ...labels };
  }
}

function nodesExhibit(sim: Sim, keys: string[]): string {
  const rows = nodeTable(sim.cluster.nodes, GEN_NOW, { keys, showLabels: false, wide: false });
  return `$ kubectl get nodes -L ${keys.join(',')}\n${formatTable(rows)}`;
}

function manifest(nodeSelector: Labels): string {
  const lines = Object.entries(nodeSelector).map(([k, v]) => `    ${k}: "${v}"`);
  return [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    `  name: ${POD}`,
    'spec:',
    '  nodeSelector:',
    ...lines,
    '  containers:',
    '  - name: main',
    '    image: nginx',
  ].join('\n');
}
