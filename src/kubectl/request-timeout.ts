import { parseGoDuration } from '../go/duration.ts';
import { type KubectlError, kubectlError } from './errors.ts';
import { flagBool, flagString, type ParsedLine } from './flags.ts';
import { topBuildsClient } from './top.ts';

/**
 * `--request-timeout` (a global flag): how long kubectl waits for the server, which answers the
 * sandbox at once, so a valid value changes nothing. clientcmd.ParseTimeout reads it when kubectl
 * first builds a client: a whole number of seconds (0 or more) or a Go duration; anything else
 * stops the command there. Checked with kubectl 1.33: `version --client` builds no client, and
 * `get` or `logs` without arguments say what is missing first, `api-versions` with some that it
 * takes none.
 */
export function requestTimeoutError(verb: string, line: ParsedLine): KubectlError | null {
  const value = flagString(line, 'request-timeout');
  if (value === undefined || valid(value)) return null;
  if (!buildsClient(verb, line)) return null;
  return kubectlError('plain', {
    message:
      'Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)',
  });
}

/** Whether kubectl gets as far as building a client (api-versions refuses arguments before it). */
function buildsClient(verb: string, line: ParsedLine): boolean {
  if (verb === 'version') return !flagBool(line, 'client');
  if (verb === 'api-versions') return line.args.length === 0;
  if (verb === 'top') return topBuildsClient(line.args);
  return line.args.length > 0 || verb === 'api-resources';
}

/** ParseTimeout: strconv.ParseInt of a value 0 or more (seconds), else time.ParseDuration. */
function valid(value: string): boolean {
  if (/^[+-]?\d+$/.test(value) && Number(value) >= 0) return true;
  return parseGoDuration(value).ok;
}
