import { dirname } from 'node:path';
import type { App } from '../chat/context.ts';
import type { SandboxKey } from '../store/sandboxes.ts';
import { type ApiServer, startApiServer } from './server.ts';
import { loadOrCreateTls } from './tls.ts';

/**
 * The API door's settings, from the environment (off unless `PODIUM_API_PORT` is set):
 *
 *   PODIUM_API_PORT   the port to listen on
 *   PODIUM_API_HOST   the address to listen on (default 127.0.0.1: only this machine)
 *   PODIUM_API_URL    the address members' kubectl reaches (default https://127.0.0.1:PORT)
 *   PODIUM_API_TLS    `off` to serve plain HTTP behind a TLS-terminating proxy
 *   PODIUM_API_TLS_DIR  where the CA and server certificate are kept (default: beside the database)
 */
export interface ApiDoorConfig {
  port: number;
  host: string;
  url: string;
  tls: boolean;
  tlsDir: string | null;
}

export function apiDoorConfig(env: NodeJS.ProcessEnv): ApiDoorConfig | null {
  const port = Number(env.PODIUM_API_PORT);
  if (env.PODIUM_API_PORT === undefined || !Number.isInteger(port) || port <= 0 || port > 65535) return null;
  const tls = env.PODIUM_API_TLS !== 'off';
  return {
    port,
    host: env.PODIUM_API_HOST ?? '127.0.0.1',
    url: env.PODIUM_API_URL ?? `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    tls,
    tlsDir: env.PODIUM_API_TLS_DIR ?? null,
  };
}

/** Where the CA and server certificate live: as configured, else beside the database (`data/` for an in-memory one). */
export const tlsDirFor = (config: ApiDoorConfig, dbPath: string): string =>
  config.tlsDir ?? (dbPath === ':memory:' ? 'data' : dirname(dbPath));

export async function startApiDoor(
  app: App,
  config: ApiDoorConfig,
  dbPath: string,
  budgetMs: number,
  onWrite: (key: SandboxKey) => void = () => {},
): Promise<ApiServer> {
  const host = hostOf(config.url);
  const tls = config.tls
    ? await loadOrCreateTls(tlsDirFor(config, dbPath), host === null ? [] : [host])
    : null;
  const server = await startApiServer(app, { port: config.port, host: config.host, tls, budgetMs, onWrite });
  app.log.info(
    { port: server.port, host: config.host, url: config.url, tls: config.tls },
    'api door listening',
  );
  return server;
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return null;
  }
}
