import type { Cluster, Labels } from '../cluster/model.ts';
import type { MessageKey, Params } from '../i18n/catalogue.ts';
import type { Concept } from '../quiz/concepts.ts';
import type { LoggedCommand } from './command-log.ts';
import type { Bilingual } from './decode.ts';

/**
 * A lab as read from `quizzes/labs/*.yaml`: a story, steps and hints for the member, the state it
 * starts from (seed), the checks that grade the member's sandbox, and the routes the tests replay
 * (reference solutions that must pass every check, known-wrong states that must fail exactly the
 * checks they name).
 */
export interface Lab {
  id: string;
  /** The file it came from, for error messages. */
  file: string;
  title: Bilingual;
  story: Bilingual;
  /** The heading of the course notes this lab walks. */
  section: string;
  /** The concepts of the notes it practises (`src/quiz/concepts.ts`). */
  concepts: Concept[];
  /** Where the lab's pods live; checks look here unless they name another namespace. */
  namespace: string;
  seed: SeedPod[];
  steps: Bilingual[];
  hints: Bilingual[];
  checks: LabCheck[];
  solutions: Route[];
  wrong: WrongRoute[];
}

/** A pod the lab places in its namespace when it starts, made as `kubectl create -f` would. */
export interface SeedPod {
  name: string;
  labels: Labels;
  annotations: Labels;
  containers: SeedContainer[];
  nodeSelector: Labels;
}

export interface SeedContainer {
  name: string;
  image: string;
  ports: number[];
  command?: string[];
}

/** One sentence with its data, rendered in the member's language by the catalogue. */
export interface Fact {
  key: FactKey;
  params: Params;
}

export type FactKey = Extract<MessageKey, `lab.fact.${string}`>;

export interface CheckResult {
  passed: boolean;
  expected: Fact;
  actual: Fact;
}

export interface LabCheck {
  id: string;
  title: Bilingual;
  kind: string;
  /**
   * The check's predicate, bound to its parameters at load time; pure over the cluster and the
   * kubectl commands the member ran since starting the lab (for steps that change no state).
   */
  evaluate(cluster: Cluster, commands: readonly LoggedCommand[]): CheckResult;
}

/** A replayed chat message, or a pause that lets the sandbox clock run. */
export type RouteStep = { say: string; expectError: boolean } | { advanceMs: number };

export interface Route {
  name: string;
  steps: RouteStep[];
}

export interface WrongRoute extends Route {
  /** Exactly the checks this state must fail. */
  fails: string[];
}
