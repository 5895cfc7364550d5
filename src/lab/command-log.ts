import type { FlagSpec, FlagValue } from '../kubectl/flags.ts';
import { parseFlags } from '../kubectl/flags.ts';
import { hoistGlobalFlags } from '../kubectl/run-kubectl.ts';

/**
 * A kubectl command a member ran during a lab, as kubectl parsed it: checks that grade a step
 * rather than a state (`get po X -o yaml`, `get po -L a,b`) read these, so `-oyaml`,
 * `--output=yaml` and `-o yaml` are one and the same, as they are to kubectl.
 */
export interface LoggedCommand {
  verb: string;
  args: string[];
  flags: Record<string, FlagValue>;
}

/** The most commands a run keeps (the oldest are dropped): a lab needs a few dozen. */
export const MAX_LOGGED = 200;

/** The command line as kubectl parses it, or null when it does not parse (it did not run). */
export function parseLogged(
  verbs: readonly { name: string; flags: readonly FlagSpec[] }[],
  tokens: readonly string[],
): LoggedCommand | null {
  const [word, ...rest] = hoistGlobalFlags(tokens);
  const verb = verbs.find((v) => v.name === word);
  if (verb === undefined) return null;
  const line = parseFlags(rest, verb.flags, verb.name);
  if (!line.ok) return null;
  return { verb: verb.name, args: line.value.args, flags: Object.fromEntries(line.value.flags) };
}

/** Decodes a stored row; a row this build cannot read is skipped, not a crash. */
export function readLogged(verb: string, parsed: string): LoggedCommand | null {
  try {
    const value: unknown = JSON.parse(parsed);
    if (typeof value !== 'object' || value === null) return null;
    const { args, flags } = value as { args?: unknown; flags?: unknown };
    if (!Array.isArray(args) || !args.every((a) => typeof a === 'string')) return null;
    if (typeof flags !== 'object' || flags === null || Array.isArray(flags)) return null;
    return { verb, args, flags: flags as Record<string, FlagValue> };
  } catch {
    return null;
  }
}

export const writeLogged = (command: LoggedCommand): string =>
  JSON.stringify({ args: command.args, flags: command.flags });
