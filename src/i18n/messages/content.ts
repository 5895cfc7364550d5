import type { Messages } from '../catalogue.ts';

/** Teaching content (#14): lab facts and quiz feedback sentences added in the second edition. */
export const contentMessages = {
  'lab.fact.localhostAny': {
    en: 'in `{pod}`, a container listens on localhost:{port} and another running container of the pod reaches it there',
    ko: '`{pod}` 안에서 한 컨테이너가 localhost:{port}{을/를} 리슨하고, 같은 파드의 실행 중인 다른 컨테이너가 거기로 접속할 수 있음',
  },
  'lab.fact.localhostFound': {
    en: 'localhost:{port} is served by {server}; other running containers: {clients} ({states})',
    ko: 'localhost:{port}{을/를} 받는 컨테이너: {server}; 실행 중인 다른 컨테이너: {clients} ({states})',
  },
  'lab.fact.ran': {
    en: 'you ran `{command}` since starting the lab',
    ko: '실습을 시작한 뒤 `{command}`{을/를} 실행함',
  },
  'lab.fact.noGet': {
    en: 'no `kubectl get` command run since the lab started',
    ko: '실습 시작 뒤 실행한 `kubectl get` 명령이 없음',
  },
  'lab.fact.notRan': {
    en: 'not run yet: `kubectl get` ran {count:time|times} since the lab started, the last `{last}`',
    ko: '아직 실행하지 않음: 실습 시작 뒤 `kubectl get`을 {count}번 실행, 마지막은 `{last}`',
  },
  'lab.fact.noLogs': {
    en: 'no `kubectl logs` command ran without error since the lab started',
    ko: '실습 시작 뒤 오류 없이 실행된 `kubectl logs` 명령이 없음',
  },
  'lab.fact.lastLogs': {
    en: 'not yet; the last `kubectl logs` was `{last}`',
    ko: '아직 아님; 마지막 `kubectl logs`는 `{last}`',
  },
  'quiz.answer.selectorLetter': {
    en: '“{letter}” looks like a choice letter, but this question wants a selector: write it as you would after `-l`, e.g. `/quiz answer app=web,env!=prod` (or `-l …`, `--selector=…`, `kubectl get po -l …`).',
    ko: '“{letter}”{은/는} 보기 글자 같은데, 이 문제는 셀렉터를 원해요: `-l` 뒤에 쓰듯이 써 주세요. 예: `/quiz answer app=web,env!=prod` (`-l …`, `--selector=…`, `kubectl get po -l …`도 돼요).',
  },
  'quiz.feedback.missed': {
    en: 'You missed: {choices} (right, but not picked).',
    ko: '놓친 보기: {choices} (맞는데 고르지 않았어요).',
  },
  'quiz.feedback.pickedWrong': {
    en: 'Picked wrongly: {choices}.',
    ko: '잘못 고른 보기: {choices}.',
  },
  'quiz.hint.command': {
    en: 'Answer with a kubectl command: `/quiz answer kubectl …`. It runs in a scratch copy of this sandbox.',
    ko: 'kubectl 명령으로 답하세요: `/quiz answer kubectl …`. 이 샌드박스의 임시 복사본에서 실행돼요.',
  },
  'quiz.answer.notCommand': {
    en: 'That is not a kubectl command I can run ({message}). Answer like `/quiz answer kubectl get po`.',
    ko: '실행할 수 있는 kubectl 명령이 아니에요 ({message}). `/quiz answer kubectl get po`처럼 답하세요.',
  },
  'quiz.feedback.commandState': {
    en: 'Any command that leaves the sandbox the same counts (other flags, `pod/NAME`, `--selector=`…).',
    ko: '샌드박스를 같은 상태로 만드는 명령이면 모두 맞아요 (다른 플래그, `pod/이름`, `--selector=` …).',
  },
  'quiz.feedback.commandOutput': {
    en: 'Any command that prints the same counts (other flags, `--selector=`, `-L a -L b`…).',
    ko: '같은 출력을 내는 명령이면 모두 맞아요 (다른 플래그, `--selector=`, `-L a -L b` …).',
  },
  'quiz.feedback.commandPrinted': {
    en: 'kubectl printed: {printed}',
    ko: 'kubectl 출력: {printed}',
  },
} as const satisfies Messages;
