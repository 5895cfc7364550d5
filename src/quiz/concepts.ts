import type { Localized } from './question.ts';

/**
 * The 17 concepts of the course notes (`pods-study-notes.ko.md`), numbered as issue #14 lists them,
 * and the few named extras for questions about the notes' framing rather than one concept. Every
 * question, family and lab names its concept, so coverage can be counted (`npm run banks`).
 */
export const CONCEPTS = {
  1: { ko: '컨테이너 하나에 프로세스 하나', en: 'One process per container' },
  2: {
    ko: '한 컨테이너에 여러 프로세스를 넣으면 생기는 문제: 재시작과 로그 구분',
    en: 'Why many processes in one container hurt: restarts and telling logs apart',
  },
  3: {
    ko: '파드의 컨테이너는 localhost, IP, 포트 공간을 공유하니 포트가 달라야 해요',
    en: 'Containers of a pod share localhost, IP and port space, so ports must differ',
  },
  4: {
    ko: '파드끼리는 NAT 없는 플랫 네트워크에서 IP로 통신',
    en: 'Pods reach each other by IP on a flat network without NAT',
  },
  5: { ko: '파드는 가벼우니 계층을 여러 파드로 나누기', en: 'Pods are light: split tiers into pods' },
  6: { ko: '사이드카 컨테이너', en: 'Sidecars' },
  7: { ko: '따로 스케일링하려면 파드를 나누기', en: 'Scaling separately means separate pods' },
  8: {
    ko: '`kubectl run`은 제한적이고 YAML은 버전 관리된다, `create -f`',
    en: '`kubectl run` is limited, YAML is versionable, `create -f`',
  },
  9: {
    ko: '`get po NAME -o yaml`과 서버가 채우는 필드',
    en: '`get po NAME -o yaml` and what the server fills in',
  },
  10: {
    ko: '로그는 순환되고 파드와 함께 사라지니 중앙집중식 로깅',
    en: 'Logs rotate and die with the pod, hence central logging',
  },
  11: { ko: '`port-forward 8888:8080`의 방향', en: 'The direction of `port-forward 8888:8080`' },
  12: { ko: '`-L`은 열을 더할 뿐 걸러내지 않아요', en: '`-L` adds columns and does not filter' },
  13: { ko: '`label --overwrite`', en: '`label --overwrite`' },
  14: {
    ko: '레이블 셀렉터의 모든 형태, 키가 없는 파드도 고르는 `!=`/`notin`',
    en: 'Every selector form, and `!=`/`notin` matching pods without the key',
  },
  15: {
    ko: '노드 레이블과 `nodeSelector`는 노드가 아니라 요구 사항을 적어요',
    en: 'Node labels and `nodeSelector` state requirements, not nodes',
  },
  16: {
    ko: '어노테이션은 도구를 위한 것, `describe`로 보고 셀렉터로 못 골라요',
    en: 'Annotations are for tools, shown by `describe`, not selectable',
  },
  17: {
    ko: '이름, `-l`, `--all`로 삭제하기, `delete all --all`과 그 뒤에 남는 것',
    en: 'Delete by name(s), `-l`, `--all`, `delete all --all` and what survives it',
  },
} as const satisfies Record<number, Localized>;

/** Named extras: what a pod is (the notes' opening section), and label basics. */
export const EXTRA_CONCEPTS = {
  pod: { ko: '파드란 무엇인가: 논리적 호스트, 일시적', en: 'What a pod is: a logical host, ephemeral' },
  labels: {
    ko: '레이블의 기본: 어디에 쓰고 어떤 값이 되는지',
    en: 'Label basics: where they go and what values are valid',
  },
} as const satisfies Record<string, Localized>;

export type NumberedConcept = keyof typeof CONCEPTS;
export type Concept = NumberedConcept | keyof typeof EXTRA_CONCEPTS;

export const NUMBERED: readonly NumberedConcept[] = Object.keys(CONCEPTS).map(Number) as NumberedConcept[];
export const ALL_CONCEPTS: readonly Concept[] = [
  ...NUMBERED,
  ...(Object.keys(EXTRA_CONCEPTS) as (keyof typeof EXTRA_CONCEPTS)[]),
];

/** A concept as written in a bank or lab file (`3`, `pod`), or null when it names none. */
export function readConcept(value: unknown): Concept | null {
  return ALL_CONCEPTS.find((c) => c === value) ?? null;
}

export function conceptTitle(concept: Concept): Localized {
  return typeof concept === 'number' ? CONCEPTS[concept] : EXTRA_CONCEPTS[concept];
}
