import type { Terminal } from './curl.ts';
import type { Connection } from './network.ts';
import { connect, resolveHost, serve } from './network.ts';
import { type Chunk, errOut, out, type ProgramResult, result } from './screen.ts';
import { parseUrl, type Url } from './url.ts';

/**
 * wget in two dialects: BusyBox's, inside busybox and alpine containers (terse; errors like
 * `wget: can't connect to remote host (10.244.1.9): Connection refused`, exit 1), and GNU wget on
 * the member's own computer (exit 4 on network failures). Both take `-q`, `-O FILE` / `-O-`
 * (the usual `wget -qO- URL`) and `-T SEC`.
 */
interface WgetOptions {
  quiet: boolean;
  /** null: save under the URL's file name (index.html); '-': stdout. */
  output: string | null;
  timeout: number | null;
  urls: string[];
}

export type Dialect = 'busybox' | 'gnu';

function parseWget(args: readonly string[]): { ok: true; o: WgetOptions } | { ok: false; message: string } {
  const o: WgetOptions = { quiet: false, output: null, timeout: null, urls: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--quiet') o.quiet = true;
    else if (arg.startsWith('--output-document=')) o.output = arg.slice('--output-document='.length);
    else if (arg.startsWith('--timeout=')) o.timeout = Number(arg.slice('--timeout='.length));
    else if (arg.startsWith('--')) return { ok: false, message: `unrecognized option '${arg}'` };
    else if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const letter = arg[j] ?? '';
        if (letter === 'q') o.quiet = true;
        else if (letter === 'S' || letter === 'c') continue;
        else if (letter === 'O' || letter === 'T') {
          const value = arg.slice(j + 1) || args[++i];
          if (value === undefined)
            return { ok: false, message: `option requires an argument -- '${letter}'` };
          if (letter === 'O') o.output = value;
          else o.timeout = Number(value);
          break;
        } else return { ok: false, message: `invalid option -- '${letter}'` };
      }
    } else o.urls.push(arg);
  }
  return { ok: true, o };
}

export function runWget(term: Terminal, args: readonly string[], dialect: Dialect): ProgramResult {
  const parsed = parseWget(args);
  const usage =
    dialect === 'busybox'
      ? BUSYBOX_USAGE
      : "Usage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n";
  if (!parsed.ok) return result([errOut(`wget: ${parsed.message}\n${usage}`)], dialect === 'busybox' ? 1 : 2);
  const o = parsed.o;
  const raw = o.urls[0];
  if (raw === undefined)
    return result([errOut(dialect === 'busybox' ? BUSYBOX_USAGE : `wget: missing URL\n${usage}`)], 1);
  const url = parseUrl(raw);
  if (!url.ok) {
    const text =
      dialect === 'busybox' ? `wget: not an http or ftp url: ${raw}\n` : `${raw}: Unsupported scheme.\n`;
    return result([errOut(text)], 1);
  }
  return dialect === 'busybox' ? busybox(term, o, url.url) : gnu(term, o, url.url);
}

function busybox(term: Terminal, o: WgetOptions, url: Url): ProgramResult {
  const hostPort = url.explicitPort ? `${url.host}:${url.port}` : url.host;
  // BusyBox takes the first address the resolver gives: 127.0.0.1 for localhost (/etc/hosts order).
  const resolved = resolveHost(term.origin, url.host)?.filter(
    (a) => !(url.host === 'localhost' && a === '::1'),
  );
  const address = resolved?.[0];
  if (address === undefined) return result([errOut(`wget: bad address '${hostPort}'\n`)], 1);
  const chunks: Chunk[] = [];
  if (!o.quiet) chunks.push(errOut(`Connecting to ${hostPort} (${address}:${url.port})\n`));
  const c = connect(term.cluster, term.origin, address, url.port);
  if (c.kind !== 'open') {
    const reason = BUSYBOX_REASON[c.kind];
    const line =
      c.kind === 'timeout' && o.timeout !== null
        ? 'wget: download timed out\n'
        : c.kind === 'dropped'
          ? 'wget: error getting response\n'
          : `wget: can't connect to remote host (${address}): ${reason}\n`;
    return result([...chunks, errOut(line)], 1);
  }
  const served = serve(term.cluster, c, 'GET');
  if (served.response === null || url.scheme === 'https')
    return result([...chunks, errOut('wget: error getting response\n')], 1, served.changes);
  const body = served.response.body;
  const size = Buffer.byteLength(body);
  const name = o.output ?? 'index.html';
  const toStdout = name === '-';
  if (!o.quiet) chunks.push(errOut(toStdout ? 'writing to stdout\n' : `saving to '${name}'\n`));
  if (toStdout) chunks.push(out(body));
  if (!o.quiet) {
    const label = (toStdout ? '-' : name).padEnd(20);
    chunks.push(errOut(`${label} 100% |${'*'.repeat(32)}| ${String(size).padStart(5)}  0:00:00 ETA\n`));
    chunks.push(errOut(toStdout ? 'written to stdout\n' : `'${name}' saved\n`));
  }
  return result(chunks, 0, served.changes);
}

const BUSYBOX_REASON: Record<Exclude<Connection['kind'], 'open'>, string> = {
  refused: 'Connection refused',
  unreachable: 'No route to host',
  timeout: 'Connection timed out',
  dropped: 'Connection reset by peer',
};

const BUSYBOX_USAGE = `BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.

Usage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]
	[--post-data STR | --post-file FILE] [-Y on/off]
	[-P DIR] [-U AGENT] [-T SEC] URL...

Retrieve files via HTTP or FTP
`;

function gnu(term: Terminal, o: WgetOptions, url: Url): ProgramResult {
  const stamp = new Date(term.cluster.now).toISOString().slice(0, 19).replace('T', ' ');
  const chunks: Chunk[] = [];
  const say = (line: string) => {
    if (!o.quiet) chunks.push(errOut(`${line}\n`));
  };
  say(`--${stamp}--  ${url.text}`);
  const addresses = resolveHost(term.origin, url.host);
  const literal = addresses?.length === 1 && addresses[0] === url.host.replace(/^\[(.*)\]$/, '$1');
  if (addresses === null) {
    say(`Resolving ${url.host} (${url.host})... failed: Name or service not known.`);
    chunks.push(errOut(`wget: unable to resolve host address ‘${url.host}’\n`));
    return result(chunks, 4);
  }
  if (!literal) say(`Resolving ${url.host} (${url.host})... ${addresses.join(', ')}`);
  for (const address of addresses) {
    const where = literal ? `${url.host}:${url.port}` : `${url.host} (${url.host})|${address}|:${url.port}`;
    const c = connect(term.cluster, term.origin, address, url.port);
    if (c.kind === 'refused' || c.kind === 'unreachable' || c.kind === 'timeout') {
      const why = {
        refused: 'Connection refused',
        unreachable: 'No route to host',
        timeout: 'Connection timed out',
      }[c.kind];
      say(`Connecting to ${where}... failed: ${why}.`);
      if (c.kind === 'timeout') say('Retrying.');
      continue;
    }
    say(`Connecting to ${where}... connected.`);
    const served = c.kind === 'open' ? serve(term.cluster, c, 'GET') : null;
    if (served === null || served.response === null) {
      say('HTTP request sent, awaiting response... No data received.');
      say('Retrying.');
      return result(chunks, 4, served?.changes ?? []);
    }
    const body = served.response.body;
    const size = Buffer.byteLength(body);
    const length = served.response.headers.find(([k]) => k === 'Content-Length');
    const type = served.response.headers.find(([k]) => k === 'Content-Type')?.[1];
    const name = o.output ?? 'index.html';
    say(`HTTP request sent, awaiting response... ${served.response.status} ${served.response.reason}`);
    say(
      length === undefined
        ? 'Length: unspecified'
        : `Length: ${size}${type === undefined ? '' : ` [${type}]`}`,
    );
    say(`Saving to: ‘${name === '-' ? 'STDOUT' : name}’`);
    say('');
    if (name === '-') chunks.push(out(body));
    say(
      `${(name === '-' ? '-' : name).padEnd(19)} 100%[===================>] ${String(size).padStart(7)}  --.-KB/s    in 0s      `,
    );
    say('');
    say(
      `${stamp} (${rate(size)}) - ${name === '-' ? 'written to stdout' : `‘${name}’ saved`} [${size}${length === undefined ? '' : `/${size}`}]`,
    );
    say('');
    return result(chunks, 0, served.changes);
  }
  return result(chunks, 4);
}

/** wget's transfer rate (retr_rate): a local transfer takes about 0.1 ms. */
function rate(bytes: number): string {
  let value = bytes / 0.0001;
  let unit = 0;
  while (value >= 1024 && unit < 3) {
    value /= 1024;
    unit += 1;
  }
  const digits = value >= 99.95 ? 0 : value >= 9.995 ? 1 : 2;
  return `${value.toFixed(digits)} ${['B/s', 'KB/s', 'MB/s', 'GB/s'][unit]}`;
}
