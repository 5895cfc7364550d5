import type { LogOptions } from '../cluster/log-options.ts';
import { parseGoDuration } from '../go/duration.ts';
import { parseRfc3339 } from '../go/rfc3339.ts';
import { err, ok, type Result } from '../result.ts';
import { type KubectlError, kubectlError } from './errors.ts';
import { durationFlagError, type FlagSpec, flagBool, flagInt, flagString, type ParsedLine } from './flags.ts';

/**
 * The flags `kubectl logs` turns into PodLogOptions, read in kubectl 1.33's order: pflag parses
 * the durations first (`--since`, `--pod-running-timeout`), Complete parses `--since-time`
 * (RFC 3339, as Go's time.Parse says it) and checks the timeout, Validate checks what is left.
 * `--all-pods` sets `--prefix`; `--insecure-skip-tls-verify-backend` concerns a kubelet
 * certificate the sandbox does not have, so it changes nothing.
 */
export const LOG_REQUEST_FLAGS: readonly FlagSpec[] = [
  { name: 'since', type: 'string' },
  { name: 'since-time', type: 'string' },
  { name: 'limit-bytes', type: 'int' },
  { name: 'pod-running-timeout', type: 'string' },
  { name: 'all-pods', type: 'bool' },
  { name: 'insecure-skip-tls-verify-backend', type: 'bool' },
];

/** The durations pflag would have refused before the command ran, first one first. */
export function logDurationError(line: ParsedLine): KubectlError | null {
  return durationFlagError(line, 'since', 'logs') ?? durationFlagError(line, 'pod-running-timeout', 'logs');
}

export interface LogRequest {
  /** The kubelet's cut, but for tailLines, which depends on whether a selector was given. */
  options: Omit<LogOptions, 'tailLines'>;
  tailLines: number | undefined;
  prefix: boolean;
}

/** Complete's checks and reading, once the arguments are found acceptable (before the pod is looked up). */
export function logRequestOf(line: ParsedLine): Result<LogRequest, KubectlError> {
  const timeout = parseGoDuration(flagString(line, 'pod-running-timeout') ?? '20s');
  if (timeout.ok && timeout.value <= 0) return plain('--pod-running-timeout must be higher than zero');
  const sinceTimeText = flagString(line, 'since-time') ?? '';
  let sinceTime: number | null = null;
  if (sinceTimeText !== '') {
    const parsed = parseRfc3339(sinceTimeText);
    if (!parsed.ok) return plain(parsed.error);
    sinceTime = Math.floor(parsed.value / 1000) * 1000;
  }
  const seconds = sinceSeconds(line);
  const limitBytes = flagInt(line, 'limit-bytes') ?? 0;
  return ok({
    options: {
      sinceSeconds: seconds !== null && seconds > 0 ? seconds : null,
      sinceTime,
      timestamps: flagBool(line, 'timestamps'),
      limitBytes: limitBytes > 0 ? limitBytes : null,
    },
    tailLines: flagInt(line, 'tail'),
    prefix: flagBool(line, 'prefix') || flagBool(line, 'all-pods'),
  });
}

/**
 * Validate's refusals (after the pod was found, or after the selector found none), or null.
 * `container` is `-c` or the inline CONTAINER argument.
 */
export function logValidationError(line: ParsedLine, container: string): KubectlError | null {
  const seconds = sinceSeconds(line);
  if ((flagString(line, 'since-time') ?? '') !== '' && seconds !== null)
    return plainError('at most one of `sinceTime` or `sinceSeconds` may be specified');
  if (flagBool(line, 'all-containers') && container !== '')
    return plainError(`--all-containers=true should not be specified with container name ${container}`);
  if (line.flags.has('container') && line.args.length === 2)
    return plainError('only one of -c or an inline [CONTAINER] arg is allowed');
  if ((flagInt(line, 'limit-bytes') ?? 0) < 0) return plainError('--limit-bytes must be greater than 0');
  if (seconds !== null && seconds < 0) return plainError('--since must be greater than 0');
  if ((flagInt(line, 'tail') ?? -1) < -1) return plainError('--tail must be greater than or equal to -1');
  return null;
}

/**
 * `--since` as kubectl sends it: the duration rounded to whole seconds (time.Duration.Round,
 * halves away from zero; `--since=300ms` is 0); null when not given or zero.
 */
function sinceSeconds(line: ParsedLine): number | null {
  const text = flagString(line, 'since');
  const parsed = text === undefined ? null : parseGoDuration(text);
  if (parsed === null || !parsed.ok || parsed.value === 0) return null;
  return Math.sign(parsed.value) * Math.round(Math.abs(parsed.value) / 1000);
}

const plainError = (message: string): KubectlError => kubectlError('plain', { message });
const plain = (message: string): Result<never, KubectlError> => err(plainError(message));
