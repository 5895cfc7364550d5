import { podStatus } from '../../cluster/lifecycle.ts';
import type { Container } from '../../cluster/model.ts';
import type { ChoiceSpec, Localized, Question } from '../question.ts';
import { createRandom, letter } from '../random.ts';
import { type Family, generatedId } from './family.ts';
import { addPod, container, GEN_NOW, type Sim, say, simCluster, userPods } from './sim.ts';

/**
 * (j) "You need N frontends. With pods shaped like this, how many X containers end up running?"
 * A pod is the unit that is copied: whatever shares a pod with the frontend is copied with it.
 * The pods are made in the sandbox and the running containers of X are counted from the derived
 * pod status, so the answer is the simulator's count.
 */
export const SPLIT_NOW = GEN_NOW + 60_000;

type Shape = 'together' | 'apart';
type Target = 'backend' | 'shipper';

export const podSplit: Family = {
  name: 'pod-split',
  topic: 'organizing-pods',
  concepts: [7, 5, 6],
  generate: (seed) => podSplitScenario(seed).question,
};

export function podSplitScenario(seed: string): {
  question: Question;
  sim: Sim;
  target: Target;
  count: number;
} {
  const random = createRandom(`pod-split:${seed}`);
  const copies = 2 + random.int(3);
  const shape: Shape = random.chance(0.5) ? 'together' : 'apart';
  const withShipper = random.chance(0.5);
  const target: Target = withShipper && random.chance(0.5) ? 'shipper' : 'backend';
  const front = (): Container[] => [
    container('frontend', 'nginx'),
    ...(withShipper ? [container('shipper', 'busybox', ['sh', '-c', 'tail -f /dev/null'])] : []),
  ];
  const sim = simCluster(seed);
  for (let i = 1; i <= copies; i++)
    addPod(sim, {
      name: `app-${i}`,
      containers: shape === 'together' ? [...front(), container('backend', 'luksa/kubia')] : front(),
    });
  if (shape === 'apart') addPod(sim, { name: 'backend', containers: [container('backend', 'luksa/kubia')] });
  const count = userPods(sim).flatMap((pod) => {
    const status = podStatus(pod, SPLIT_NOW);
    return pod.spec.containers.filter(
      (c, i) => c.name === target && status.containers[i]?.state.kind === 'running',
    );
  }).length;
  const options = [...new Set([1, copies, copies * 2, count])].filter((n) => n > 0).sort((a, b) => a - b);
  const choices: ChoiceSpec[] = options.map((n, i) => ({
    id: letter(i),
    text: { ko: `${n}개`, en: `${n}` },
    ...(n === count ? {} : { misconception: note(n, count, target, shape) }),
  }));
  const layout =
    shape === 'together'
      ? `pod app-N: frontend (nginx)${withShipper ? ', shipper (log sidecar)' : ''}, backend (luksa/kubia)\n$ (create app-1 … app-${copies})`
      : `pod app-N: frontend (nginx)${withShipper ? ', shipper (log sidecar)' : ''}\npod backend: backend (luksa/kubia)\n$ (create app-1 … app-${copies}, and backend once)`;
  const what: Localized =
    target === 'backend'
      ? { ko: '백엔드(backend)', en: 'backend' }
      : { ko: '로그 사이드카(shipper)', en: 'log sidecar (shipper)' };
  const question: Question = {
    id: generatedId('pod-split', seed),
    kind: 'single',
    concept: 7,
    topic: 'organizing-pods',
    section: '파드 구성하는 법(어떤 컨테이너를 동일한 파드에 넣으면 좋을까에 대한 팁)',
    prompt: say(
      {
        ko: '트래픽 때문에 프론트엔드가 {copies}개 필요해서, 아래 모양의 파드를 만들었어요. 모두 Running이 되면 {what} 컨테이너는 몇 개 실행되나요?',
        en: 'Traffic calls for {copies} frontends, so the pods below were made. Once all are Running, how many {whatEn} containers run?',
      },
      { copies, what: what.ko, whatEn: what.en },
    ),
    exhibit: layout,
    choices,
    answer: letter(options.indexOf(count)),
    explanation: explain(shape, target, copies, count),
  };
  return { question, sim, target, count };
}

function note(wrong: number, right: number, target: Target, shape: Shape): Localized {
  if (wrong < right)
    return {
      ko: '같은 파드를 여러 개 만들어도 그 안의 컨테이너는 공유된다고 생각했을 수 있어요. 파드를 하나 만들 때마다 그 파드의 컨테이너가 모두 새로 생겨요.',
      en: 'You may be assuming copies of a pod share its containers. Every pod made starts all of its own containers.',
    };
  if (target === 'backend' && shape === 'apart')
    return {
      ko: '백엔드도 프론트엔드와 함께 늘어난다고 생각했을 수 있어요. 백엔드는 자기 파드에 따로 있어서 한 번만 만들었어요.',
      en: 'You may be assuming the backend grows with the frontends. It has a pod of its own, made once.',
    };
  return {
    ko: '파드 하나에 컨테이너가 두 번 들어간다고 생각했을 수 있어요. 파드마다 그 컨테이너는 하나예요.',
    en: 'You may be counting that container twice per pod: each pod has one of it.',
  };
}

function explain(shape: Shape, target: Target, copies: number, count: number): Localized {
  const head = {
    ko: '파드는 통째로 복제되는 단위예요. 같은 파드에 든 컨테이너는 함께 늘어나요.',
    en: 'A pod is the unit that gets copied: containers sharing a pod are copied together.',
  };
  const body: Localized =
    target === 'shipper'
      ? {
          ko: `로그 사이드카는 프론트엔드마다 하나씩 있어야 하니 같은 파드에 두는 게 맞아요: ${copies}개 파드에 ${count}개.`,
          en: `A log sidecar belongs beside each frontend, so sharing its pod is right: ${count} across ${copies} pods.`,
        }
      : shape === 'together'
        ? {
            ko: `백엔드까지 같은 파드에 넣었더니 프론트엔드를 ${copies}개로 늘릴 때 백엔드도 ${count}개가 됐어요. 따로 스케일링하려면 파드를 나눠요.`,
            en: `With the backend in the same pod, ${copies} frontends brought ${count} backends. To scale them apart, split them into pods.`,
          }
        : {
            ko: `백엔드는 자기 파드에 따로 있어서 프론트엔드를 늘려도 ${count}개 그대로예요.`,
            en: `The backend has a pod of its own, so adding frontends leaves it at ${count}.`,
          };
  return { ko: `${head.ko}\n${body.ko}`, en: `${head.en}\n${body.en}` };
}
