import { err, ok, type Result } from '../result.ts';
import { deprecatedDryRun } from './dry-run-flag.ts';
import { type KubectlError, kubectlError } from './errors.ts';
import { flagBool, flagString, type ParsedLine, parseFlags } from './flags.ts';
import { invalidNamespace } from './namespace-path.ts';
import { requestTimeoutError } from './request-timeout.ts';
import {
  categoryMembers,
  qualifiedName,
  RESOURCES,
  type ResourceInfo,
  resolveResource,
  shortNameWarnings,
} from './resources.ts';
import { KUBECTL_COMMANDS, suggestCommands } from './suggest.ts';
import { type KubectlVerb, type Outcome, outcome, stderr, stdout, type VerbContext } from './verb.ts';

/** Global flags may come before the verb (`kubectl -n kube-system get po`); move them after it. */
export function hoistGlobalFlags(tokens: readonly string[]): string[] {
  const before: string[] = [];
  let i = 0;
  while (i < tokens.length && (tokens[i] ?? '').startsWith('-')) {
    const token = tokens[i] ?? '';
    before.push(token);
    const takesValue = /^(-n|--namespace|--context|--kubeconfig|--request-timeout)$/.test(token);
    if (takesValue && i + 1 < tokens.length) before.push(tokens[i + 1] ?? '');
    i += takesValue ? 2 : 1;
  }
  const verb = tokens[i];
  if (verb === undefined) return [...tokens];
  return [verb, ...before, ...tokens.slice(i + 1)];
}

/** The verb a command line names (after any global flags), or undefined for none. */
export const verbOf = (tokens: readonly string[]): string | undefined => {
  const word = hoistGlobalFlags(tokens)[0];
  return word === undefined || word.startsWith('-') ? undefined : word;
};

export function runKubectl(
  verbs: readonly KubectlVerb[],
  ctx: VerbContext,
  rawTokens: readonly string[],
): Result<Outcome, KubectlError> {
  const tokens = hoistGlobalFlags(rawTokens);
  const [word, ...rest] = tokens;
  if (word === undefined || word === '--help' || word === '-h' || (word === 'help' && rest.length === 0)) {
    return ok(outcome([stdout(topLevelHelp(verbs))]));
  }
  if (word === 'help') return runKubectl(verbs, ctx, [rest[0] ?? '', '--help']);
  const verb = verbs.find((v) => v.name === word);
  if (verb === undefined) {
    if (KUBECTL_COMMANDS.includes(word)) {
      return err(kubectlError('notSimulated', { verb: word }));
    }
    return err(kubectlError('unknownCommand', { command: word, suggestions: suggestCommands(word) }));
  }
  const sub = verb.subcommand?.(rest);
  const line = parseFlags(rest, sub?.flags ?? verb.flags, sub?.name ?? verb.name);
  if (!line.ok) return line;
  if (flagBool(line.value, 'help'))
    return ok(outcome([stdout(sub?.help ?? verb.helpFor?.(line.value.args) ?? verb.help)]));
  const parsed: ParsedLine =
    ctx.namespace === undefined ? line.value : { ...line.value, contextNamespace: ctx.namespace };
  const namespace = flagString(parsed, 'namespace') ?? parsed.contextNamespace;
  const everywhere = flagBool(parsed, 'all-namespaces');
  if (namespace !== undefined && !everywhere && namespacedRequest(verb.name, parsed)) {
    const message = invalidNamespace(namespace);
    if (message !== null) {
      // A list that get or describe asks for fails as its own request: kubectl prints the
      // request's error as it is, with no "error: " in front.
      const listed = LIST_PRINTING_VERBS.has(verb.name) && listsOnly(parsed.args);
      return err(listed ? kubectlError('rawText', { text: message }) : kubectlError('plain', { message }));
    }
  }
  const timeout = requestTimeoutError(verb.name, parsed);
  if (timeout !== null) return err(timeout);
  const dryRun = deprecatedDryRun(parsed, ctx.cluster.now);
  const done = verb.run(ctx, dryRun?.line ?? parsed);
  if (!done.ok) return done;
  const warnings = [
    ...(dryRun === null ? [] : [dryRun.warning]),
    ...typeWords(verb.name, parsed.args).flatMap(shortNameWarnings),
  ];
  if (warnings.length === 0) return done;
  return ok({ ...done.value, output: [...new Set(warnings)].map(stderr).concat(done.value.output) });
}

/** Verbs whose first argument names types for the Builder (`get ev,po`, `get ev/NAME ...`). */
const BUILDER_VERBS = new Set(['get', 'describe', 'delete', 'wait', 'label', 'annotate']);

/** The words a command line names types with, as the RESTMapper's ShortcutExpander sees them. */
function typeWords(verb: string, args: readonly string[]): string[] {
  const [first] = args;
  if (first === undefined) return [];
  // explain asks the mapper for its argument's first field alone (`ev` of `ev.note`).
  if (verb === 'explain') return [first.split('.')[0] ?? ''];
  if (!BUILDER_VERBS.has(verb)) return [];
  const tuples = args.filter((a) => a.includes('/')).map((a) => a.slice(0, a.indexOf('/')));
  return tuples.length > 0 ? tuples : first.split(',');
}

/**
 * Whether the command's requests go to a namespace: pod verbs, a server-side apply, or a
 * namespaced type named. (create -f, apply -f and replace -f build one request per object and
 * refuse the namespace there, naming the file: manifest-create.ts, apply.ts, manifest-replace.ts.)
 */
function namespacedRequest(verb: string, line: ParsedLine): boolean {
  const args = line.args;
  if (POD_ARG_VERBS.has(verb) || verb === 'run') return true;
  if (verb === 'apply') return flagBool(line, 'server-side');
  if (!TYPE_LIST_VERBS.has(verb)) return false;
  const slashed = args.filter((a) => a.includes('/')).map((a) => a.slice(0, a.indexOf('/')));
  const words = slashed.length > 0 ? slashed : (args[0] ?? '').split(',');
  return words.slice(0, 64).some((w) => w.toLowerCase() === 'all' || resolveResource(w)?.namespaced === true);
}

/** Verbs that print each list request's own error as it is (get.go, describe.go). */
const LIST_PRINTING_VERBS = new Set(['get', 'describe']);

/** `TYPE[,TYPE]` with no names: only list requests. */
const listsOnly = (args: readonly string[]): boolean => args.length <= 1 && !(args[0] ?? '').includes('/');

/** Verbs whose arguments name resource types (`TYPE[,TYPE] NAME...` or `TYPE/NAME`). */
const TYPE_LIST_VERBS = new Set(['get', 'describe', 'delete', 'label', 'annotate', 'patch', 'wait']);
const POD_ARG_VERBS = new Set(['logs', 'exec', 'port-forward', 'attach']);

/**
 * The real resource types a command names that the sandbox holds none of (`get deploy`,
 * `logs deploy/x`, `get all`), as the server names them, for the note the chat layer adds.
 */
export function unsimulatedTypesIn(verbs: readonly KubectlVerb[], rawTokens: readonly string[]): string[] {
  // Asked for every command, and nearly every line names only simulated types (`get po NAME`,
  // `label po NAME k=v`): a line with no word that could name another type has none to find.
  if (!mayNameUnsimulated(rawTokens)) return [];
  // The answers for the lines seen last are kept (by verbs and line).
  const key = rawTokens.join('\u0000');
  let known = typesNamed.get(verbs);
  if (known === undefined) {
    known = new Map();
    typesNamed.set(verbs, known);
  }
  const kept = known.get(key);
  if (kept !== undefined) {
    // Least recently used out first: lines typed once (`label ... step=s7`) do not push out the
    // ones typed again and again.
    known.delete(key);
    known.set(key, kept);
    return [...kept];
  }
  const types = typesIn(verbs, rawTokens);
  if (known.size >= TYPES_KEPT) known.delete(known.keys().next().value ?? '');
  known.set(key, types);
  return [...types];
}

/**
 * Whether some word of the line (between commas, before a `/`) could name a type the sandbox
 * does not simulate, or `all`: every word `typesIn` resolves is such a word of some token, so a
 * line without one names none. A word that is no type's name at all (`pod7`, `app=web`) is ruled
 * out by one set lookup, without resolving it (nor filling resolveResource's memory with it).
 */
export function mayNameUnsimulated(tokens: readonly string[]): boolean {
  for (const token of tokens) {
    let start = 0;
    // Each search starts where the last one ended: linear in the token, however many commas.
    let slash = token.indexOf('/');
    while (start <= token.length) {
      let end = token.indexOf(',', start);
      if (end === -1) end = token.length;
      if (slash !== -1 && slash < start) slash = token.indexOf('/', start);
      const word = token.slice(start, slash !== -1 && slash < end ? slash : end);
      if (word.length <= LONGEST_NAME) {
        const lower = word.toLowerCase();
        if (lower === 'all') return true;
        const dot = lower.indexOf('.');
        if (
          TYPE_NAMES.has(dot === -1 ? lower : lower.slice(0, dot)) &&
          resolveResource(word)?.simulated === false
        )
          return true;
      }
      start = end + 1;
    }
  }
  return false;
}

/** Every name a type goes by (plural, singular, short names), lower case, without its group. */
const TYPE_NAMES: ReadonlySet<string> = new Set(
  RESOURCES.flatMap((r) => [r.type, r.singular, ...r.shortNames]),
);
/** Longer than any name with every group spelled out: no type's name. */
const LONGEST_NAME = 253;

const typesNamed = new WeakMap<readonly KubectlVerb[], Map<string, readonly string[]>>();
const TYPES_KEPT = 256;

/** The types named, worked out afresh (what the kept answers must equal; for tests). */
export function typesIn(verbs: readonly KubectlVerb[], rawTokens: readonly string[]): string[] {
  const [word, ...rest] = hoistGlobalFlags(rawTokens);
  const verb = verbs.find((v) => v.name === word);
  if (verb === undefined || !(TYPE_LIST_VERBS.has(verb.name) || POD_ARG_VERBS.has(verb.name))) return [];
  const line = parseFlags(rest, verb.flags, verb.name);
  if (!line.ok) return [];
  const { args } = line.value;
  const slashed = args.filter((a) => a.includes('/')).map((a) => a.slice(0, a.indexOf('/')));
  const words = slashed.length > 0 || POD_ARG_VERBS.has(verb.name) ? slashed : (args[0] ?? '').split(',');
  const named = words
    .slice(0, 64)
    .flatMap((w): (ResourceInfo | undefined)[] =>
      w.toLowerCase() === 'all' ? categoryMembers('all') : [resolveResource(w)],
    );
  const types = named
    .filter((r) => r !== undefined && !r.simulated)
    .map((r) => qualifiedName(r as ResourceInfo));
  return [...new Set(types)];
}

/**
 * `kubectl config`, answered by the chat before the verbs (src/kubectl/config-command.ts), with
 * kubectl's one-line description; kubectl lists it right after api-versions.
 */
const CONFIG_ENTRY = { name: 'config', short: 'Modify kubeconfig files' } as const;

function topLevelHelp(verbs: readonly KubectlVerb[]): string {
  const listed = verbs.flatMap((v): { name: string; short: string }[] =>
    v.name === 'api-versions' ? [v, CONFIG_ENTRY] : [v],
  );
  const width = Math.max(...listed.map((v) => v.name.length)) + 3;
  return [
    'kubectl controls the Kubernetes cluster manager (this one is your Podium sandbox).',
    '',
    'Commands:',
    ...listed.map((v) => `  ${v.name.padEnd(width)}${v.short}`),
    '',
    'Usage:',
    '  kubectl [flags] [options]',
    '',
    'Use "kubectl <command> --help" for more information about a given command.',
  ].join('\n');
}
