/**
 * Which command lines wait for a manifest the member has yet to paste: a kubectl verb that reads
 * a whole manifest from `-f -` (apply, create, replace), given `-f -` and flags only. A platform
 * that can open a text box (a Slack or Discord modal) opens one for such a line and runs the line
 * as typed, the box's text as its standard input. Bare `apply` stands for `apply -f -`.
 *
 *   line   = verb *( flag ) stdin *( flag )
 *   verb   = "apply" | "create" | "replace"
 *   stdin  = ("-f" | "--filename") ( "=" | " " ) "-"  |  "-f-"
 *   flag   = a word starting with "-" (other than another -f), written whole: `--force`,
 *            `--dry-run=client`; a flag whose value is a word of its own (`-o yaml`) is not read
 *            here, so that line is run as typed and kubectl answers "no objects passed".
 */
export const MANIFEST_VERBS = ['apply', 'create', 'replace'] as const;
export type ManifestVerb = (typeof MANIFEST_VERBS)[number];

export interface ManifestBox {
  verb: ManifestVerb;
  /** The command line to run with the box's text as stdin, e.g. `kubectl replace --force -f -`. */
  commandLine: string;
}

/** Words read at most: a box line is a verb and a few flags. */
const MAX_WORDS = 32;

/** The box `kubectl ARGS` waits for, or null when the line runs as it is. */
export function manifestBoxOf(kubectlArgs: string): ManifestBox | null {
  const words = kubectlArgs.trim().split(/\s+/, MAX_WORDS + 1);
  if (words.length > MAX_WORDS) return null;
  const [first, ...rest] = words;
  const verb = MANIFEST_VERBS.find((v) => v === first);
  if (verb === undefined) return null;
  if (verb === 'apply' && rest.length === 0) return { verb, commandLine: 'kubectl apply -f -' };
  let stdin = 0;
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i] ?? '';
    if (word === '-f' || word === '--filename') {
      if (rest[i + 1] !== '-') return null;
      stdin++;
      i++;
    } else if (word === '-f-' || word === '-f=-' || word === '--filename=-') stdin++;
    else if (!word.startsWith('-') || word === '-' || /^(-f|--filename=)/.test(word)) return null;
  }
  return stdin === 1 ? { verb, commandLine: ['kubectl', verb, ...rest].join(' ') } : null;
}
