import { err, ok, type Result } from '../result.ts';
import { type KubectlError, kubectlError } from './errors.ts';
import { type FlagSpec, flagString, type ParsedLine, parseBool } from './flags.ts';

/**
 * `--dry-run` as kubectl reads it (cmdutil.GetDryRunStrategy): `none`, `client` or `server`; written
 * alone it is `unchanged`, which still means client, and `true` / `false` are the old boolean
 * form. Those three work with a warning on stderr, which older tutorials make common
 * (`kubectl run web --image=nginx --dry-run -o yaml`). Checked with kubectl 1.33.
 */
export const DRY_RUN_FLAG: FlagSpec = { name: 'dry-run', type: 'string', optionalValue: 'unchanged' };

export type DryRun = 'none' | 'client' | 'server';

/** The strategy `--dry-run` asks for (a deprecated value already replaced by `deprecatedDryRun`). */
export function dryRunOf(line: ParsedLine): Result<DryRun, KubectlError> {
  const value = flagString(line, 'dry-run') ?? 'none';
  if (value === 'none' || value === 'client' || value === 'server') return ok(value);
  return err(
    kubectlError('plain', {
      message: `Invalid dry-run value (${value}). Must be "none", "server", or "client".`,
    }),
  );
}

/**
 * The line with a deprecated `--dry-run` value replaced by what it means, and kubectl's warning;
 * null when the value is not a deprecated one (the verb checks the rest).
 */
export function deprecatedDryRun(
  line: ParsedLine,
  now: number,
): { line: ParsedLine; warning: string } | null {
  const value = line.flags.get('dry-run');
  if (typeof value !== 'string') return null;
  let meant: 'client' | 'none';
  let warning: string;
  if (value === 'unchanged') {
    meant = 'client';
    warning = klogWarning(
      now,
      'helpers.go:703',
      '--dry-run is deprecated and can be replaced with --dry-run=client.',
    );
  } else {
    const flag = parseBool(value);
    if (flag === undefined) return null;
    meant = flag ? 'client' : 'none';
    const text = `--dry-run=${value} is deprecated (boolean value) and can be replaced with --dry-run=${meant}.`;
    warning = klogWarning(now, flag ? 'helpers.go:717' : 'helpers.go:720', text);
  }
  const flags = new Map(line.flags);
  flags.set('dry-run', meant);
  return { line: { ...line, flags }, warning };
}

/** The simulated kubectl's process id, in the header klog writes before each line. */
const KUBECTL_PID = 7318;

/** klog's `Wmmdd hh:mm:ss.uuuuuu    pid file:line] message`, at the sandbox's time (UTC). */
function klogWarning(now: number, at: string, message: string): string {
  const d = new Date(now);
  const two = (n: number) => String(n).padStart(2, '0');
  const micros = String(d.getUTCMilliseconds() * 1000).padStart(6, '0');
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${micros}`;
  return `W${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())} ${time} ${String(KUBECTL_PID).padStart(7)} ${at}] ${message}`;
}
