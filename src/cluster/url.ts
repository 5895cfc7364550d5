/**
 * The URLs the simulated curl and wget accept: `[scheme://]host[:port][/path]`, with `[v6]`
 * literals. Only http and https exist here; the scheme defaults to http as both tools guess.
 */
export interface Url {
  scheme: 'http' | 'https';
  host: string;
  /** Did the URL name the port (it then appears in the Host header). */
  explicitPort: boolean;
  port: number;
  path: string;
  text: string;
}

export type UrlError = { kind: 'protocol'; scheme: string } | { kind: 'noHost' } | { kind: 'badPort' };

export function parseUrl(raw: string): { ok: true; url: Url } | { ok: false; error: UrlError } {
  const schemeMatch = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(raw);
  const scheme = (schemeMatch?.[1] ?? 'http').toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return { ok: false, error: { kind: 'protocol', scheme } };
  const rest = schemeMatch === null ? raw : raw.slice(schemeMatch[0].length);
  const slash = rest.search(/[/?#]/);
  const authority = slash === -1 ? rest : rest.slice(0, slash);
  const path = slash === -1 ? '/' : rest[slash] === '/' ? rest.slice(slash) : `/${rest.slice(slash)}`;
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
  const v6 = /^(\[[^\]]*\])(?::(.*))?$/.exec(hostPort);
  const colon = hostPort.lastIndexOf(':');
  const host = v6 !== null ? (v6[1] ?? '') : colon === -1 ? hostPort : hostPort.slice(0, colon);
  const portText = v6 !== null ? v6[2] : colon === -1 ? undefined : hostPort.slice(colon + 1);
  if (host === '') return { ok: false, error: { kind: 'noHost' } };
  const fallback = scheme === 'https' ? 443 : 80;
  if (portText !== undefined && portText !== '' && !/^\d{1,5}$/.test(portText))
    return { ok: false, error: { kind: 'badPort' } };
  const port = portText === undefined || portText === '' ? fallback : Number(portText);
  if (port > 65535) return { ok: false, error: { kind: 'badPort' } };
  return {
    ok: true,
    url: {
      scheme,
      host,
      explicitPort: portText !== undefined && portText !== '',
      port,
      path,
      text: `${scheme}://${host}${portText ? `:${portText}` : ''}${path}`,
    },
  };
}

/** The Host header: the port only when it is not the scheme's default. */
export const hostHeader = (url: Url): string =>
  url.port === (url.scheme === 'https' ? 443 : 80) ? url.host : `${url.host}:${url.port}`;
