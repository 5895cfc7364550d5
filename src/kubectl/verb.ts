import type { Attachment } from '../chat/request.ts';
import type { Change } from '../cluster/changes.ts';
import type { Ids } from '../cluster/ids.ts';
import type { Cluster } from '../cluster/model.ts';
import type { Note } from '../cluster/screen.ts';
import type { Result } from '../result.ts';
import type { KubectlError, SandboxNote } from './errors.ts';
import type { FlagSpec, ParsedLine } from './flags.ts';

/** Everything a kubectl verb may look at. Verbs are pure: they read this and return an Outcome. */
export interface VerbContext {
  cluster: Cluster;
  ids: Ids;
  /** The fenced block that followed the command line, read by `-f -`. */
  stdin: string | null;
  attachments: readonly Attachment[];
  /** The namespace the member's context names (`kubectl config set-context`), if any. */
  namespace?: string | undefined;
}

export type Stream = 'stdout' | 'stderr';

export interface OutputLine {
  stream: Stream;
  text: string;
}

export interface Outcome {
  output: OutputLine[];
  changes: Change[];
  exitCode: number;
  /**
   * The command asked for a terminal session (`exec -it POD -- sh`, `run -it`), which a chat
   * message cannot hold open: the chat layer says so in the member's language.
   */
  interactive?: { verb: 'exec' | 'run'; pod: string };
  /** Where the sandbox differs from a cluster (a real type it does not simulate). */
  notes?: SandboxNote[];
  /** Caps the sandbox applied to this command, said after the output in the member's language. */
  capNotes?: Note[];
}

export interface KubectlVerb {
  name: string;
  /** One line for `kubectl --help`. */
  short: string;
  /** The `kubectl VERB --help` text. */
  help: string;
  /** A subcommand's own `--help` text (`kubectl set image --help`), given the arguments. */
  helpFor?(args: readonly string[]): string | undefined;
  flags: readonly FlagSpec[];
  /**
   * The subcommand a line names when it has flags of its own (`top pod`): cobra parses the line
   * with them, names the subcommand in its errors and prints the subcommand's --help.
   */
  subcommand?(
    words: readonly string[],
  ): { name: string; flags: readonly FlagSpec[]; help: string } | undefined;
  run(ctx: VerbContext, line: ParsedLine): Result<Outcome, KubectlError>;
}

export const stdout = (text: string): OutputLine => ({ stream: 'stdout', text });
export const stderr = (text: string): OutputLine => ({ stream: 'stderr', text });

export const outcome = (output: OutputLine[], changes: Change[] = [], exitCode = 0): Outcome => ({
  output,
  changes,
  exitCode,
});
