import type { Pod } from '../../cluster/model.ts';
import { connect } from '../../cluster/network.ts';
import type { ChoiceSpec, Localized, Question } from '../question.ts';
import { createRandom, letter } from '../random.ts';
import { type Family, generatedId } from './family.ts';
import { addPod, container, GEN_NOW, type Sim, say, simCluster } from './sim.ts';

/**
 * (e) "`kubectl port-forward web A:B`, then `curl localhost:C` on your machine: what happens?"
 * The local port comes first, the pod's second (the notes' 8888:8080). The answer is what the
 * sandbox's network says for a connection from the member's machine (`network.ts`: the machine's
 * loopback reaches the pod only through an open forward, and the pod answers only on a bound port).
 */
export const FORWARD_NOW = GEN_NOW + 2 * 60_000;
const SERVERS = [
  { image: 'nginx', port: 80 },
  { image: 'luksa/kubia', port: 8080 },
] as const;

type Outcome = 'answers' | 'empty' | 'refused';

export const portForward: Family = {
  name: 'port-forward',
  topic: 'port-forward',
  concepts: [11, 4],
  generate: (seed) => portForwardScenario(seed).question,
};

export interface ForwardScenario {
  question: Question;
  sim: Sim;
  pod: Pod;
  local: number;
  remote: number;
  curl: number;
}

export function portForwardScenario(seed: string): ForwardScenario {
  const random = createRandom(`port-forward:${seed}`);
  const server = random.pick(SERVERS);
  const other = server.port === 80 ? 8080 : 80;
  const sim = simCluster(seed);
  const pod = addPod(sim, { name: 'web', containers: [container('web', server.image)] });
  const local = random.pick([8888, 9000, 8080, 80].filter((p) => p !== server.port || random.chance(0.3)));
  const remote = random.chance(0.7) ? server.port : other;
  // Curl the local port most of the time; otherwise the pod's port, as if the forward went the other way.
  const curl = random.chance(0.6)
    ? local
    : random.pick([remote, server.port, 9090].filter((p) => p !== local));
  const cluster = {
    ...sim.cluster,
    now: FORWARD_NOW,
    forwards: [
      { localPort: local, namespace: 'default', pod: 'web', podUid: pod.metadata.uid, podPort: remote },
    ],
  };
  const connection = connect(cluster, { kind: 'machine' }, '127.0.0.1', curl);
  const outcome: Outcome =
    connection.kind === 'open' ? 'answers' : connection.kind === 'dropped' ? 'empty' : 'refused';
  const outcomes: Outcome[] = ['answers', 'empty', 'refused'];
  const choices: ChoiceSpec[] = outcomes.map((o, i) => ({
    id: letter(i),
    text: OUTCOME_TEXT[o],
    ...(o === outcome
      ? {}
      : { misconception: misconception(o, { local, remote, curl, listens: server.port }) }),
  }));
  const question: Question = {
    id: generatedId('port-forward', seed),
    kind: 'single',
    concept: 11,
    topic: 'port-forward',
    section: '파드 정의하기',
    prompt: say(
      {
        ko: '파드 `web`({image})은 {listens} 포트를 리슨해요. 내 컴퓨터에서 `kubectl port-forward web {local}:{remote}`를 실행해 둔 채 `curl localhost:{curl}`을 하면 어떻게 되나요?',
        en: 'Pod `web` ({image}) listens on port {listens}. With `kubectl port-forward web {local}:{remote}` running on your machine, what does `curl localhost:{curl}` there do?',
      },
      { image: server.image, listens: server.port, local, remote, curl },
    ),
    exhibit: `$ kubectl port-forward web ${local}:${remote}\nForwarding from 127.0.0.1:${local} -> ${remote}\nForwarding from [::1]:${local} -> ${remote}`,
    choices,
    answer: letter(outcomes.indexOf(outcome)),
    explanation: explain(outcome, { local, remote, curl, listens: server.port }),
  };
  return { question, sim, pod, local, remote, curl };
}

const OUTCOME_TEXT: Record<Outcome, Localized> = {
  answers: { ko: '`web` 컨테이너가 HTTP로 응답해요', en: 'The `web` container answers over HTTP' },
  empty: {
    ko: '연결은 되지만 빈 응답: 파드 안에서 그 포트가 거부돼요',
    en: 'It connects but gets an empty reply: refused inside the pod',
  },
  refused: {
    ko: '연결 실패: 내 컴퓨터의 그 포트에서 아무도 리슨하지 않아요',
    en: 'Connection refused: nothing listens on that port of your machine',
  },
};

type Ports = { local: number; remote: number; curl: number; listens: number };

function misconception(wrong: Outcome, p: Ports): Localized {
  if (wrong === 'answers' && p.curl !== p.local)
    return say(
      {
        ko: '포워딩 방향을 거꾸로 생각했을 수 있어요. `{local}:{remote}`에서 앞의 {local}이 내 컴퓨터의 포트예요. localhost:{curl}에는 포워딩이 없어요.',
        en: 'You may have the direction reversed: in `{local}:{remote}` the first port, {local}, is on your machine. Nothing forwards localhost:{curl}.',
      },
      p,
    );
  if (wrong === 'answers')
    return say(
      {
        ko: '포워딩만 열리면 응답한다고 생각했을 수 있어요. 파드는 {listens} 포트를 리슨하는데, 포워딩은 파드의 {remote} 포트로 가요.',
        en: 'You may be assuming an open forward always answers. The pod listens on {listens}, but the forward goes to its port {remote}.',
      },
      p,
    );
  if (wrong === 'refused' && p.curl === p.local)
    return say(
      {
        ko: '로컬 포트를 헷갈렸을 수 있어요. kubectl이 내 컴퓨터의 {local} 포트를 리슨하고 있으니 연결은 돼요.',
        en: 'You may be mixing up the ports: kubectl listens on port {local} of your machine, so the connection is made.',
      },
      p,
    );
  if (wrong === 'empty' && p.curl !== p.local)
    return say(
      {
        ko: '포워딩이 어느 포트에나 적용된다고 생각했을 수 있어요. 내 컴퓨터에서 열린 건 {local} 포트뿐이에요.',
        en: 'You may be assuming the forward covers any port. Only port {local} is open on your machine.',
      },
      p,
    );
  return say(
    {
      ko: '파드 쪽 포트가 틀렸다고 생각했을 수 있어요. 포워딩은 파드의 {remote} 포트로 가고, 파드는 바로 그 포트를 리슨해요.',
      en: 'You may be assuming the pod-side port is wrong. The forward goes to the pod’s port {remote}, which is the port it listens on.',
    },
    p,
  );
}

function explain(outcome: Outcome, p: Ports): Localized {
  const base = say(
    {
      ko: '`kubectl port-forward web {local}:{remote}`는 내 컴퓨터의 {local} 포트를 파드의 {remote} 포트로 이어요 (앞이 로컬, 뒤가 파드).',
      en: '`kubectl port-forward web {local}:{remote}` joins port {local} of your machine to port {remote} of the pod (local first, pod second).',
    },
    p,
  );
  const why: Record<Outcome, Localized> = {
    answers: { ko: '파드가 그 포트를 리슨하니 응답이 와요.', en: 'The pod listens there, so it answers.' },
    empty: {
      ko: '연결은 kubectl이 받지만, 파드 안에서 {remote} 포트는 아무도 리슨하지 않아 거부돼요. curl은 빈 응답을 받고 kubectl은 오류를 찍어요.',
      en: 'kubectl accepts the connection, but inside the pod nothing listens on {remote}: curl gets an empty reply and kubectl logs an error.',
    },
    refused: {
      ko: '내 컴퓨터의 {curl} 포트에는 아무것도 없어서 연결이 거부돼요.',
      en: 'Nothing listens on port {curl} of your machine, so the connection is refused.',
    },
  };
  const tail = say(why[outcome], p);
  return { ko: `${base.ko}\n${tail.ko}`, en: `${base.en}\n${tail.en}` };
}
