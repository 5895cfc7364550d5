import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { Socket } from 'node:net';

/**
 * Records every outbound TCP connection the process makes (Bolt's axios and fetch, the Socket
 * Mode WebSocket) by host name and address, so a test can prove nothing left 127.0.0.1.
 */
export interface NetGuard {
  readonly destinations: string[];
  /** Destinations that are not the loopback address. */
  outside(): string[];
  stop(): void;
}

export function guardNetwork(): NetGuard {
  const destinations: string[] = [];
  const onSocket = (message: unknown) => {
    const { socket } = message as { socket: Socket };
    socket.once('lookup', (_err: Error | null, _address: string, _family: number, host: string) => {
      destinations.push(host);
    });
    socket.once('connect', () => destinations.push(socket.remoteAddress ?? 'unknown'));
  };
  subscribe('net.client.socket', onSocket);
  return {
    destinations,
    outside: () => destinations.filter((d) => d !== '127.0.0.1' && d !== '::ffff:127.0.0.1'),
    stop: () => unsubscribe('net.client.socket', onSocket),
  };
}
