import { err, ok, type Result } from '../result.ts';
import { type KubectlError, kubectlError, renderError } from './errors.ts';
import { type FlagSpec, flagString, type ParsedLine, parseBool } from './flags.ts';
import { type Outcome, outcome, stderr } from './verb.ts';

/**
 * `--cascade` as kubectl reads it (cmdutil.GetCascadingStrategy, for delete, apply --prune and
 * run --rm): `background` (the default, and the flag written alone), `foreground` or `orphan`;
 * a boolean is the old form, meaning background or orphan, with a warning on stderr that comes
 * before anything else the command says (`kubectl delete rc kubia --cascade=false` is in older
 * books). Pods have no dependents here, so all three delete a pod alike. Checked with kubectl 1.33.
 */
export const CASCADE_FLAG: FlagSpec = { name: 'cascade', type: 'string', optionalValue: 'background' };

export type Cascade = 'background' | 'foreground' | 'orphan';

/** The propagation policy, and the deprecation warning a boolean value brings (else null). */
export function cascadeOf(
  line: ParsedLine,
): Result<{ cascade: Cascade; warning: string | null }, KubectlError> {
  const value = flagString(line, 'cascade') ?? 'background';
  if (value === 'background' || value === 'foreground' || value === 'orphan')
    return ok({ cascade: value, warning: null });
  const flag = parseBool(value);
  if (flag === undefined)
    return err(
      kubectlError('plain', {
        message: `invalid cascade value (${value}). Must be "background", "foreground", or "orphan"`,
      }),
    );
  const cascade = flag ? 'background' : 'orphan';
  const warning = `warning: --cascade=${value} is deprecated (boolean value) and can be replaced with --cascade=${cascade}.`;
  return ok({ cascade, warning });
}

/** The deprecation warning before everything else the command says, error or not. */
export function warnedFirst(
  done: Result<Outcome, KubectlError>,
  warning: string | null,
): Result<Outcome, KubectlError> {
  if (warning === null) return done;
  const said = done.ok ? done.value : outcome([stderr(renderError(done.error))], [], 1);
  return ok(Object.assign({}, said, { output: [stderr(warning), ...said.output] }));
}
