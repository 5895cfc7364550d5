import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import type { FakeState } from './state.ts';

/**
 * Slack's Socket Mode, server side: a client that `apps.connections.open` gave a one-time ticket
 * connects to /link/, gets `hello`, then receives envelopes and must ack each one with its
 * `envelope_id` (within 3 s, as Slack requires). `disconnect` asks it to reconnect, as Slack does
 * before recycling a server (`refresh_requested`) or shortly before a forced close (`warning`).
 */
export type EnvelopeType = 'slash_commands' | 'interactive' | 'events_api';

export interface FakeSocketMode {
  /** Connections that got `hello`, over the fake's lifetime. */
  readonly connections: number;
  /** Resolves once `count` connections have said hello. */
  connected(count?: number): Promise<void>;
  /** Sends an envelope and resolves with the ack's payload (or rejects after 3 s without one). */
  send(type: EnvelopeType, payload: Record<string, unknown>): Promise<unknown>;
  disconnect(reason: 'refresh_requested' | 'warning' | 'link_disabled'): void;
  /** Closes the live connection (as Slack does when the app-level token is revoked). */
  drop(): void;
  close(): void;
}

const ACK_DEADLINE_MS = 3000;
const SERVER_PING_MS = 10_000;

export function fakeSocketMode(state: FakeState): FakeSocketMode & {
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
} {
  const wss = new WebSocketServer({ noServer: true });
  const pending = new Map<string, (payload: unknown) => void>();
  let current: WebSocket | null = null;
  let connections = 0;
  const waiters: { count: number; resolve: () => void }[] = [];

  wss.on('connection', (ws) => {
    current = ws;
    const ping = setInterval(() => ws.ping(), SERVER_PING_MS);
    ping.unref();
    ws.on('message', (data) => {
      const ack = JSON.parse(String(data)) as { envelope_id?: string; payload?: unknown };
      const resolve = ack.envelope_id === undefined ? undefined : pending.get(ack.envelope_id);
      if (resolve === undefined) {
        state.refuse('socket', { error: 'unknown_envelope', detail: String(data) });
        return;
      }
      pending.delete(ack.envelope_id ?? '');
      resolve(ack.payload ?? null);
    });
    ws.on('close', () => {
      clearInterval(ping);
      if (current === ws) current = null;
    });
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'fake-slack', approximate_connection_time: 18060 },
        connection_info: { app_id: state.bot.appId },
      }),
    );
    connections += 1;
    for (const w of waiters.filter((w) => connections >= w.count)) w.resolve();
  });

  const connected = (count = 1) =>
    new Promise<void>((resolve) => {
      if (connections >= count && current !== null) resolve();
      else waiters.push({ count, resolve });
    });

  return {
    get connections() {
      return connections;
    },
    connected,
    async send(type, payload) {
      await connected(Math.max(1, connections));
      const ws = current;
      if (ws === null) throw new Error('no Socket Mode client connected');
      const envelopeId = state.next('env-');
      const ack = new Promise<unknown>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(envelopeId);
          reject(new Error(`no ack for ${type} envelope ${envelopeId} within 3 s`));
        }, ACK_DEADLINE_MS);
        pending.set(envelopeId, (value) => {
          clearTimeout(timer);
          resolve(value);
        });
      });
      const envelope =
        type === 'events_api'
          ? {
              envelope_id: envelopeId,
              type,
              payload,
              accepts_response_payload: false,
              retry_attempt: 0,
              retry_reason: '',
            }
          : { envelope_id: envelopeId, type, payload, accepts_response_payload: true };
      ws.send(JSON.stringify(envelope));
      return ack;
    },
    disconnect(reason) {
      current?.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'fake-slack' } }));
    },
    drop() {
      current?.close(1000, 'link_disabled');
    },
    close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
    upgrade(req, socket, head) {
      const ticket = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.get('ticket') ?? '';
      if (!state.tickets.delete(ticket)) {
        socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
  };
}
