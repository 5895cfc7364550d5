import { podStatus } from '../../cluster/lifecycle.ts';
import type { Container, Pod } from '../../cluster/model.ts';
import { planProcess } from '../../cluster/process.ts';
import type { ChoiceSpec, Localized, Question } from '../question.ts';
import { createRandom, letter, type Random } from '../random.ts';
import { type Family, generatedId } from './family.ts';
import { addPod, container, GEN_NOW, joinLines, type Sim, say, simCluster } from './sim.ts';

/**
 * (d) "What happens when two containers of a pod bind the same port?" A pod of two or three
 * servers, often with a clash. A minute after creation, READY n/m and which container keeps
 * restarting are read from the derived pod status (`lifecycle.ts`), and the explanation quotes
 * the crashing process's own "address already in use" line.
 */
export const CLASH_AT = GEN_NOW + 60_000;
const BUSYBOX_PORTS = [80, 8080, 2020];

const menu = (random: Random): Container[] => [
  container('app', 'luksa/kubia'),
  container('proxy', 'nginx'),
  container('shipper', 'fluent/fluent-bit'),
  { ...container('debug', 'busybox', ['httpd', '-f', '-p', String(random.pick(BUSYBOX_PORTS))]) },
];

export const portClash: Family = {
  name: 'port-clash',
  topic: 'localhost-vs-ip',
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
  const restarting = status.containers.filter((c) => c.restartCount > 0).map((c) => c.name);
  const total = containers.length;
  const outcomes = [
    { ready: total, restarting: [] as string[] },
    ...containers.map((c) => ({ ready: total - 1, restarting: [c.name] })),
    { ready, restarting },
  ];
  const unique = outcomes.filter((o, i) => outcomes.findIndex((p) => key(p) === key(o)) === i);
  const answerIndex = unique.findIndex((o) => key(o) === key({ ready, restarting }));
  const choices: ChoiceSpec[] = unique.map((o, i) => ({
    id: letter(i),
    text: outcomeText(o.ready, total, o.restarting),
    ...(i === answerIndex ? {} : { misconception: MISS }),
  }));
  const question: Question = {
    id: generatedId('port-clash', seed),
    kind: 'single',
    topic: 'localhost-vs-ip',
    section: '파드가 필요한 이유',
    prompt: {
      ko: '이 파드를 만들고 1분 뒤 `kubectl get po duo`의 READY와, 계속 재시작하는 컨테이너는?',
      en: 'One minute after this pod is created, what does `kubectl get po duo` show as READY, and which container keeps restarting?',
    },
    exhibit: manifest(containers),
    choices,
    answer: letter(answerIndex),
    explanation: explain(pod, ready, total),
  };
  return { question, sim, pod };
}

const MISS = {
  ko: '한 파드의 컨테이너들은 포트 공간을 공유해요. 같은 포트를 두 번 바인드할 수 없어요.',
  en: 'The containers of a pod share one port space: a port can be bound only once.',
};

/** The manifest declares the port the process will bind (busybox's comes from its command). */
function withDeclaredPort(c: Container): Container {
  const port = /-p\s*(\d+)/.exec((c.command ?? []).join(' '));
  if (port === null) return c;
  return { ...c, ports: [{ containerPort: Number(port[1]), protocol: 'TCP' }] };
}

const key = (o: { ready: number; restarting: string[] }) =>
  `${o.ready}|${[...o.restarting].sort().join(',')}`;

function outcomeText(ready: number, total: number, restarting: readonly string[]): Localized {
  if (restarting.length === 0)
    return { ko: `READY ${ready}/${total}, 재시작 없음`, en: `READY ${ready}/${total}, nothing restarts` };
  const names = restarting.join(', ');
  return {
    ko: `READY ${ready}/${total}, ${names} 재시작 반복`,
    en: `READY ${ready}/${total}, ${names} keeps restarting`,
  };
}

function explain(pod: Pod, ready: number, total: number): Localized {
  const lines: Localized[] = [];
  for (const [i, c] of pod.spec.containers.entries()) {
    const plan = planProcess(pod, i);
    if (plan.portConflict === undefined) {
      const ports = plan.listens.join(', ');
      lines.push(
        say(
          {
            ko: '• {name}: {ports} 포트를 바인드하고 실행돼요.',
            en: '• {name}: binds port {ports} and runs.',
          },
          { name: c.name, ports: ports === '' ? '-' : ports },
        ),
      );
    } else {
      lines.push(
        say(
          {
            ko: '• {name}: {port} 포트가 이미 같은 파드의 다른 컨테이너에 쓰여서 시작하자마자 종료돼요: "{log}". restartPolicy Always라서 back-off로 재시작을 반복해요 (CrashLoopBackOff).',
            en: '• {name}: port {port} is already taken by another container of the same pod, so it exits at once: "{log}". Under restartPolicy Always it is restarted with growing back-off (CrashLoopBackOff).',
          },
          { name: c.name, port: plan.portConflict, log: plan.logs[plan.logs.length - 1] ?? '' },
        ),
      );
    }
  }
  return joinLines([
    {
      ko: '컨테이너들은 먼저 선언된 순서로 시작하고, 한 파드 안에서는 포트 공간을 공유해요.',
      en: 'Containers start in the order they are declared, and the containers of a pod share one port space.',
    },
    ...lines,
    say(
      { ko: '그래서 READY는 {ready}/{total}이에요.', en: 'So READY is {ready}/{total}.' },
      { ready, total },
    ),
  ]);
}

function manifest(containers: readonly Container[]): string {
  const lines = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: duo', 'spec:', '  containers:'];
  for (const c of containers) {
    lines.push(`  - name: ${c.name}`, `    image: ${c.image}`);
    if (c.command !== undefined) lines.push(`    command: [${c.command.map((w) => `"${w}"`).join(', ')}]`);
    if (c.ports.length > 0)
      lines.push('    ports:', ...c.ports.map((p) => `    - containerPort: ${p.containerPort}`));
  }
  return lines.join('\n');
}
