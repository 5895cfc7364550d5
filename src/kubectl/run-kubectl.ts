import { err, ok, type Result } from '../result.ts';
import { type KubectlError, kubectlError } from './errors.ts';
import { flagBool, parseFlags } from './flags.ts';
import { categoryMembers, qualifiedName, type ResourceInfo, resolveResource } from './resources.ts';
import { KUBECTL_COMMANDS, suggestCommands } from './suggest.ts';
import { type KubectlVerb, type Outcome, outcome, stdout, type VerbContext } from './verb.ts';

/** Global flags may come before the verb (`kubectl -n kube-system get po`); move them after it. */
export function hoistGlobalFlags(tokens: readonly string[]): string[] {
  const before: string[] = [];
  let i = 0;
  while (i < tokens.length && (tokens[i] ?? '').startsWith('-')) {
    const token = tokens[i] ?? '';
    before.push(token);
    const takesValue = /^(-n|--namespace|--context|--kubeconfig)$/.test(token);
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
  const line = parseFlags(rest, verb.flags, verb.name);
  if (!line.ok) return line;
  if (flagBool(line.value, 'help')) return ok(outcome([stdout(verb.help)]));
  return verb.run(ctx, line.value);
}

/** Verbs whose arguments name resource types (`TYPE[,TYPE] NAME...` or `TYPE/NAME`). */
const TYPE_LIST_VERBS = new Set(['get', 'describe', 'delete', 'label', 'annotate', 'wait']);
const POD_ARG_VERBS = new Set(['logs', 'exec', 'port-forward', 'attach']);

/**
 * The real resource types a command names that the sandbox holds none of (`get deploy`,
 * `logs deploy/x`, `get all`), as the server names them, for the note the chat layer adds.
 */
export function unsimulatedTypesIn(verbs: readonly KubectlVerb[], rawTokens: readonly string[]): string[] {
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

function topLevelHelp(verbs: readonly KubectlVerb[]): string {
  const width = Math.max(...verbs.map((v) => v.name.length)) + 3;
  return [
    'kubectl controls the Kubernetes cluster manager (this one is your Podium sandbox).',
    '',
    'Commands:',
    ...verbs.map((v) => `  ${v.name.padEnd(width)}${v.short}`),
    '',
    'Usage:',
    '  kubectl [flags] [options]',
    '',
    'Use "kubectl <command> --help" for more information about a given command.',
  ].join('\n');
}
