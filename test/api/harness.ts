import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { kubeconfigText } from '../../src/api/kubeconfig.ts';
import { type ApiServer, type ApiServerOptions, startApiServer } from '../../src/api/server.ts';
import { loadOrCreateTls, type TlsFiles } from '../../src/api/tls.ts';
import { ApiTokenStore } from '../../src/api/tokens.ts';
import { type TestApp, testApp } from '../helpers/app.ts';

/**
 * A Podium with its API door on 127.0.0.1 (TLS with a CA made once per test run), members with
 * kubeconfigs, and the real kubectl binaries that stand beside the version dispatcher on PATH.
 */
export interface Door {
  t: TestApp;
  server: ApiServer;
  tls: TlsFiles;
  url: string;
  /** A kubeconfig file for `user` (a console member of scope `test`), with a fresh token. */
  kubeconfig(user: string, shared?: readonly string[]): { path: string; token: string };
  close(): Promise<void>;
}

let tlsOnce: Promise<TlsFiles> | undefined;
export const TLS_DIR = join(tmpdir(), 'podium-api-test-tls');

export async function openDoor(options: Partial<ApiServerOptions> = {}, dbPath = ':memory:'): Promise<Door> {
  const t = testApp(dbPath);
  tlsOnce ??= loadOrCreateTls(TLS_DIR, []);
  const tls = await tlsOnce;
  const server = await startApiServer(t.app, {
    port: 0,
    host: '127.0.0.1',
    tls,
    budgetMs: 10_000,
    ...options,
  });
  const url = `https://127.0.0.1:${server.port}`;
  const dir = mkdtempSync(join(tmpdir(), 'podium-kubeconfig-'));
  const tokens = new ApiTokenStore(t.app.db);
  return {
    t,
    server,
    tls,
    url,
    kubeconfig(user, shared = []) {
      const token = tokens.issue({ platform: 'console', scope: 'test', user }, user, t.clock.now);
      const path = join(dir, `${user}-${Math.random().toString(36).slice(2)}.yaml`);
      writeFileSync(
        path,
        kubeconfigText({ server: url, token, username: user, ca: tls.ca, shared, namespaces: new Map() }),
      );
      return { path, token };
    },
    close: () => server.close(),
  };
}

/** `kubectl.1.33` and `kubectl.1.32` beside the dispatcher, where they exist. */
export function realKubectls(): string[] {
  const dispatcher = which('kubectl');
  if (dispatcher === null) return [];
  let real: string;
  try {
    real = realpathSync(dispatcher);
  } catch {
    return [];
  }
  return ['kubectl.1.33', 'kubectl.1.32'].map((n) => join(dirname(real), n)).filter((p) => existsSync(p));
}

function which(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    const path = join(dir, name);
    if (dir !== '' && existsSync(path)) return path;
  }
  return null;
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs kubectl with a throwaway HOME and discovery cache, so every run sees discovery; the HOME
 * is removed when kubectl exits (left behind, a full test run kept 440 of them, 145 MB, in the
 * temp dir each time).
 */
export function kubectl(
  binary: string,
  kubeconfig: string,
  args: readonly string[],
  stdin?: string,
): Promise<Run> {
  const home = mkdtempSync(join(tmpdir(), 'podium-kubectl-home-'));
  mkdirSync(join(home, '.kube'), { recursive: true });
  return new Promise((resolve) => {
    const child = execFile(
      binary,
      [`--kubeconfig=${kubeconfig}`, `--cache-dir=${join(home, 'cache')}`, ...args],
      { env: { HOME: home, PATH: process.env.PATH ?? '' }, timeout: 30_000, maxBuffer: 8 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        rmSync(home, { recursive: true, force: true });
        resolve({ code, stdout, stderr });
      },
    );
    if (stdin !== undefined) child.stdin?.end(stdin);
    else child.stdin?.end();
  });
}

/** A file in the temp dir, for `-f` (named per test process, so parallel files never collide). */
export function tempFile(name: string, text: string): string {
  const path = join(tmpdir(), `podium-${process.pid}-${name}`);
  writeFileSync(path, text);
  return path;
}

/** The course notes' manifest (kubia-manual, labelled creation_method=manual and env=prod). */
export const MANUAL_POD = `apiVersion: v1
kind: Pod
metadata:
  name: kubia-manual
  labels:
    creation_method: manual
    env: prod
spec:
  containers:
  - image: luksa/kubia
    name: kubia
    ports:
    - containerPort: 8080
      protocol: TCP
`;

/** A TCP port nobody listens on right now (for kubectl port-forward and the console's door). */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

/** `kubectl port-forward POD LOCAL:REMOTE` running in the background, with its own HOME. */
export function portForward(binary: string, kubeconfig: string, pod: string, ports: string): ChildProcess {
  const home = mkdtempSync(join(tmpdir(), 'podium-pf-'));
  return spawn(
    binary,
    [`--kubeconfig=${kubeconfig}`, `--cache-dir=${home}/cache`, 'port-forward', pod, ports],
    {
      env: { HOME: home, PATH: process.env.PATH ?? '' },
    },
  );
}
