import { err, ok, type Result } from '../result.ts';
import { type KubectlError, kubectlError } from './errors.ts';
import { flagBool, parseFlags } from './flags.ts';
import { KUBECTL_COMMANDS, suggestCommands } from './suggest.ts';
import { type KubectlVerb, type Outcome, outcome, stdout, type VerbContext } from './verb.ts';

/** Global flags may come before the verb (`kubectl -n kube-system get po`); move them after it. */
function hoistGlobalFlags(tokens: readonly string[]): string[] {
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
