import { podStatus } from '../../cluster/lifecycle.ts';
import { containerLog } from '../../cluster/logs.ts';
import type { Pod } from '../../cluster/model.ts';
import { podTable } from '../../kubectl/printers/pods.ts';
import { formatTable } from '../../kubectl/printers/table.ts';
import type { ChoiceSpec, Localized, Question } from '../question.ts';
import { createRandom, letter } from '../random.ts';
import { type Family, generatedId } from './family.ts';
import { addPod, container, GEN_NOW, type Sim, say, simCluster } from './sim.ts';

/**
 * (f) "What does `kubectl logs` print now?" after a restart, with `--previous`, or after the pod
 * was deleted. The answer is what the kubelet's log model (`logs.ts`) gives for that container at
 * that moment: the current run's file, the run before it, a refusal, or no pod at all.
 */
export const LOGS_NOW = GEN_NOW + 90_000;
const WORDS = ['ready', 'hello', 'booted', 'started', 'up'];

type Case = 'current' | 'previous' | 'noPrevious' | 'deleted';
type Outcome = 'thisRun' | 'runBefore' | 'noPreviousError' | 'notFound' | 'nothing';

export const logsAfter: Family = {
  name: 'logs-after',
  topic: 'logs',
  concepts: [10, 2],
  generate: (seed) => logsAfterScenario(seed).question,
};

export interface LogsScenario {
  question: Question;
  sim: Sim;
  pod: Pod;
  /** The commands that led here and the one asked about (replayed by the tests). */
  command: string;
  deleted: boolean;
}

export function logsAfterScenario(seed: string): LogsScenario {
  const random = createRandom(`logs-after:${seed}`);
  const word = random.pick(WORDS);
  const which = random.pick<Case>(['current', 'previous', 'noPrevious', 'deleted']);
  const crashes = which === 'current' || which === 'previous' || (which === 'deleted' && random.chance(0.5));
  const script = crashes ? `echo ${word}; sleep 5; exit 1` : `echo ${word}; sleep 3600`;
  const sim = simCluster(seed);
  const pod = addPod(sim, {
    name: 'app',
    containers: [container('app', 'busybox', ['sh', '-c', script])],
  });
  const previous = which === 'previous' || which === 'noPrevious';
  const command = `kubectl logs app${previous ? ' --previous' : ''}`;
  const deleted = which === 'deleted';
  const outcome = outcomeOf(deleted ? null : pod, previous);
  const outcomes: Outcome[] = ['thisRun', 'runBefore', 'noPreviousError', 'notFound', 'nothing'];
  const choices: ChoiceSpec[] = outcomes.map((o, i) => ({
    id: letter(i),
    text: say(OUTCOME_TEXT[o], { word }),
    ...(o === outcome ? {} : { misconception: MISCONCEPTION[o] }),
  }));
  const table = formatTable(
    podTable([pod], LOGS_NOW, { wide: false, withNamespace: false, keys: [], showLabels: false }),
  );
  const exhibit = [
    `# app runs: sh -c "${script}"`,
    '$ kubectl get po app',
    table,
    ...(deleted ? ['$ kubectl delete po app', 'pod "app" deleted from default namespace'] : []),
    `$ ${command}`,
  ].join('\n');
  const question: Question = {
    id: generatedId('logs-after', seed),
    kind: 'single',
    concept: 10,
    topic: 'logs',
    section: '파드 정의하기',
    prompt: say(
      { ko: '이 상황에서 `{command}`는 무엇을 보여주나요?', en: 'Here, what does `{command}` show?' },
      { command },
    ),
    exhibit,
    choices,
    answer: letter(outcomes.indexOf(outcome)),
    explanation: EXPLAIN[outcome],
  };
  return { question, sim, pod, command, deleted };
}

/** What the kubelet's log model gives: null pod = deleted. */
function outcomeOf(pod: Pod | null, previous: boolean): Outcome {
  if (pod === null) return 'notFound';
  const log = containerLog(pod, 0, LOGS_NOW, previous);
  if (!log.ok) return previous ? 'noPreviousError' : 'nothing';
  if (log.lines.length === 0) return 'nothing';
  const restarts = podStatus(pod, LOGS_NOW).containers[0]?.restartCount ?? 0;
  return previous && restarts > 0 ? 'runBefore' : 'thisRun';
}

const OUTCOME_TEXT: Record<Outcome, Localized> = {
  thisRun: { ko: '`{word}`: 지금(마지막) 실행의 로그', en: '`{word}`: the log of the current (latest) run' },
  runBefore: {
    ko: '`{word}`: 재시작 직전 실행의 로그',
    en: '`{word}`: the log of the run before the restart',
  },
  noPreviousError: {
    ko: '오류: 이전에 종료된 컨테이너가 없어요 (previous ... not found)',
    en: 'An error: no previous terminated container (not found)',
  },
  notFound: { ko: '오류: 파드 `app`이 없어요 (NotFound)', en: 'An error: pod `app` not found (NotFound)' },
  nothing: { ko: '아무것도 안 나와요: 재시작이 로그를 지웠어요', en: 'Nothing: the restart wiped the log' },
};

const MISCONCEPTION: Record<Outcome, Localized> = {
  thisRun: {
    ko: '`--previous`를 놓쳤거나 파드가 아직 있다고 생각했을 수 있어요. 명령과 상황을 다시 보세요.',
    en: 'You may have missed `--previous`, or be assuming the pod is still there: look at the command and state again.',
  },
  runBefore: {
    ko: '`kubectl logs`가 이전 실행까지 보여준다고 생각했을 수 있어요. `--previous` 없이는 지금 실행의 로그만 보여요. 이전 실행이 없으면 `--previous`도 오류예요.',
    en: 'You may be assuming `kubectl logs` shows earlier runs. Without `--previous` it shows the current run only, and with no earlier run `--previous` fails.',
  },
  noPreviousError: {
    ko: '재시작한 적이 없다고 생각했을 수 있어요. RESTARTS를 보세요. 재시작했다면 바로 전 실행의 로그가 남아 있어요.',
    en: 'You may be assuming it never restarted: check RESTARTS. After a restart the run before it is kept.',
  },
  notFound: {
    ko: '파드가 지워졌다고 생각했을 수 있어요. 파드는 아직 있어요. 로그가 사라지는 건 파드가 지워질 때예요.',
    en: 'You may be assuming the pod is gone. It is still there; logs go when the pod is deleted.',
  },
  nothing: {
    ko: '재시작하면 로그가 지워진다고 생각했을 수 있어요. 새 실행은 새 로그 파일에 쓰고, 바로 전 실행의 파일은 `--previous`로 볼 수 있어요. 파드가 지워지면 모두 사라져요.',
    en: 'You may be assuming a restart wipes the log. A new run writes a new file and the one before stays for `--previous`; all of it goes with the pod.',
  },
};

const EXPLAIN: Record<Outcome, Localized> = {
  thisRun: {
    ko: '`kubectl logs`는 컨테이너의 지금(마지막) 실행의 로그 파일을 읽어요. 같은 명령을 다시 실행하는 컨테이너라면 줄도 같아요.',
    en: '`kubectl logs` reads the log file of the container’s current (latest) run; a container that reruns the same command prints the same lines.',
  },
  runBefore: {
    ko: '컨테이너가 재시작하면 kubelet은 새 실행의 로그를 새 파일에 쓰고, 바로 전 실행의 파일을 남겨 둬요. `--previous`가 그 파일을 읽어요.',
    en: 'When a container restarts, the kubelet writes the new run to a new file and keeps the one before; `--previous` reads that file.',
  },
  noPreviousError: {
    ko: 'RESTARTS가 0이면 이전 실행이 없어서 `--previous`는 `previous terminated container "app" in pod "app" not found` 오류를 내요.',
    en: 'With RESTARTS 0 there is no earlier run, so `--previous` fails: `previous terminated container "app" in pod "app" not found`.',
  },
  notFound: {
    ko: '로그는 파드가 돌던 노드의 파일이라 파드를 지우면 함께 사라져요. 그래서 중앙집중식 로깅이 필요해요.',
    en: 'Logs are files on the pod’s node and go with the pod when it is deleted: hence central logging.',
  },
  nothing: {
    ko: '이 컨테이너는 아직 아무것도 찍지 않았어요.',
    en: 'This container has printed nothing yet.',
  },
};
