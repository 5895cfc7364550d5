import { applyToCluster, type Change } from './changes.ts';
import { type CurlOptions, parseCurl } from './curl-options.ts';
import { LIMITS } from './limits.ts';
import type { Cluster } from './model.ts';
import { type Connection, connect, type HttpResponse, type Origin, resolveHost, serve } from './network.ts';
import { type Chunk, errOut, out, type ProgramResult, result } from './screen.ts';
import { hostHeader, parseUrl, type Url } from './url.ts';

/**
 * curl 8.x, as a member meets it in a pod (`kubectl exec POD -- curl ...`) or on their own
 * computer. Error texts and exit codes are curl's: 6 could not resolve, 7 refused or no route,
 * 28 timed out, 52 empty reply, 35 TLS against a plain-HTTP port. When stdout is not a terminal
 * (exec without `-t`) curl draws its progress meter on stderr, which is why the notes use `-s`.
 */
export const CURL_VERSION = '8.5.0';
const TRY_HELP = "curl: try 'curl --help' or 'curl --manual' for more information\n";
/** How long Linux keeps retrying a SYN nobody answers, and how long ARP takes to give up. */
const SYN_GIVE_UP_MS = 131_063;
const ARP_GIVE_UP_MS = 3_069;

export interface Terminal {
  cluster: Cluster;
  origin: Origin;
  /** stdout is a terminal: no progress meter. */
  tty: boolean;
}

export function runCurl(term: Terminal, args: readonly string[]): ProgramResult {
  const parsed = parseCurl(args);
  if (!parsed.ok) return result([errOut(`curl: ${parsed.message}\n${TRY_HELP}`)], 2);
  const o = parsed.options;
  if (o.urls.length === 0) return result([errOut(`curl: no URL specified!\n${TRY_HELP}`)], 2);
  let cluster = term.cluster;
  const chunks: Chunk[] = [];
  const changes: ProgramResult['changes'] = [];
  let exitCode = 0;
  for (const raw of o.urls.slice(0, LIMITS.urlsPerCommand)) {
    const one = transfer({ ...term, cluster }, o, raw);
    chunks.push(...one.chunks);
    changes.push(...one.changes);
    cluster = applyToCluster(cluster, one.changes);
    exitCode = one.exitCode;
  }
  const ran = result(chunks, exitCode, lastPutPerPod(changes));
  if (o.urls.length <= LIMITS.urlsPerCommand) return ran;
  const params = { limit: LIMITS.urlsPerCommand, count: o.urls.length };
  return { ...ran, notes: [{ key: 'cost.urlsCapped', params }] };
}

/** Each request rewrites its server's pod; only the last write of each pod needs storing. */
function lastPutPerPod(changes: readonly Change[]): Change[] {
  const last = new Map<string, number>();
  changes.forEach((change, i) => {
    if (change.op === 'putPod') last.set(change.pod.metadata.uid, i);
  });
  return changes.filter((change, i) => change.op !== 'putPod' || last.get(change.pod.metadata.uid) === i);
}

interface Failure {
  code: number;
  message: string;
  elapsedMs: number;
}

function transfer(term: Terminal, o: CurlOptions, raw: string): ProgramResult {
  const meter = !o.silent && !o.verbose && (!term.tty || o.output !== null);
  const verbose: Chunk[] = [];
  const v = (line: string) => {
    if (o.verbose) verbose.push(errOut(`${line}\n`));
  };
  const fail = (f: Failure): ProgramResult => {
    const chunks: Chunk[] = [...verbose];
    if (meter) chunks.push(errOut(`${METER_HEADER}${meterLine(0, 0, false, f.elapsedMs)}`));
    if (!o.silent || o.showError) chunks.push(errOut(`curl: (${f.code}) ${f.message}\n`));
    if (o.writeOut !== null) chunks.push(out(writeOut(o.writeOut, '000', '', 0)));
    return result(chunks, f.code);
  };
  const parsed = parseUrl(raw);
  if (!parsed.ok) {
    const e = parsed.error;
    const message =
      e.kind === 'protocol'
        ? `Protocol "${e.scheme}" not supported`
        : e.kind === 'noHost'
          ? 'URL rejected: No host part in the URL'
          : 'URL rejected: Port number was not a decimal number between 0 and 65535';
    v(`* ${message}`);
    return fail({ code: e.kind === 'protocol' ? 1 : 3, message, elapsedMs: 0 });
  }
  const url = parsed.url;
  const addresses = resolveHost(term.origin, url.host);
  if (addresses === null) {
    v(`* Could not resolve host: ${url.host}`);
    v('* Closing connection');
    return fail({ code: 6, message: `Could not resolve host: ${url.host}`, elapsedMs: 0 });
  }
  const named = addresses[0] !== url.host.replace(/^\[(.*)\]$/, '$1');
  if (named) {
    v(`* Host ${url.host}:${url.port} was resolved.`);
    const v6 = addresses.filter((a) => a.includes(':'));
    const v4 = addresses.filter((a) => !a.includes(':'));
    v(`* IPv6: ${v6.length > 0 ? v6.join(', ') : '(none)'}`);
    v(`* IPv4: ${v4.length > 0 ? v4.join(', ') : '(none)'}`);
  }
  const reached = dial(term, url, addresses, o, v);
  if (reached.kind !== 'open' && reached.kind !== 'dropped') {
    const failure = connectFailure(reached.kind, url, o.timeout);
    v(`* ${failure.message}`);
    v('* Closing connection');
    return fail(failure);
  }
  v(`* Connected to ${url.host} (${reached.address}) port ${url.port}`);
  if (url.scheme === 'https') {
    const message = 'OpenSSL/3.0.13: error:0A00010B:SSL routines::wrong version number';
    v(`* ${message}`);
    v('* Closing connection');
    return fail({ code: 35, message, elapsedMs: 0 });
  }
  const method = o.method ?? (o.head ? 'HEAD' : 'GET');
  for (const line of [
    `${method} ${url.path} HTTP/1.1`,
    `Host: ${hostHeader(url)}`,
    `User-Agent: curl/${CURL_VERSION}`,
    'Accept: */*',
    '',
  ])
    v(`> ${line}`);
  const served = reached.kind === 'open' ? serve(term.cluster, reached.connection, method) : null;
  if (served === null || served.response === null) {
    v('* Empty reply from server');
    v('* Closing connection');
    return {
      ...fail({ code: 52, message: 'Empty reply from server', elapsedMs: 0 }),
      changes: served?.changes ?? [],
    };
  }
  return answered(o, url, served.response, meter, verbose, served.changes, reached.address);
}

type Reached =
  | { kind: 'open'; connection: Extract<Connection, { kind: 'open' }>; address: string }
  | { kind: 'dropped'; address: string }
  | { kind: 'refused' | 'unreachable' | 'timeout' };

/** Tries each address in turn, as curl does when the first one refuses. */
function dial(
  term: Terminal,
  url: Url,
  addresses: string[],
  o: CurlOptions,
  v: (l: string) => void,
): Reached {
  let last: Reached = { kind: 'refused' };
  for (const [i, address] of addresses.entries()) {
    const shown = address.includes(':') ? `[${address}]` : address;
    v(`*   Trying ${shown}:${url.port}...`);
    const c = connect(term.cluster, term.origin, address, url.port);
    if (c.kind === 'open') return { kind: 'open', connection: c, address };
    if (c.kind === 'dropped') return { kind: 'dropped', address };
    if (c.kind === 'refused' || c.kind === 'unreachable') {
      const why = c.kind === 'refused' ? 'Connection refused' : 'No route to host';
      v(
        `* connect to ${address} port ${url.port} from ${sourceOf(term, address)} port ${41_000 + i * 7} failed: ${why}`,
      );
    }
    last = { kind: c.kind };
    if (c.kind === 'timeout' && o.timeout !== null) break;
  }
  return last;
}

function sourceOf(term: Terminal, address: string): string {
  if (address === '::1' || address.startsWith('127.')) return address;
  return term.origin.kind === 'pod' ? (term.origin.pod.sim.podIP ?? '0.0.0.0') : '192.168.1.23';
}

function connectFailure(
  kind: 'refused' | 'unreachable' | 'timeout',
  url: Url,
  timeout: number | null,
): Failure {
  const where = `Failed to connect to ${url.host.replace(/^\[(.*)\]$/, '$1')} port ${url.port}`;
  if (kind === 'refused')
    return { code: 7, message: `${where} after 0 ms: Couldn't connect to server`, elapsedMs: 0 };
  if (timeout !== null && (kind === 'timeout' || timeout * 1000 < ARP_GIVE_UP_MS)) {
    const ms = Math.round(timeout * 1000) + 2;
    return { code: 28, message: `${where} after ${ms} ms: Timeout was reached`, elapsedMs: ms };
  }
  if (kind === 'unreachable')
    return {
      code: 7,
      message: `${where} after ${ARP_GIVE_UP_MS} ms: Couldn't connect to server`,
      elapsedMs: ARP_GIVE_UP_MS,
    };
  return {
    code: 28,
    message: `${where} after ${SYN_GIVE_UP_MS} ms: Couldn't connect to server`,
    elapsedMs: SYN_GIVE_UP_MS,
  };
}

function answered(
  o: CurlOptions,
  url: Url,
  response: HttpResponse,
  meter: boolean,
  verbose: Chunk[],
  changes: ProgramResult['changes'],
  address: string,
): ProgramResult {
  const statusLine = `HTTP/1.1 ${response.status} ${response.reason}`;
  const headerLines = [statusLine, ...response.headers.map(([k, val]) => `${k}: ${val}`), ''];
  const chunks: Chunk[] = [...verbose];
  if (o.verbose) for (const line of headerLines) chunks.push(errOut(`< ${line}\n`));
  const bytes = Buffer.byteLength(response.body);
  const known = response.headers.some(([k]) => k === 'Content-Length');
  const toTerminal = o.output === null;
  let shown = '';
  if (o.head || o.include)
    shown += headerLines
      .map((l) => `${l}\r\n`)
      .join('')
      .replaceAll('\r\n', '\n');
  if (!o.head) shown += response.body;
  if (meter) {
    chunks.push(errOut(METER_HEADER));
    // The meter's first line is drawn before the data arrives; the body lands right after it,
    // and the final figures are drawn on a line of their own (or over it, if nothing came).
    if (toTerminal && shown !== '') chunks.push(errOut(meterLine(0, 0, false, 0)), out(shown));
    chunks.push(errOut(`${meterLine(bytes, bytes, known, 0)}\n`));
  } else if (toTerminal) {
    chunks.push(out(shown));
  }
  if (o.verbose) chunks.push(errOut(`* Connection #0 to host ${url.host} left intact\n`));
  if (o.writeOut !== null) chunks.push(out(writeOut(o.writeOut, String(response.status), address, bytes)));
  return result(chunks, 0, changes);
}

function writeOut(format: string, code: string, ip: string, size: number): string {
  return format
    .replaceAll('%{http_code}', code)
    .replaceAll('%{response_code}', code)
    .replaceAll('%{remote_ip}', ip)
    .replaceAll('%{size_download}', String(size))
    .replaceAll('\\n', '\n');
}

const METER_HEADER =
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
  '                                 Dload  Upload   Total   Spent    Left  Speed\n';

/** One line of curl's progress meter (lib/progress.c): 3-wide percentages, 5-wide sizes. */
export function meterLine(total: number, received: number, known: boolean, spentMs: number): string {
  const speed = received === 0 ? 0 : received * 500;
  const pct = (part: number, whole: number) =>
    String(whole === 0 ? 0 : Math.floor((part * 100) / whole)).padStart(3);
  const totalPct = received === 0 ? 0 : 100;
  return [
    `${String(totalPct).padStart(3)} ${max5(total)}`,
    `${pct(received, known ? total : 0)} ${max5(received)}`,
    `${pct(0, 0)} ${max5(0)}`,
    `${max5(speed)}`,
    `${max5(0)} --:--:-- ${timeSpent(spentMs)} --:--:-- ${max5(speed)}`,
  ].join('  ');
}

function max5(bytes: number): string {
  if (bytes < 100_000) return String(bytes).padStart(5);
  if (bytes < 10_000 * 1024) return `${String(Math.floor(bytes / 1024)).padStart(4)}k`;
  const mb = 1024 * 1024;
  return `${String(Math.floor(bytes / mb)).padStart(2)}.${Math.floor((bytes % mb) / (mb / 10))}M`;
}

function timeSpent(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s === 0) return '--:--:--';
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${String(h).padStart(2)}:${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}
