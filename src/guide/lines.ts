import type { guideMessages } from '../i18n/messages/guide.ts';
import { selectorHint } from '../kubectl/selector-hint.ts';
import { unquotedJson } from './unquoted-json.ts';

/**
 * What the guide looks at: the command as typed and what kubectl (or curl) printed. It only
 * reads them; kubectl's output is shown unchanged above the guide line.
 */
export interface GuideInput {
  program: 'kubectl' | 'curl';
  /** The command line as typed, without the program name (its quotes are gone from `tokens`). */
  line: string;
  /** The command line split as the shell would, without the program name. */
  tokens: readonly string[];
  /** The first word that is not a global flag (`get`, `exec`), or '' for none. */
  verb: string;
  /** kubectl's output (its code blocks), as shown to the member. */
  output: string;
  ok: boolean;
}

export type GuideKey = keyof typeof guideMessages & `guide.line.${string}`;
export type GuideParams = Record<string, string>;

/**
 * One mistake beginners make in the notes' flow, and the sentence that answers it. An entry
 * matches when its program and verbs fit (an entry without verbs, or whose `output` starts with
 * kubectl's `error: `, reads failed commands only) and `output` matches kubectl's output (its named groups
 * fill the sentence); `when`, where a regex cannot say it, reads the input and returns the
 * sentence's values or null. Regexes are anchored to one line, no nested repetition: linear.
 */
export interface GuideEntry {
  id: string;
  program?: 'kubectl' | 'curl';
  verbs?: readonly string[];
  output?: RegExp;
  when?: (input: GuideInput, found: GuideParams) => GuideParams | null;
  say: GuideKey;
}

/**
 * A row of `get po`'s table (with `-A`, after the namespace) whose STATUS is one of `status`;
 * only a table is read (it starts with its header), never `-o yaml` or `-o json`.
 */
function podRow(status: string): (input: GuideInput) => GuideParams | null {
  const row = new RegExp(
    `^(?:[a-z0-9-]{1,63}[ \\t]+)?(?<pod>[a-z0-9][a-z0-9.-]{0,252})[ \\t]+\\d+/\\d+[ \\t]+(?:${status})[ \\t]`,
    'm',
  );
  // A table without any of the words cannot match: most are read without running the regex.
  const words = status.split('|');
  return (input) => {
    if (!/^NAME(?:SPACE)? /.test(input.output)) return null;
    if (!words.some((word) => input.output.includes(word))) return null;
    const pod = row.exec(input.output)?.groups?.pod;
    return pod === undefined ? null : { pod };
  };
}

/**
 * A row of `kubectl events`' table (with -A, after the namespace) about a pod whose message starts
 * with `message`, then `rest` (a pattern naming more of it); `-o yaml` or `json` never match.
 */
function eventRow(message: string, rest: string): (input: GuideInput) => GuideParams | null {
  const escaped = message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const row = new RegExp(
    `^(?:[a-z0-9-]{1,63} +)?\\S{1,16}(?: \\(x\\d{1,9} over \\S{1,16}\\))? +(?:Normal|Warning) +\\S{1,128} +Pod/(?<pod>[a-z0-9][a-z0-9.-]{0,252}) +${escaped}${rest}`,
    'm',
  );
  return (input) => {
    // Most outputs lack the message: read without running the regex.
    if (!input.output.includes(message)) return null;
    const found = row.exec(input.output)?.groups;
    return found?.pod === undefined ? null : { ...found };
  };
}

/** The entries, most specific first; a reply gets the first match only (one sentence, not a lecture). */
/** ValidatePodUpdate's refusal of a spec change, whichever verb sent it. */
const IMMUTABLE_SPEC =
  /^The Pod "(?<pod>[a-z0-9.-]{1,253})" is invalid: spec: Forbidden: pod updates may not change fields/m;

export const GUIDE_LINES: readonly GuideEntry[] = [
  {
    id: 'unquoted set-based selector split by the shell',
    when: (input) => selectorSplit(input, true),
    say: 'guide.line.selectorSet',
  },
  {
    id: '-l with a space inside',
    when: (input) => selectorSplit(input, false),
    say: 'guide.line.selectorSpace',
  },
  {
    // The shell took the JSON's double quotes: kubectl got `{metadata:...}`. The merge patch
    // library says only "Invalid JSON Patch", a client-side strategic patch "invalid JSON
    // document"; a JSON patch read as YAML has no `op`, which the server answers with a bare 422.
    id: 'unquoted JSON for -p or --overrides',
    output:
      /^(?:error: |Error from server \(BadRequest\): )(?:invalid character '[^\n]{1,8}' looking for beginning of object key string|Invalid JSON Patch|invalid JSON document)$|^The request is invalid: the server rejected our request due to an error in our request$/m,
    when: (input) => {
      const found = unquotedJson(input.verb, input.line);
      return found === null ? null : { given: found.given, fixed: `kubectl ${found.fixed}` };
    },
    say: 'guide.line.unquotedJson',
  },
  {
    id: 'kind: pod (case)',
    output: /no matches for kind "(?<kind>[A-Za-z]{1,63})" in version "v1"/,
    when: (_input, found) => {
      const kind = found.kind ?? '';
      return /^pods?$/i.test(kind) && kind !== 'Pod' ? { kind, fixed: 'Pod' } : null;
    },
    say: 'guide.line.kindCase',
  },
  {
    id: 'unquoted gpu: true in nodeSelector',
    output:
      /cannot unmarshal (?:bool|number) into Go struct field PodSpec\.spec\.nodeSelector of type string/,
    say: 'guide.line.nodeSelectorBool',
  },
  {
    id: 'unquoted label or annotation value',
    output:
      /cannot unmarshal (?:bool|number) into Go struct field ObjectMeta\.metadata\.(?:labels|annotations) of type string/,
    say: 'guide.line.labelNotString',
  },
  {
    id: 'containerPort: "8080"',
    output:
      /cannot unmarshal string into Go struct field ContainerPort\.spec\.containers\.ports\.containerPort/,
    say: 'guide.line.containerPortString',
  },
  {
    id: 'missing metadata.name',
    output: /^error: resource name may not be empty$/m,
    say: 'guide.line.missingName',
  },
  {
    id: 'YAML indentation',
    output:
      /error converting YAML to JSON: yaml: line (?<line>\d{1,6}): (?:mapping values are not allowed|did not find expected key|found character that cannot start any token|could not find expected ':')/,
    say: 'guide.line.yamlIndent',
  },
  {
    // go-yaml names no line when the mistake is on the first one.
    id: 'YAML indentation, first line',
    output:
      /error converting YAML to JSON: yaml: (?:mapping values are not allowed|did not find expected key|found character that cannot start any token|could not find expected ':')/,
    say: 'guide.line.yamlIndentFirst',
  },
  {
    // `replace` has its own way out: --force deletes and creates again.
    id: 'immutable pod spec, replace',
    verbs: ['replace'],
    output: IMMUTABLE_SPEC,
    when: (input, found) => {
      const at = input.tokens.indexOf(input.verb);
      if (at < 0 || input.tokens.some((t) => t === '--force' || t === '--force=true')) return null;
      const fixed = [...input.tokens.slice(0, at + 1), '--force', ...input.tokens.slice(at + 1)];
      return { ...found, fixed: `kubectl ${fixed.join(' ')}` };
    },
    say: 'guide.line.immutableReplace',
  },
  {
    id: 'immutable pod spec',
    output: IMMUTABLE_SPEC,
    say: 'guide.line.immutable',
  },
  {
    id: 'label without --overwrite',
    verbs: ['label'],
    output:
      /^error: '(?<key>[^'\n]{1,317})' already has a value \((?<old>[^)\n]{0,63})\), and --overwrite is false$/m,
    when: (input, found) => ({ ...found, fixed: `kubectl ${[...input.tokens, '--overwrite'].join(' ')}` }),
    say: 'guide.line.labelOverwrite',
  },
  {
    id: 'exec without --',
    verbs: ['exec'],
    output: /^error: exec \[POD\] \[COMMAND\] is not supported anymore/m,
    when: (input) => execWithDashes(input.tokens),
    say: 'guide.line.execDashes',
  },
  {
    id: 'delete po -all',
    output: /^error: unknown shorthand flag: 'a' in -all$/m,
    when: (input) => ({
      fixed: `kubectl ${input.tokens.map((t) => (t === '-all' ? '--all' : t)).join(' ')}`,
    }),
    say: 'guide.line.dashAll',
  },
  {
    id: 'top without metrics-server',
    verbs: ['top'],
    output: /^error: Metrics API not available$/m,
    say: 'guide.line.noMetrics',
  },
  {
    id: 'create -f FILE not saved',
    verbs: ['create', 'apply', 'replace', 'delete', 'get', 'describe'],
    output: /^error: the path "(?<file>[^"\n]{1,128})" does not exist$/m,
    say: 'guide.line.fileMissing',
  },
  {
    id: 'apply -f - without a manifest',
    output: /^error: no objects passed to (?<verb>apply|create|replace)$/m,
    say: 'guide.line.noObjects',
  },
  {
    id: 'ImagePullBackOff in the events',
    verbs: ['describe'],
    when: (input) =>
      inDescribed(
        input.output,
        'Failed to pull image "',
        /Failed to pull image "(?<image>[^"\n]{1,255})"/,
        () => ({}),
      ),
    say: 'guide.line.imagePullEvents',
  },
  {
    id: 'image pull failure in kubectl events',
    verbs: ['events'],
    when: eventRow('Failed to pull image "', '(?<image>[^"\\n]{1,255})"'),
    say: 'guide.line.imagePullEvents',
  },
  {
    id: 'crash loop in kubectl events',
    verbs: ['events'],
    when: eventRow('Back-off restarting failed container ', ''),
    say: 'guide.line.crashLoop',
  },
  {
    // "Node: NAME/" with no host IP: bound by its creator (spec.nodeName) to a node no kubelet runs.
    id: 'bound to a node that does not exist',
    verbs: ['describe'],
    when: (input) =>
      inDescribed(input.output, '/\n', /^Node:[ \t]+(?<node>[a-z0-9][a-z0-9.-]{0,252})\/$/m, (section) =>
        /^Status:[ \t]+Pending$/m.test(section) ? {} : null,
      ),
    say: 'guide.line.noSuchNode',
  },
  {
    // The same message as the scheduler's, from a kubelet that refused a pod bound by nodeName.
    id: 'rejected by its kubelet: nodeSelector (describe)',
    verbs: ['describe'],
    when: rejectedDescribed('NodeAffinity'),
    say: 'guide.line.rejectedSelector',
  },
  {
    id: 'rejected by its kubelet: requests (describe)',
    verbs: ['describe'],
    when: rejectedDescribed('OutOfcpu|OutOfmemory'),
    say: 'guide.line.rejectedResources',
  },
  {
    id: 'Pending: no node matches the nodeSelector',
    verbs: ['describe'],
    when: (input) =>
      inDescribed(
        input.output,
        "didn't match Pod's node affinity/selector",
        /didn't match Pod's node affinity\/selector/,
        (section) => {
          // A Failed pod was refused by its kubelet: no node's new label will place it.
          if (!/^Status:[ \t]+Pending$/m.test(section)) return null;
          const selector = /^Node-Selectors:[ \t]+(?<selector>\S{1,317})$/m.exec(section)?.groups?.selector;
          return selector === undefined ? null : { selector };
        },
      ),
    say: 'guide.line.unschedulable',
  },
  {
    id: 'ImagePullBackOff in the list',
    verbs: ['get'],
    when: podRow('ImagePullBackOff|ErrImagePull|InvalidImageName'),
    say: 'guide.line.imagePull',
  },
  {
    id: 'CrashLoopBackOff in the list',
    verbs: ['get'],
    when: podRow('CrashLoopBackOff|Error'),
    say: 'guide.line.crashLoop',
  },
  {
    // Bound by its creator (spec.nodeName) to a node whose kubelet refused it (kubelet-admission.ts).
    id: 'rejected by its kubelet: nodeSelector',
    verbs: ['get'],
    when: podRow('NodeAffinity'),
    say: 'guide.line.rejectedSelector',
  },
  {
    id: 'rejected by its kubelet: requests',
    verbs: ['get'],
    when: podRow('OutOfcpu|OutOfmemory'),
    say: 'guide.line.rejectedResources',
  },
  {
    id: 'Pending in the list',
    verbs: ['get'],
    when: podRow('Pending'),
    say: 'guide.line.pending',
  },
  {
    id: 'still being deleted',
    output:
      /^Error from server \(AlreadyExists\): (?:error when creating "[^"\n]{0,256}": )?object is being deleted: pods "(?<pod>[a-z0-9.-]{1,253})" already exists$/m,
    say: 'guide.line.podBeingDeleted',
  },
  {
    id: 'already exists',
    output:
      /^Error from server \(AlreadyExists\): (?:error when creating "[^"\n]{0,256}": )?pods "(?<pod>[a-z0-9.-]{1,253})" already exists$/m,
    say: 'guide.line.alreadyExists',
  },
  {
    id: 'a pod that is not there',
    output:
      /^(?:error: )?[Ee]rror from server \(NotFound\): pods "(?<name>[^"\n]{1,253})" not found(?: in namespace "[^"\n]{0,63}")?$/m,
    say: 'guide.line.podNotFound',
  },
  {
    id: 'a node that is not there',
    output: /^Error from server \(NotFound\): nodes "(?<name>[^"\n]{1,253})" not found$/m,
    say: 'guide.line.nodeNotFound',
  },
  {
    id: 'a namespace that is not there',
    output:
      /^Error from server \(NotFound\): (?:error when creating "[^"\n]{0,256}": )?namespaces "(?<name>[^"\n]{1,63})" not found$/m,
    say: 'guide.line.namespaceNotFound',
  },
  {
    id: 'a selector that matches nothing',
    verbs: ['get'],
    output: /^No resources found/,
    when: (input) => (input.tokens.some((t) => /^(-l|--selector)(=|$)|^-l./.test(t)) ? {} : null),
    say: 'guide.line.noMatch',
  },
  {
    id: 'run without --image',
    verbs: ['run'],
    output: /^error: required flag\(s\) "image" not set$/m,
    when: (input) => ({ pod: input.tokens.find((t, i) => i > 0 && !t.startsWith('-')) ?? 'kubia' }),
    say: 'guide.line.imageRequired',
  },
  {
    id: 'upper-case name',
    output: /^\* metadata\.name: Invalid value: "(?<name>[^"\n]{1,253})": a lowercase RFC 1123/m,
    when: (_input, found) => ({ lower: (found.name ?? '').toLowerCase().replace(/[^a-z0-9.-]/g, '-') }),
    say: 'guide.line.nameCase',
  },
  {
    id: 'port-forward to a pod that is not running',
    verbs: ['port-forward'],
    output: /^error: unable to forward port because pod is not running/m,
    say: 'guide.line.forwardNotRunning',
  },
  {
    id: 'an invalid label',
    verbs: ['label', 'run'],
    output: /^error: invalid label (?:value|spec)/m,
    say: 'guide.line.labelValue',
  },
  {
    id: 'get without a type',
    verbs: ['get'],
    output: /^error: Required resource not specified\.$/m,
    say: 'guide.line.resourceRequired',
  },
  {
    id: 'a name and --all together',
    verbs: ['delete', 'label', 'annotate'],
    output: /^error: name cannot be provided when a selector is specified$/m,
    when: (input) => ({ verb: input.verb }),
    say: 'guide.line.nameWithSelector',
  },
  {
    id: 'port-forward to a port the container does not listen on',
    program: 'curl',
    output: /^curl: \(52\) Empty reply from server$/m,
    say: 'guide.line.emptyReply',
  },
  {
    id: 'curl localhost with no forward',
    program: 'curl',
    output: /^curl: \(7\) Failed to connect to (?:localhost|127\.0\.0\.1) port (?<port>\d{1,5})/m,
    say: 'guide.line.noForward',
  },
  {
    id: 'curl <pod IP> from the member’s machine',
    program: 'curl',
    output: /^curl: \(28\) Failed to connect to (?<ip>10\.\d{1,3}\.\d{1,3}\.\d{1,3}) port/m,
    say: 'guide.line.podIpFromMachine',
  },
];

/**
 * The first object `describe` printed (objects are separated by a blank line before `Name:`)
 * whose text matches `sign`, with its name and `more` values; at most 100 objects are read.
 * `literal` is text every match of `sign` contains.
 */
function inDescribed(
  output: string,
  literal: string,
  sign: RegExp,
  more: (section: string) => GuideParams | null,
): GuideParams | null {
  // A sign found in no object is not in the whole output either (the usual case): no split. The
  // literal is looked for first: a plain search is a quarter of the regex's (0.2 against 0.8 µs
  // on a 2 KB describe, every describe a member sends).
  if (!output.includes(literal) || !sign.test(output)) return null;
  for (const section of output.split(/\n\n(?=Name:)/).slice(0, 100)) {
    const found = sign.exec(section);
    if (found === null) continue;
    const pod = /^Name:[ \t]+(?<pod>[a-z0-9.-]{1,253})$/m.exec(section)?.groups?.pod;
    const extra = more(section);
    if (pod !== undefined && extra !== null) return { pod, ...found.groups, ...extra };
  }
  return null;
}

/** A described pod its kubelet rejected (kubelet.go rejectPod) with one of `reasons`. */
function rejectedDescribed(reasons: string): (input: GuideInput) => GuideParams | null {
  const sign = new RegExp(`^Reason:[ \\t]+(?:${reasons})\\nMessage:[ \\t]+Pod was rejected: `, 'm');
  return (input) => inDescribed(input.output, 'Pod was rejected: ', sign, () => ({}));
}

/** The selector hint (src/kubectl/selector-hint.ts), told apart: a set split at `in`, or any other space. */
function selectorSplit(input: GuideInput, setBased: boolean): GuideParams | null {
  if (input.program !== 'kubectl') return null;
  const hint = selectorHint(input.tokens);
  if (hint === null) return null;
  const isSet = /^(?:in|notin)\b|^\(/.test(hint.stray);
  return isSet === setBased ? { given: hint.given, stray: hint.stray, quoted: hint.quoted } : null;
}

/** `exec POD CMD ARGS…` → `kubectl exec POD -- CMD ARGS…`, keeping the flags before the command. */
function execWithDashes(tokens: readonly string[]): GuideParams | null {
  const at = tokens.indexOf('exec');
  if (at < 0) return null;
  const before = tokens.slice(0, at + 1);
  const rest = tokens.slice(at + 1);
  const flags: string[] = [];
  let i = 0;
  for (; i < rest.length && (rest[i] ?? '').startsWith('-'); i++) {
    flags.push(rest[i] ?? '');
    if (/^(-c|--container|-n|--namespace)$/.test(rest[i] ?? '') && i + 1 < rest.length)
      flags.push(rest[++i] ?? '');
  }
  const pod = rest[i];
  if (pod === undefined) return null;
  const command = rest.slice(i + 1);
  return { fixed: `kubectl ${[...before, ...flags, pod, '--', ...command].join(' ')}` };
}
