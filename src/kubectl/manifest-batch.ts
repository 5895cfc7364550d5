import { applyToCluster, type Change } from '../cluster/changes.ts';
import type { Cluster } from '../cluster/model.ts';
import { err, ok, type Result } from '../result.ts';
import type { DryRun } from './dry-run-flag.ts';
import { type KubectlError, kubectlError, renderError, type SandboxNote } from './errors.ts';
import { flagList, flagString, type ParsedLine } from './flags.ts';
import { type ManifestRead, readManifest } from './manifest.ts';
import type { FieldValidation } from './manifest-objects.ts';
import { readManifestFiles } from './manifest-source.ts';
import { type Outcome, type OutputLine, outcome, stderr, stdout, type VerbContext } from './verb.ts';

/**
 * One `create -f`/`apply -f`/`delete -f` run over many objects, as kubectl's ContinueOnError
 * visitor runs it: each object succeeds or fails on its own, success lines print as they happen,
 * errors are collected and printed at the end (one alone as kubectl prints any error, several
 * one per line without the `error: ` prefix), and the exit code is 1 if any failed. Objects made
 * earlier in the run are visible to later ones (a namespace, then a pod in it).
 */
export interface Batch {
  cluster: Cluster;
  changes: Change[];
  output: OutputLine[];
  errors: Failure[];
  notes: SandboxNote[];
}

/** An error, with the file it came from when the server's Invalid form must name it. */
export interface Failure {
  error: KubectlError;
  source?: string;
  verb?: string;
}

export const newBatch = (cluster: Cluster): Batch => ({
  cluster,
  changes: [],
  output: [],
  errors: [],
  notes: [],
});

export function commit(batch: Batch, changes: readonly Change[]): void {
  batch.changes.push(...changes);
  batch.cluster = applyToCluster(batch.cluster, changes);
}

export const warn = (batch: Batch, warnings: readonly string[]) =>
  batch.output.push(...warnings.map((w) => stderr(`Warning: ${w}`)));
export const say = (batch: Batch, line: string) => batch.output.push(stdout(line));
export function fail(batch: Batch, error: KubectlError, source?: string, verb = 'creating'): void {
  batch.errors.push(source === undefined ? { error } : { error, source, verb });
  if (error.code === 'unsimulatedKind') batch.notes.push({ key: 'unsimulatedCreate', ...error.params });
}

/**
 * The outcome of a run. A run that changed nothing is an error result (so the store writes
 * nothing, not even id counters); one that changed something commits, even with exit code 1.
 */
export function finish(batch: Batch): Result<Outcome, KubectlError> {
  const notes = batch.notes.length === 0 ? {} : { notes: batch.notes };
  if (batch.errors.length === 0) return ok({ ...outcome(batch.output, batch.changes), ...notes });
  const errors = renderErrors(batch.errors);
  if (batch.changes.length === 0) {
    const text = [...batch.output.map((l) => l.text), errors].join('\n');
    return err(kubectlError('rawText', { text, ...notes }));
  }
  return ok({ ...outcome([...batch.output, stderr(errors)], batch.changes, 1), ...notes });
}

function renderErrors(failures: readonly Failure[]): string {
  const [only] = failures;
  if (failures.length === 1 && only !== undefined) return renderError(only.error);
  return failures.map((f) => renderError(inList(f)).replace(/^error: /, '')).join('\n');
}

/** Reads every `-f`; a missing path fails the whole command before anything is read. */
export function readFiles(ctx: VerbContext, line: ParsedLine): Result<ManifestRead[], KubectlError> {
  const files = readManifestFiles(
    { stdin: ctx.stdin, attachments: ctx.attachments, files: ctx.cluster.files },
    flagList(line, 'filename'),
  );
  if (!files.ok) return files;
  return ok(files.value.map(readManifest));
}

export function validationOf(line: ParsedLine): Result<FieldValidation, KubectlError> {
  const value = (flagString(line, 'validate') ?? 'strict').toLowerCase();
  if (value === 'strict' || value === 'true') return ok('Strict');
  if (value === 'warn') return ok('Warn');
  if (value === 'ignore' || value === 'false') return ok('Ignore');
  return err(
    kubectlError('plain', {
      message: `invalid - validate option "${value}"; must be one of: strict (or true), warn, ignore (or false)`,
    }),
  );
}

/** The success line: `pod/kubia created`, `-o name` just `pod/kubia`, dry runs marked. */
export function successLine(
  kind: string,
  name: string,
  operation: string,
  dryRun: DryRun,
  output: string | undefined,
) {
  const ref = `${kind.toLowerCase()}/${name}`;
  if (output === 'name') return ref;
  const suffix = dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
  return `${ref} ${operation}${suffix}`;
}

/** How an error reads among several (StandardErrorMessage rather than the `The Pod` form). */
function inList({ error, source, verb }: Failure): KubectlError {
  if (error.code !== 'invalid' || source === undefined) return error;
  return kubectlError('invalidFromFile', { ...error.params, verb: verb ?? 'creating', source });
}
