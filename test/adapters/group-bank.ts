import type { Bank } from '../../src/quiz/banks.ts';
import { parseBank } from '../../src/quiz/banks.ts';

/**
 * Two known questions for the study-group tests on both platforms: a single choice whose wrong
 * option carries a misconception, and a multi-select with a key of two (so one right pick earns
 * partial credit) whose wrong option carries one too.
 */
export const GROUP_BANK_YAML = `topic: group
title: { ko: "그룹", en: "Group" }
questions:
  - id: grp-001
    kind: single
    section: "파드와 레이블(label)"
    prompt: { ko: "레이블은 어디에?", en: "Where do labels go?" }
    choices:
      - { id: A, ko: "spec.labels", en: "spec.labels", misconception: { ko: "spec이라고 생각했을 수 있어요.", en: "You may be assuming spec." } }
      - { id: B, ko: "metadata.labels", en: "metadata.labels" }
    answer: B
    explanation: { ko: "metadata 아래.", en: "Under metadata." }
    concept: labels
  - id: grp-002
    kind: multi
    section: "파드와 어노테이션"
    prompt: { ko: "어노테이션을 보는 방법은?", en: "Where can you see annotations?" }
    choices:
      - { id: A, ko: "describe", en: "describe" }
      - { id: B, ko: "get -o yaml", en: "get -o yaml" }
      - { id: C, ko: "get --show-labels", en: "get --show-labels", misconception: { ko: "레이블과 같다고 생각했을 수 있어요.", en: "You may be assuming annotations are labels." } }
    answer: [A, B]
    explanation: { ko: "describe와 -o yaml.", en: "describe and -o yaml." }
    concept: labels
`;

export const GROUP_BANK: Bank = (() => {
  const parsed = parseBank(GROUP_BANK_YAML, 'group.yaml', 'group');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value;
})();
