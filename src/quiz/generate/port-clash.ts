import { podStatus } from '../../cluster/lifecycle.ts';
import type { Container, Pod } from '../../cluster/model.ts';
import { planProcess } from '../../cluster/process.ts';
import type { ChoiceSpec, Localized, Question } from '../question.ts';
import { createRandom, letter, type Random } from '../random.ts';
import { type Family, generatedId } from './family.ts';
import {
  addPod,
  commandLines,
  container,
  FLUENT_BIT_HTTP_ARGS,
  GEN_NOW,
  joinLines,
  type Sim,
  say,
  simCluster,
} from './sim.ts';

/**
 * (d) "What happens when two containers of a pod bind the same port?" A pod of two or three
 * servers, often with a clash. A minute after creation, READY n/m and how many containers keep
 * restarting are read from the derived pod status (`lifecycle.ts`). Which of two clashing
 * containers loses is a race on a real cluster (the kubelet starts them one after another without
 * waiting for a bind), so the question asks only what is certain: the counts and the log line.
 */
export const CLASH_AT = GEN_NOW + 60_000;
const BUSYBOX_PORTS = [80, 8080, 2020];

const menu = (random: Random): Container[] => [
  container('app', 'luksa/kubia'),
  container('proxy', 'nginx'),
  container('shipper', 'fluent/fluent-bit', undefined, FLUENT_BIT_HTTP_ARGS),
  { ...container('debug', 'busybox', ['httpd', '-f', '-p', String(random.pick(BUSYBOX_PORTS))]) },
];

export const portClash: Family = {
  name: 'port-clash',
  topic: 'localhost-vs-ip',
  concepts: [3, 1],
  generate: (seed) => portClashScenario(seed).question,
};

export function portClashScenario(seed: string): { question: Question; sim: Sim; pod: Pod } {
  const random = createRandom(`port-clash:${seed}`);
  const picked = random.shuffle(menu(random)).slice(0, random.chance(0.3) ? 3 : 2);
  const containers = picked.map((c) => withDeclaredPort(c));
  const sim = simCluster(seed);
  const pod = addPod(sim, { name: 'duo', containers });
  const status = podStatus(pod, CLASH_AT);
  const ready = status.containers.filter((c) => c.ready).length;
  const restarting = status.containers.filter((c) => c.restartCount > 0).length;
  const total = containers.length;
  const outcomes: Outcome[] = [
    { kind: 'counts', ready: total, restarting: 0 },
    { kind: 'counts', ready: total - 1, restarting: 1 },
    ...(total > 2 ? [{ kind: 'counts' as const, ready: total - 2, restarting: 2 }] : []),
    { kind: 'counts', ready, restarting },
    { kind: 'refused' },
  ];
  const unique = outcomes.filter((o, i) => outcomes.findIndex((p) => key(p) === key(o)) === i);
  const right = key({ kind: 'counts', ready, restarting });
  const answerIndex = unique.findIndex((o) => key(o) === right);
  const choices: ChoiceSpec[] = unique.map((o, i) => ({
    id: letter(i),
    text: outcomeText(o, total),
    ...(i === answerIndex ? {} : { misconception: misconception(o, restarting) }),
  }));
  const question: Question = {
    id: generatedId('port-clash', seed),
    kind: 'single',
    concept: 3,
    topic: 'localhost-vs-ip',
    section: '파드가 필요한 이유',
    prompt: {
      ko: '이 파드를 만들고 1분 뒤 `kubectl get po duo`의 READY는 얼마이고, 재시작을 반복하는 컨테이너는 몇 개인가요?',
      en: 'One minute after this pod is created, what does `kubectl get po duo` show as READY, and how many containers keep restarting?',
    },
    exhibit: manifest(containers),
    choices,
    answer: letter(answerIndex),
    explanation: explain(pod, ready, total),
  };
  return { question, sim, pod };
}

type Outcome = { kind: 'counts'; ready: number; restarting: number } | { kind: 'refused' };

const key = (o: Outcome) => (o.kind === 'refused' ? 'refused' : `${o.ready}|${o.restarting}`);

/** Each wrong outcome names the belief that leads to it, written to the learner. */
function misconception(o: Outcome, restarting: number): Localized {
  if (o.kind === 'refused')
    return {
      ko: 'API 서버가 컨테이너 사이의 포트 충돌을 막아 준다고 생각했을 수 있어요. 같은 containerPort를 두 번 선언해도 경고만 나오고 파드는 만들어져요. 충돌은 프로세스가 바인드할 때 일어나요.',
      en: 'You may be assuming the API server stops two containers from declaring one port. It only warns; the pod is created and the clash happens when the processes bind.',
    };
  if (restarting > 0 && o.restarting === 0)
    return {
      ko: '컨테이너마다 네트워크가 따로 있다고 생각했을 수 있어요. 한 파드의 컨테이너들은 포트 공간을 공유해서, 같은 포트는 한 번만 바인드할 수 있어요.',
      en: 'You may be assuming each container has its own network. The containers of a pod share one port space, so a port can be bound only once.',
    };
  if (o.restarting > restarting && restarting > 0)
    return {
      ko: '충돌하면 둘 다 죽는다고 생각했을 수 있어요. 먼저 바인드한 쪽은 포트를 지키고 계속 실행돼요. 늦은 쪽만 종료되고 재시작해요.',
      en: 'You may be assuming a clash kills both. The one that bound first keeps the port and runs; only the late one exits and restarts.',
    };
  return {
    ko: '이미지가 다르면 포트도 겹친다고 생각했을 수 있어요. 각 컨테이너가 바인드하는 포트를 비교해 보세요. 겹치는 포트가 없으면 모두 실행돼요.',
    en: 'You may be assuming these containers clash. Compare the ports each one binds: where no port is shared, all of them run.',
  };
}

/** The manifest declares the port the process will bind (busybox's comes from its command). */
function withDeclaredPort(c: Container): Container {
  const port = /-p\s*(\d+)/.exec((c.command ?? []).join(' '));
  if (port === null) return c;
  return { ...c, ports: [{ containerPort: Number(port[1]), protocol: 'TCP' }] };
}

function outcomeText(o: Outcome, total: number): Localized {
  if (o.kind === 'refused')
    return {
      ko: '파드가 만들어지지 않음: API 서버가 포트 중복을 거부',
      en: 'No pod: the API server refuses the duplicate port',
    };
  if (o.restarting === 0)
    return {
      ko: `READY ${o.ready}/${total}, 재시작 없음`,
      en: `READY ${o.ready}/${total}, nothing restarts`,
    };
  return {
    ko: `READY ${o.ready}/${total}, 컨테이너 ${o.restarting}개가 재시작 반복`,
    en: `READY ${o.ready}/${total}, ${o.restarting} container${o.restarting === 1 ? '' : 's'} keep${o.restarting === 1 ? 's' : ''} restarting`,
  };
}

function explain(pod: Pod, ready: number, total: number): Localized {
  const plans = pod.spec.containers.map((_, i) => planProcess(pod, i));
  const lines: Localized[] = [];
  for (const [i, c] of pod.spec.containers.entries()) {
    const plan = plans[i];
    if (plan === undefined) continue;
    const wants = plan.portConflict === undefined ? plan.listens : [plan.portConflict];
    const port = wants.find((p) => plans.some((o, j) => j !== i && bindsOrWants(o).includes(p)));
    if (port === undefined) {
      const ports = wants.join(', ');
      lines.push(
        say(
          {
            ko: '• {name}: {ports} 포트를 바인드하고 실행돼요.',
            en: '• {name}: binds port {ports} and runs.',
          },
          { name: c.name, ports: ports === '' ? '-' : ports },
        ),
      );
      continue;
    }
    lines.push(
      say(
        {
          ko: '• {name}: {port} 포트를 다른 컨테이너와 함께 원해요.',
          en: '• {name}: wants port {port}, as another container does.',
        },
        { name: c.name, port },
      ),
    );
  }
  const loser = plans.find((p) => p.portConflict !== undefined);
  return joinLines([
    {
      ko: '한 파드의 컨테이너들은 포트 공간을 공유해요. kubelet은 컨테이너를 차례로 시작하지만 바인드를 기다리지 않아서, 같은 포트를 원하는 두 컨테이너 중 누가 먼저 바인드할지는 경쟁(race)이에요.',
      en: 'The containers of a pod share one port space. The kubelet starts them one after another but does not wait for a bind, so which of two containers wanting one port gets it first is a race.',
    },
    ...lines,
    ...(loser === undefined
      ? []
      : [
          say(
            {
              ko: '늦은 쪽은 포트가 이미 쓰이고 있어서 곧바로 종료되고 (예: "{log}"), restartPolicy Always라서 back-off로 재시작을 반복해요 (CrashLoopBackOff). 이긴 쪽은 계속 실행돼요.',
              en: 'The late one finds the port already taken and exits at once (for example "{log}"); under restartPolicy Always it is restarted with growing back-off (CrashLoopBackOff). The winner keeps running.',
            },
            { log: loser.logs[loser.logs.length - 1] ?? '' },
          ),
        ]),
    say(
      { ko: '그래서 READY는 {ready}/{total}이에요.', en: 'So READY is {ready}/{total}.' },
      { ready, total },
    ),
  ]);
}

const bindsOrWants = (plan: ReturnType<typeof planProcess>): number[] =>
  plan.portConflict === undefined ? plan.listens : [plan.portConflict];

function manifest(containers: readonly Container[]): string {
  const lines = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: duo', 'spec:', '  containers:'];
  for (const c of containers) {
    lines.push(`  - name: ${c.name}`, `    image: ${c.image}`, ...commandLines(c, '    '));
    if (c.ports.length > 0)
      lines.push('    ports:', ...c.ports.map((p) => `    - containerPort: ${p.containerPort}`));
  }
  return lines.join('\n');
}
