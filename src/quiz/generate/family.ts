import type { Concept } from '../concepts.ts';
import type { Question } from '../question.ts';

/**
 * A family of generated questions. `generate(seed)` is deterministic: the question's id is
 * `gen:NAME:SEED`, so storing the id is enough to show the same question again after a restart.
 * Its answer comes from the simulator (selector matcher, scheduler, process model), never from
 * the family's own reasoning; the tests re-prove it through kubectl.
 */
export interface Family {
  name: string;
  /** The bank topic it is served with. */
  topic: string;
  /** The concepts of the notes its questions teach; the first is each question's `concept`. */
  concepts: readonly [Concept, ...Concept[]];
  generate(seed: string): Question;
}

export const generatedId = (family: string, seed: string) => `gen:${family}:${seed}`;

/** `gen:FAMILY:SEED` → its parts, or null for a bank id. */
export function parseGeneratedId(id: string): { family: string; seed: string } | null {
  const match = /^gen:([a-z-]+):([\w-]{1,64})$/.exec(id);
  return match === null ? null : { family: match[1] ?? '', seed: match[2] ?? '' };
}
