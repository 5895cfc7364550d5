import { err, ok, type Result } from '../result.ts';
import { type KubectlError, kubectlError } from './errors.ts';
import { type FlagSpec, flagString, type ParsedLine, parseBool } from './flags.ts';
import { type OutputLine, stderr } from './verb.ts';

/**
 * `--cascade` as kubectl's DeleteFlags read it (KC 1.33 delete_flags.go parseCascadingFlag):
 * background (also written alone), foreground or orphan; the old boolean form still works with
 * a warning on stderr (true is background, false orphan); anything else is refused.
 */
export const CASCADE_FLAG: FlagSpec = { name: 'cascade', type: 'string', optionalValue: 'background' };

export type Cascade = 'Background' | 'Foreground' | 'Orphan';

export function cascadeOf(
  line: ParsedLine,
): Result<{ cascade: Cascade; warnings: OutputLine[] }, KubectlError> {
  const value = flagString(line, 'cascade') ?? 'background';
  const asBool = parseBool(value);
  if (asBool !== undefined) {
    const meant = asBool ? 'background' : 'orphan';
    const warning = `warning: --cascade=${value} is deprecated (boolean value) and can be replaced with --cascade=${meant}.`;
    return ok({ cascade: asBool ? 'Background' : 'Orphan', warnings: [stderr(warning)] });
  }
  if (value === 'background') return ok({ cascade: 'Background', warnings: [] });
  if (value === 'foreground') return ok({ cascade: 'Foreground', warnings: [] });
  if (value === 'orphan') return ok({ cascade: 'Orphan', warnings: [] });
  return err(
    kubectlError('plain', {
      message: `invalid cascade value (${value}). Must be "background", "foreground", or "orphan"`,
    }),
  );
}
