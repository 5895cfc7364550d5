import { parseSelector, type Selector } from '../cluster/labels/selector.ts';
import type { Cluster, CreatedVia } from '../cluster/model.ts';
import { ok } from '../result.ts';
import { ranGet, ranLogs } from './check-commands.ts';
import {
  localhostReach,
  podReaches,
  portForwardOpen,
  servedFromPod,
  servedThroughForward,
} from './check-network.ts';
import {
  containerCount,
  containerImage,
  containerPort,
  namespaceEmpty,
  namespaceExists,
  podAbsent,
  podAnnotations,
  podCreatedVia,
  podLabels,
  podNodeSelector,
  podOnNode,
  podRunning,
  type Scope,
  selectorMatches,
} from './check-pods.ts';
import type { LoggedCommand } from './command-log.ts';
import {
  type At,
  bilingual,
  type Decoded,
  type Decoder,
  entries,
  here,
  int,
  isTrue,
  labelMap,
  list,
  namespaceName,
  type ObjectOf,
  object,
  oneOf,
  podName,
  problem,
  stringMap,
  text,
} from './decode.ts';
import type { CheckResult, LabCheck } from './model.ts';

/**
 * Lab checks are data: a `kind` and its parameters in the lab file, read by this small table.
 * Each kind names its fields (so a typo in a lab file is refused at start-up with its line) and a
 * pure predicate over the loaded sandbox. Binding the parameters at load time leaves each check a
 * plain `(cluster) => { passed, expected, actual }`.
 */
type Shape = Record<string, Decoder<unknown>>;

type Evaluate = (cluster: Cluster, commands: readonly LoggedCommand[]) => CheckResult;

interface CheckKind {
  fields: readonly string[];
  bind(node: unknown, at: At, scope: Scope): Decoded<Evaluate>;
}

function kind<R extends Shape, O extends Shape>(
  required: R,
  optional: O,
  evaluate: (
    cluster: Cluster,
    params: NoInfer<Scope & ObjectOf<R, O>>,
    commands: readonly LoggedCommand[],
  ) => CheckResult,
  validate: (params: NoInfer<ObjectOf<R, O>>) => string | null = () => null,
): CheckKind {
  const decode = object(required, optional, COMMON_FIELDS);
  return {
    fields: [...Object.keys(required), ...Object.keys(optional)],
    bind(node, at, scope) {
      const params = decode(node, at);
      if (!params.ok) return params;
      const invalid = validate(params.value);
      if (invalid !== null) return problem(here(node, at), invalid);
      const bound = { ...params.value, ...scope };
      return ok((cluster: Cluster, commands: readonly LoggedCommand[]) => evaluate(cluster, bound, commands));
    },
  };
}

/** A selector as written in the lab file, parsed now so a bad one is refused at start-up. */
const selectorText: Decoder<{ text: string; selector: Selector }> = (node, at) => {
  const written = text(node, at);
  if (!written.ok) return written;
  const parsed = parseSelector(written.value.trim());
  if (!parsed.ok) return problem(here(node, at), `column ${parsed.error.column}: ${parsed.error.message}`);
  return ok({ text: written.value.trim(), selector: parsed.value });
};

// Decoders are named constants: a generic call written inline in `kind(...)` defeats inference.
const port = int(1, 65535);
const VIA: readonly CreatedVia[] = ['run', 'create', 'apply'];
const vias = list(oneOf(VIA), 1);
const containers = int(1, 10);
const podCount = int(0, 100);
const podNames = list(podName);
const labels = labelMap();
const labelsOrAbsent = labelMap({ allowNull: true });
const none = {};
const outputs = list(oneOf(['yaml', 'json'] as const), 1);
const labelKeys = list(text, 1);
const COMMON_FIELDS = ['id', 'title', 'kind', 'namespace'];

export const CHECK_KINDS: Readonly<Record<string, CheckKind>> = {
  podCreatedVia: kind({ pod: podName, via: vias }, none, podCreatedVia),
  podRunning: kind({ pod: podName }, none, podRunning),
  containerCount: kind({ pod: podName, count: containers }, none, containerCount),
  containerPort: kind({ pod: podName, port }, none, containerPort),
  containerImage: kind({ pod: podName, image: text }, none, containerImage),
  podLabels: kind({ pod: podName, labels: labelsOrAbsent }, none, podLabels),
  podAnnotations: kind({ pod: podName, annotations: stringMap }, none, podAnnotations),
  podNodeSelector: kind({ pod: podName, labels }, none, podNodeSelector),
  podOnNode: kind({ pod: podName, nodeLabels: labels }, none, podOnNode),
  podAbsent: kind({ pod: podName }, none, podAbsent),
  selectorMatches: kind(
    { selector: selectorText },
    { pods: podNames, count: podCount },
    (cluster, p) => selectorMatches(cluster, { ...p, selector: p.selector.selector, text: p.selector.text }),
    (p) => ((p.pods === undefined) === (p.count === undefined) ? 'give either `pods` or `count`' : null),
  ),
  namespaceExists: kind(none, none, namespaceExists),
  namespaceEmpty: kind(none, none, namespaceEmpty),
  localhostReach: kind({ pod: podName, port }, none, localhostReach),
  podReaches: kind({ from: podName, to: podName, port }, none, podReaches),
  servedFromPod: kind({ pod: podName, from: podName }, none, servedFromPod),
  servedThroughForward: kind({ pod: podName }, none, servedThroughForward),
  portForwardOpen: kind({ pod: podName, localPort: port, podPort: port }, none, portForwardOpen),
  ranLogs: kind({ pod: podName }, { container: text, previous: isTrue }, ranLogs),
  ranGet: kind({ pod: podName }, { output: outputs, labelColumns: labelKeys }, ranGet, (p) =>
    p.output === undefined && p.labelColumns === undefined ? 'give `output` or `labelColumns`' : null,
  ),
};

const checkId: Decoder<string> = (node, at) => {
  const id = text(node, at);
  if (!id.ok || /^[a-z0-9][a-z0-9-]*$/.test(id.value)) return id;
  return problem(here(node, at), 'use lowercase letters, digits and dashes');
};

/** One entry of a lab's `checks:` list: the common fields, then the kind's own. */
export function decodeCheck(node: unknown, at: At, labNamespace: string): Decoded<LabCheck> {
  const found = entries(node, at);
  if (!found.ok) return found;
  const kindKeys = Object.values(CHECK_KINDS).flatMap((k) => k.fields);
  const head = object(
    { id: checkId, title: bilingual, kind: text },
    { namespace: namespaceName },
    kindKeys,
  )(node, at);
  if (!head.ok) return head;
  const chosen = CHECK_KINDS[head.value.kind];
  const kindAt = found.value.find((e) => e.key === 'kind')?.at ?? at;
  if (chosen === undefined || !Object.hasOwn(CHECK_KINDS, head.value.kind)) {
    return problem(
      kindAt,
      `unknown check kind "${head.value.kind}" (known: ${Object.keys(CHECK_KINDS).join(', ')})`,
    );
  }
  const bound = chosen.bind(node, at, { namespace: head.value.namespace ?? labNamespace });
  if (!bound.ok) return bound;
  return ok({ id: head.value.id, title: head.value.title, kind: head.value.kind, evaluate: bound.value });
}

/** Every check of a lab against one loaded sandbox and the commands run, in the lab's order. */
export const evaluateChecks = (
  checks: readonly LabCheck[],
  cluster: Cluster,
  commands: readonly LoggedCommand[],
) => checks.map((check) => ({ check, result: check.evaluate(cluster, commands) }));
