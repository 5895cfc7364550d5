import { findImage } from '../../cluster/images.ts';
import type { Container, Pod } from '../../cluster/model.ts';
import { connect, resolveHost } from '../../cluster/network.ts';
import { planProcess } from '../../cluster/process.ts';
import { podTable } from '../../kubectl/printers/pods.ts';
import { formatTable } from '../../kubectl/printers/table.ts';
import type { ChoiceSpec, Localized, Question } from '../question.ts';
import { createRandom, letter } from '../random.ts';
import { type Family, generatedId } from './family.ts';
import {
  addPod,
  container,
  FLUENT_BIT_HTTP_ARGS,
  GEN_NOW,
  joinLines,
  type Sim,
  say,
  simCluster,
} from './sim.ts';

/**
 * (c) "From container X of pod P, does `curl localhost:PORT` (or `curl IP:PORT`) succeed, and who
 * answers?" Two pods of random servers; the answer is whatever the sandbox's network model
 * (`network.ts`: one network namespace per pod, a flat pod network) connects that address to,
 * or "Connection refused".
 */
/** HTTP servers only: busybox's httpd here accepts but never answers (curl: empty reply). */
const SERVERS = [
  { name: 'kubia', image: 'luksa/kubia' },
  { name: 'nginx', image: 'nginx' },
  { name: 'metrics', image: 'fluent/fluent-bit', args: FLUENT_BIT_HTTP_ARGS },
] as const;
const SHELL = { name: 'shell', image: 'busybox', command: ['sleep', 'infinity'] } as const;
/** A port nobody in these pods listens on. */
const UNUSED = 9090;
export const CURL_NOW = GEN_NOW + 5 * 60_000;

type Spec = { name: string; image: string; command?: readonly string[]; args?: readonly string[] };
const make = (s: Spec): Container =>
  container(
    s.name,
    s.image,
    s.command === undefined ? undefined : [...s.command],
    s.args === undefined ? undefined : [...s.args],
  );

export const curl: Family = {
  name: 'curl',
  topic: 'localhost-vs-ip',
  concepts: [3, 4],
  generate: (seed) => curlScenario(seed).question,
};

export interface CurlScenario {
  question: Question;
  sim: Sim;
  from: { pod: Pod; container: string };
  host: string;
  port: number;
}

export function curlScenario(seed: string): CurlScenario {
  const random = createRandom(`curl:${seed}`);
  const servers = random.shuffle(SERVERS);
  const [first, second, third] = servers;
  if (first === undefined || second === undefined || third === undefined) throw new Error('too few servers');
  const sim = simCluster(seed);
  const web = addPod(sim, {
    name: 'web',
    containers: [make(first), make(random.chance(0.5) ? second : SHELL)],
  });
  const api = addPod(sim, { name: 'api', containers: [make(random.chance(0.5) ? first : third)] });
  const clients = web.spec.containers.filter((c) => clientTool(c) !== null);
  const from = random.pick(clients);
  const ports = [...new Set([...listening(web), ...listening(api), UNUSED])].sort((a, b) => a - b);
  const port = random.pick(ports);
  const target = random.pick([
    { pod: web, host: 'localhost' },
    { pod: api, host: api.sim.podIP ?? '' },
    { pod: web, host: random.chance(0.3) ? (web.sim.podIP ?? '') : 'localhost' },
  ]);
  const answerer = whoAnswers(sim, web, target.host, port);
  const everyone = [web, api].flatMap((pod) => pod.spec.containers.map((c) => ({ pod, c })));
  const choices: ChoiceSpec[] = [
    ...everyone.map(({ pod, c }, i) => ({ id: letter(i), text: containerIn(c.name, pod.metadata.name) })),
    {
      id: letter(everyone.length),
      text: { ko: '아무도 안 받음: Connection refused', en: 'Nobody: Connection refused' },
    },
  ];
  const answerIndex =
    answerer === null
      ? everyone.length
      : everyone.findIndex(
          ({ pod, c }) =>
            pod.metadata.name === answerer.pod.metadata.name && c.name === answerer.container.name,
        );
  const answer = letter(answerIndex);
  const command = `kubectl exec web -c ${from.name} -- ${clientTool(from)} ${target.host}:${port}`;
  const question: Question = {
    id: generatedId('curl', seed),
    kind: 'single',
    concept: 3,
    topic: 'localhost-vs-ip',
    section: '파드가 필요한 이유',
    prompt: say(
      {
        ko: '아래 두 파드가 실행 중이에요. `{command}`를 실행하면 어느 컨테이너가 응답하나요?',
        en: 'The two pods below are running. Who answers `{command}`?',
      },
      { command },
    ),
    exhibit: exhibit([api, web]),
    choices: choices.map((c, i) =>
      c.id === answer ? c : { ...c, misconception: wrongNote(everyone[i], target, port, answerer) },
    ),
    answer,
    explanation: explain(target, port, answerer?.container ?? null, web),
  };
  return { question, sim, from: { pod: web, container: from.name }, host: target.host, port };
}

type Someone = { pod: Pod; c: Container } | undefined;

/** Why a member might pick this wrong choice, written to them: each choice has its own. */
function wrongNote(
  picked: Someone,
  target: { pod: Pod; host: string },
  port: number,
  answerer: { pod: Pod; container: Container } | null,
): Localized {
  if (picked === undefined)
    return say(
      {
        ko: '그 파드에서 {port} 포트를 리슨하는 컨테이너가 없다고 생각했을 수 있어요. {name} 컨테이너가 리슨해요.',
        en: 'You may be assuming nothing in that pod listens on {port}. {name} does.',
      },
      { port, name: answerer?.container.name ?? '' },
    );
  if (picked.pod !== target.pod)
    return target.host === 'localhost'
      ? {
          ko: 'localhost가 다른 파드까지 닿는다고 생각했을 수 있어요. localhost는 자기 파드의 루프백이에요.',
          en: 'You may be assuming localhost reaches other pods. localhost is the pod’s own loopback.',
        }
      : say(
          {
            ko: '{ip}{이/가} {pod} 파드의 IP라고 생각했을 수 있어요. 그 IP는 {other} 파드의 것이에요.',
            en: 'You may be taking {ip} for pod {pod}’s IP. It belongs to pod {other}.',
          },
          { ip: target.host, pod: picked.pod.metadata.name, other: target.pod.metadata.name },
        );
  const listens = picked.pod.spec.containers.indexOf(picked.c);
  const ports = planProcess(picked.pod, listens).listens;
  if (ports.length === 0)
    return say(
      {
        ko: '{name} 컨테이너가 {port} 포트를 리슨한다고 생각했을 수 있어요. {name}{은/는} 아무 포트도 리슨하지 않아요.',
        en: 'You may be assuming {name} listens on {port}. It listens on no port at all.',
      },
      { name: picked.c.name, port },
    );
  return say(
    {
      ko: '{name} 컨테이너가 {port} 포트를 리슨한다고 생각했을 수 있어요. {name}{은/는} {ports} 포트를 리슨해요. 한 파드 안에서는 포트로 컨테이너를 구분해요.',
      en: 'You may be assuming {name} listens on {port}. It listens on {ports}: inside a pod, the port tells containers apart.',
    },
    { name: picked.c.name, port, ports: ports.join(', ') },
  );
}

/**
 * Who accepts `curl HOST:PORT` run in `from`, as the sandbox's network decides it (`network.ts`):
 * the host resolves as the pod's resolver does (localhost is ::1 then 127.0.0.1, tried in turn),
 * and the first address that connects answers. null: every address refused.
 */
export function whoAnswers(
  sim: Sim,
  from: Pod,
  host: string,
  port: number,
): { pod: Pod; container: Container } | null {
  const cluster = { ...sim.cluster, now: CURL_NOW };
  const origin = { kind: 'pod' as const, pod: from };
  for (const address of resolveHost(origin, host) ?? []) {
    const connection = connect(cluster, origin, address, port);
    if (connection.kind === 'open') return { pod: connection.pod, container: connection.container };
    if (connection.kind !== 'refused') throw new Error(`curl family: ${host}:${port} is ${connection.kind}`);
  }
  return null;
}

const listening = (pod: Pod): number[] => pod.spec.containers.flatMap((_, i) => planProcess(pod, i).listens);

/** curl where the image ships it, else busybox's wget. */
function clientTool(c: Container): string | null {
  const binaries = findImage(c.image)?.binaries ?? [];
  if (binaries.includes('curl')) return 'curl -s';
  if (binaries.includes('wget')) return 'wget -qO-';
  return null;
}

const containerIn = (name: string, pod: string): Localized => ({
  ko: `${pod} 파드의 ${name}`,
  en: `${name} in pod ${pod}`,
});

function exhibit(pods: Pod[]): string {
  const rows = podTable(pods, CURL_NOW, { wide: true, withNamespace: false, keys: [], showLabels: false });
  const containers = pods.map(
    (p) =>
      `${p.metadata.name}: ${p.spec.containers
        .map((c) => {
          const ports = c.ports.map((port) => port.containerPort).join(',');
          const words = [...(c.command ?? []), ...(c.args ?? [])];
          const cmd =
            words.length === 0 ? '' : ` ${c.command === undefined ? 'args ' : ''}${words.join(' ')}`;
          return `${c.name} (${c.image}${cmd}${ports === '' ? '' : `, port ${ports}`})`;
        })
        .join(', ')}`,
  );
  return `$ kubectl get po -o wide\n${formatTable(rows)}\n\n${containers.join('\n')}`;
}

function explain(
  target: { pod: Pod; host: string },
  port: number,
  answerer: Container | null,
  from: Pod,
): Localized {
  const own = target.pod === from;
  const where = own
    ? target.host === 'localhost'
      ? {
          ko: 'localhost는 같은 파드의 네트워크 네임스페이스예요.',
          en: 'localhost is the pod’s own network namespace.',
        }
      : { ko: '{ip} 주소는 web 파드 자신의 IP예요.', en: '{ip} is the web pod’s own IP.' }
    : {
        ko: '{ip} 주소는 api 파드의 IP예요. 파드끼리는 NAT 없이 IP로 바로 통신해요.',
        en: '{ip} is the api pod’s IP; pods reach each other directly by IP, without NAT.',
      };
  const who =
    answerer === null
      ? {
          ko: '그 파드에서 {port} 포트를 리슨하는 컨테이너가 없어서 Connection refused예요.',
          en: 'No container of that pod listens on port {port}, so the connection is refused.',
        }
      : {
          ko: '그 파드에서 {port} 포트를 리슨하는 건 {name} 컨테이너라서, {name} 컨테이너가 응답해요.',
          en: 'In that pod, {name} listens on port {port}, so {name} answers.',
        };
  return joinLines([say(where, { ip: target.host }), say(who, { port, name: answerer?.name ?? '' })]);
}
