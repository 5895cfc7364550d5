import {
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { manifestBoxOf } from '../../chat/manifest-box.ts';

/**
 * What a slash command stands for, as the chat text the core understands. Options become words
 * in the order the command declares them (`/quiz start topic:labels count:5` is
 * `/quiz start labels 5`); once an optional one is left out, the rest are named so that none
 * takes its place (`/quiz start topic:labels seconds:30` is `/quiz start labels seconds:30`). A few commands need
 * more than words:
 *   /kubectl command:X [file:F]   `kubectl X` (X may repeat the `kubectl`), with F attached (and
 *                                 `-f F` when X names no file); with no F, a modal whose box is
 *                                 the stdin of X when X waits for a pasted manifest
 *                                 (`replace --force -f -`: src/chat/manifest-box.ts)
 *                                 (`/kubectl command:curl X` is `curl X`: members type it there too)
 *   /curl args:X, /wget args:X    `curl X`, `wget X` (X may repeat the program's name)
 *   /apply                        a modal whose box is the stdin of `kubectl apply -f -`
 *   /file save name:N [file:F]    `/file save N` with F attached, or else a modal's box as its stdin
 *   /sandbox reset confirm:True   `/sandbox reset --yes`
 *   /sandbox map selector:S namespace:N all-namespaces:True text:True context:C
 *                                 `/sandbox map -l 'S' -n 'N' -A --text --context 'C'` (kubectl's flags, quoted)
 */
export type OptionValue = string | number | boolean;

export interface FileOption {
  name: string;
  url: string;
  size: number;
  /** What Discord recorded at upload (`image/png`, `text/plain; charset=utf-8`), when it did. */
  contentType?: string;
}

export interface Invocation {
  command: string;
  subcommand: string | null;
  values: ReadonlyMap<string, OptionValue>;
  file: FileOption | null;
}

export type Plan =
  /** Dispatch `text`; a file, if any, is downloaded first and attached. */
  | { kind: 'dispatch'; text: string; file: FileOption | null }
  /** Open a modal; its box becomes the stdin of `commandLine`. */
  | { kind: 'modal'; commandLine: string };

/** The programs that run on the member's own computer, beside kubectl (commands/chat/curl.ts). */
const ON_MACHINE = /^(curl|wget)(\s|$)/;

/** Boolean options that stand for a flag of the text form. */
const FLAGS: Readonly<Record<string, string>> = { confirm: '--yes' };

export function planOf(
  definitions: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[],
  invocation: Invocation,
): Plan {
  const { command, subcommand, values, file } = invocation;
  if (command === 'kubectl') {
    // `/kubectl command:kubectl get po` means what a terminal would: the word is said once.
    const line = String(values.get('command') ?? '')
      .trim()
      .replace(/^kubectl(\s+|$)/, '');
    if (ON_MACHINE.test(line)) return { kind: 'dispatch', text: line, file: null };
    // A slash option holds one line, so `-f -` with no file attached waits for a box.
    const box = file === null ? manifestBoxOf(line) : null;
    if (box !== null) return { kind: 'modal', commandLine: box.commandLine };
    const attached = file !== null && !namesFile(line) ? ['-f', quote(file.name)] : [];
    const text = ['kubectl', line, ...attached].filter((w) => w !== '').join(' ');
    return { kind: 'dispatch', text, file };
  }
  if (command === 'curl' || command === 'wget') {
    const line = String(values.get('args') ?? '')
      .trim()
      .replace(new RegExp(`^${command}(\\s+|$)`), '');
    return { kind: 'dispatch', text: [command, line].filter((w) => w !== '').join(' '), file: null };
  }
  if (command === 'apply') return { kind: 'modal', commandLine: 'kubectl apply -f -' };
  if (command === 'sandbox' && subcommand === 'map')
    return { kind: 'dispatch', text: mapLine(values), file: null };
  const words = [`/${command}`, ...(subcommand === null ? [] : [subcommand])];
  let skipped = false;
  for (const name of declaredOptions(definitions, command, subcommand)) {
    const value = values.get(name);
    if (value === undefined) skipped = true;
    if (value === undefined || value === false) continue;
    if (value === true) words.push(FLAGS[name] ?? `--${name}`);
    else words.push(skipped ? `${name}:${value}` : String(value));
  }
  const text = words.join(' ');
  if (command === 'file' && subcommand === 'save') {
    return file === null ? { kind: 'modal', commandLine: text } : { kind: 'dispatch', text, file };
  }
  return { kind: 'dispatch', text, file: null };
}

/** The names of a (sub)command's non-attachment options, in declared order. */
function declaredOptions(
  definitions: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[],
  command: string,
  subcommand: string | null,
): string[] {
  const top = definitions.find((d) => d.name === command)?.options ?? [];
  const level =
    subcommand === null
      ? top
      : top.flatMap((o) =>
          o.type === ApplicationCommandOptionType.Subcommand && o.name === subcommand
            ? (o.options ?? [])
            : [],
        );
  return level.filter((o) => o.type !== ApplicationCommandOptionType.Attachment).map((o) => o.name);
}

/** `/sandbox map` options as the flags its text form takes (src/map/args.ts). */
function mapLine(values: ReadonlyMap<string, OptionValue>): string {
  const words = ['/sandbox map'];
  const selector = values.get('selector');
  const namespace = values.get('namespace');
  if (typeof selector === 'string' && selector !== '') words.push('-l', quote(selector));
  if (typeof namespace === 'string' && namespace !== '') words.push('-n', quote(namespace));
  if (values.get('all-namespaces') === true) words.push('-A');
  if (values.get('text') === true) words.push('--text');
  const context = values.get('context');
  if (typeof context === 'string' && context !== '') words.push('--context', quote(context));
  return words.join(' ');
}

const namesFile = (line: string) => /(^|\s)(-f|--filename)(\s|=|$)|(^|\s)-f\S/.test(line);

/** A file name as one kubectl word, whatever it contains. */
const quote = (name: string) => (/^[\w.@%+=:,/-]+$/.test(name) ? name : `'${name.replace(/'/g, `'"'"'`)}'`);

/**
 * A message whose fenced block is `body`, as a member would paste it. A body that is itself
 * wrapped in a fence (members paste ```yaml blocks into boxes too) is unwrapped first.
 */
export function withStdin(commandLine: string, body: string): string {
  const text = unfence(body.replace(/\r\n?/g, '\n'));
  return `${commandLine}\n\`\`\`\n${text}${text.endsWith('\n') || text === '' ? '' : '\n'}\`\`\``;
}

function unfence(text: string): string {
  const match = /^\s*```[^\n]*\n([\s\S]*?)\n?```\s*$/.exec(text);
  return match === null ? text : `${match[1] ?? ''}\n`;
}
