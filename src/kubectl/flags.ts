import { readCsvRecord } from '../go/csv.ts';
import { parseGoDuration } from '../go/duration.ts';
import { goQuote } from '../go/strings.ts';
import { err, ok, type Result } from '../result.ts';
import { type KubectlError, kubectlError } from './errors.ts';

/**
 * Flag parsing with pflag's rules, which kubectl users rely on: flags may come anywhere among the
 * arguments; `--name=value`, `--name value`, `-n value`, `-nvalue` and `-n=value`; booleans take no
 * separate value (`--all`, `--all=false`) and combine (`-it`); `--` ends the flags; repeated
 * string-list flags accumulate, each value read as a CSV record (pflag StringSlice: `-L a,b`,
 * `-L '"a,b"'` one label, `-L ''` none), string-array flags
 * accumulate whole (pflag StringArray: `run --env="A=x,y"` is one variable).
 */
export type FlagType = 'bool' | 'string' | 'int' | 'list' | 'array';

export interface FlagSpec {
  name: string;
  short?: string;
  type: FlagType;
  /**
   * pflag's NoOptDefVal: the value of the flag written without one (`--dry-run` is `unchanged`),
   * which then takes no following argument (`--dry-run client` leaves `client` an argument).
   */
  optionalValue?: string;
}

export type FlagValue = boolean | string | number | string[];

export interface ParsedLine {
  args: string[];
  flags: Map<string, FlagValue>;
  /** Arguments after `--`, for exec; null when there was no `--`. */
  afterDash: string[] | null;
  /**
   * The namespace the member's kubeconfig context names (`kubectl config set-context --current
   * --namespace=NS`), if any: what a command without `-n` acts in. `-n` wins; unlike `-n`, it
   * never refuses a manifest that names another namespace.
   */
  contextNamespace?: string;
}

/** Flags every verb accepts, like kubectl's global flags. */
export const GLOBAL_FLAGS: readonly FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'help', short: 'h', type: 'bool' },
  { name: 'kubeconfig', type: 'string' },
  { name: 'context', type: 'string' },
  { name: 'request-timeout', type: 'string' },
];

export function parseFlags(
  tokens: readonly string[],
  specs: readonly FlagSpec[],
  verb: string,
): Result<ParsedLine, KubectlError> {
  const all = withGlobals(specs);
  const out: ParsedLine = { args: [], flags: new Map(), afterDash: null };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    if (token === '--') {
      out.afterDash = tokens.slice(i + 1);
      break;
    }
    if (token.startsWith('--')) {
      const step = longFlag(token, tokens[i + 1], all, out, verb);
      if (!step.ok) return step;
      i += step.value;
    } else if (token.startsWith('-') && token.length > 1) {
      const step = shortFlags(token, tokens[i + 1], all, out, verb);
      if (!step.ok) return step;
      i += step.value;
    } else {
      out.args.push(token);
    }
  }
  return ok(out);
}

/** A verb's flags after the global ones, put together once per verb. */
const allFlags = new WeakMap<readonly FlagSpec[], readonly FlagSpec[]>();
function withGlobals(specs: readonly FlagSpec[]): readonly FlagSpec[] {
  let all = allFlags.get(specs);
  if (all === undefined) {
    all = [...GLOBAL_FLAGS, ...specs];
    allFlags.set(specs, all);
  }
  return all;
}

/** Returns how many extra tokens were consumed. */
function longFlag(
  token: string,
  next: string | undefined,
  specs: readonly FlagSpec[],
  out: ParsedLine,
  verb: string,
): Result<number, KubectlError> {
  const eq = token.indexOf('=');
  const name = eq === -1 ? token.slice(2) : token.slice(2, eq);
  const spec = specs.find((s) => s.name === name);
  if (spec === undefined) return err(kubectlError('unknownFlag', { flag: `--${name}`, verb }));
  if (eq !== -1) return set(spec, token.slice(eq + 1), `--${name}`, out, verb, 0);
  if (spec.type === 'bool') return set(spec, 'true', `--${name}`, out, verb, 0);
  if (spec.optionalValue !== undefined) return set(spec, spec.optionalValue, `--${name}`, out, verb, 0);
  if (next === undefined)
    return err(kubectlError('flagNeedsArgument', { flag: `--${name}`, arg: token, verb }));
  return set(spec, next, `--${name}`, out, verb, 1);
}

function shortFlags(
  token: string,
  next: string | undefined,
  specs: readonly FlagSpec[],
  out: ParsedLine,
  verb: string,
): Result<number, KubectlError> {
  for (let j = 1; j < token.length; j++) {
    const letter = token[j] ?? '';
    // pflag names the shorthands still unread, not the whole word: `-Az` is "'z' in -z".
    const arg = `-${token.slice(j)}`;
    const spec = specs.find((s) => s.short === letter);
    if (spec === undefined) return err(kubectlError('unknownShorthand', { letter, arg, verb }));
    const rest = token.slice(j + 1);
    // pflag reads `-x=VALUE` only with a VALUE: `-o=` is `-o` with the value `=`, and a bare
    // `-A=` is `-A` followed by a shorthand `=` it does not know.
    const assigned = rest.length > 1 && rest.startsWith('=');
    if (spec.type === 'bool') {
      if (assigned) return set(spec, rest.slice(1), `--${spec.name}`, out, verb, 0);
      const r = set(spec, 'true', `--${spec.name}`, out, verb, 0);
      if (!r.ok) return r;
      continue;
    }
    if (rest.length > 0) return set(spec, assigned ? rest.slice(1) : rest, `--${spec.name}`, out, verb, 0);
    if (next === undefined) return err(kubectlError('flagNeedsArgument', { flag: `-${letter}`, arg, verb }));
    return set(spec, next, `--${spec.name}`, out, verb, 1);
  }
  return ok(0);
}

function set(
  spec: FlagSpec,
  raw: string,
  flag: string,
  out: ParsedLine,
  verb: string,
  consumed: number,
): Result<number, KubectlError> {
  // pflag names a flag with a shorthand as "-i, --stdin" in its errors.
  const named = spec.short === undefined ? flag : `-${spec.short}, ${flag}`;
  switch (spec.type) {
    case 'bool': {
      const value = parseBool(raw);
      if (value === undefined) {
        return err(
          kubectlError('invalidFlagValue', {
            value: raw,
            flag: named,
            reason: `strconv.ParseBool: parsing "${raw}": invalid syntax`,
            verb,
          }),
        );
      }
      out.flags.set(spec.name, value);
      return ok(consumed);
    }
    case 'int': {
      if (!/^[+-]?\d+$/.test(raw)) {
        return err(
          kubectlError('invalidFlagValue', {
            value: raw,
            flag: named,
            reason: `strconv.ParseInt: parsing "${raw}": invalid syntax`,
            verb,
          }),
        );
      }
      out.flags.set(spec.name, Number.parseInt(raw, 10));
      return ok(consumed);
    }
    case 'list': {
      // pflag's readAsCSV: an empty value is no items, any other one record of encoding/csv.
      const record = raw === '' ? ok([]) : readCsvRecord(raw);
      if (!record.ok)
        return err(
          kubectlError('invalidFlagValue', {
            value: goQuote(raw).slice(1, -1),
            flag: named,
            reason: record.error,
            verb,
          }),
        );
      const prior = out.flags.get(spec.name);
      out.flags.set(spec.name, [...(Array.isArray(prior) ? prior : []), ...record.value]);
      return ok(consumed);
    }
    case 'array': {
      const prior = out.flags.get(spec.name);
      out.flags.set(spec.name, [...(Array.isArray(prior) ? prior : []), raw]);
      return ok(consumed);
    }
    case 'string':
      out.flags.set(spec.name, raw);
      return ok(consumed);
  }
}

/** Go's strconv.ParseBool accepts exactly these spellings. */
export function parseBool(raw: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(raw)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(raw)) return false;
  return undefined;
}

export const flagString = (line: ParsedLine, name: string): string | undefined => {
  const v = line.flags.get(name);
  return typeof v === 'string' ? v : undefined;
};
export const flagBool = (line: ParsedLine, name: string): boolean => line.flags.get(name) === true;
export const flagInt = (line: ParsedLine, name: string): number | undefined => {
  const v = line.flags.get(name);
  return typeof v === 'number' ? v : undefined;
};
export const flagList = (line: ParsedLine, name: string): string[] => {
  const v = line.flags.get(name);
  return Array.isArray(v) ? v : [];
};

/** pflag's refusal of a Duration flag's value (time.ParseDuration's words), or null when absent or valid. */
/** A duration flag pflag has already accepted (durationFlagError), in ms: 0 when absent. */
export function durationFlagMs(line: ParsedLine, flag: string): number {
  const parsed = parseGoDuration(flagString(line, flag) ?? '0s');
  return parsed.ok ? parsed.value : 0;
}

export function durationFlagError(line: ParsedLine, flag: string, verb: string): KubectlError | null {
  const text = flagString(line, flag);
  const parsed = text === undefined ? null : parseGoDuration(text);
  if (parsed === null || parsed.ok) return null;
  return kubectlError('invalidFlagValue', {
    value: text ?? '',
    flag: `--${flag}`,
    reason: parsed.error,
    verb,
  });
}
