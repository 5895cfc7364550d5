/**
 * curl's command line, the part members use: short flags combine (`-sS`, `-sv`), values attach
 * or follow (`-m5`, `-m 5`), anything else that is not an option is a URL. An unknown option or
 * a bad number stops curl with exit code 2, as the real tool does.
 */
export interface CurlOptions {
  silent: boolean;
  showError: boolean;
  verbose: boolean;
  head: boolean;
  include: boolean;
  /** Seconds: `-m`/`--max-time`, or `--connect-timeout` (the connect phase is all we simulate). */
  timeout: number | null;
  /** `-o FILE`: the body goes there, not to the terminal. */
  output: string | null;
  writeOut: string | null;
  method: string | null;
  urls: string[];
}

const BOOL_SHORT: Record<string, keyof CurlOptions | null> = {
  s: 'silent',
  S: 'showError',
  v: 'verbose',
  I: 'head',
  i: 'include',
  L: null,
  f: null,
  k: null,
  '4': null,
  '6': null,
};
const VALUE_SHORT: Record<string, string> = {
  m: '--max-time',
  o: '--output',
  w: '--write-out',
  X: '--request',
  H: '--header',
  d: '--data',
  A: '--user-agent',
};
const BOOL_LONG: Record<string, keyof CurlOptions | null> = {
  '--silent': 'silent',
  '--show-error': 'showError',
  '--verbose': 'verbose',
  '--head': 'head',
  '--include': 'include',
  '--no-progress-meter': null,
  '--location': null,
  '--fail': null,
  '--insecure': null,
  '--http1.1': null,
  '--ipv4': null,
  '--ipv6': null,
};
const VALUE_LONG = new Set([
  '--max-time',
  '--connect-timeout',
  '--output',
  '--write-out',
  '--request',
  '--header',
  '--data',
  '--user-agent',
  '--retry',
]);

export type CurlParse = { ok: true; options: CurlOptions } | { ok: false; message: string };

export function parseCurl(args: readonly string[]): CurlParse {
  const o: CurlOptions = {
    silent: false,
    showError: false,
    verbose: false,
    head: false,
    include: false,
    timeout: null,
    output: null,
    writeOut: null,
    method: null,
    urls: [],
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg.startsWith('--')) {
      if (arg in BOOL_LONG) {
        setBool(o, BOOL_LONG[arg] ?? null);
        continue;
      }
      if (!VALUE_LONG.has(arg)) return { ok: false, message: `option ${arg}: is unknown` };
      const value = args[++i];
      if (value === undefined) return { ok: false, message: `option ${arg}: requires parameter` };
      const set = setValue(o, arg, value);
      if (set !== null) return { ok: false, message: set };
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      o.urls.push(arg);
      continue;
    }
    for (let j = 1; j < arg.length; j++) {
      const letter = arg[j] ?? '';
      if (letter in BOOL_SHORT) {
        setBool(o, BOOL_SHORT[letter] ?? null);
        continue;
      }
      const long = VALUE_SHORT[letter];
      if (long === undefined) return { ok: false, message: `option -${letter}: is unknown` };
      const attached = arg.slice(j + 1);
      const value = attached !== '' ? attached : args[++i];
      if (value === undefined) return { ok: false, message: `option -${letter}: requires parameter` };
      const set = setValue(o, long, value, `-${letter}`);
      if (set !== null) return { ok: false, message: set };
      break;
    }
  }
  return { ok: true, options: o };
}

function setBool(o: CurlOptions, key: keyof CurlOptions | null): void {
  if (key === 'silent' || key === 'showError' || key === 'verbose' || key === 'head' || key === 'include')
    o[key] = true;
}

function setValue(o: CurlOptions, long: string, value: string, shown = long): string | null {
  switch (long) {
    case '--max-time':
    case '--connect-timeout': {
      if (!/^\d+(\.\d+)?$/.test(value)) return `option ${shown}: expected a proper numerical parameter`;
      o.timeout = o.timeout === null ? Number(value) : Math.min(o.timeout, Number(value));
      return null;
    }
    case '--output':
      o.output = value;
      return null;
    case '--write-out':
      o.writeOut = value;
      return null;
    case '--request':
      o.method = value.toUpperCase();
      return null;
    case '--data':
      o.method = o.method ?? 'POST';
      return null;
    default:
      return null;
  }
}
