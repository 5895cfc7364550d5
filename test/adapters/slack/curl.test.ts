import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAT_RATE_LIMIT } from '../../../src/chat/rate-limit.ts';
import type { Member } from './fake/payloads.ts';
import { codeOf, type Harness, postPublicly, startHarness, type Transport } from './harness.ts';

/** The notes' lesson on Slack: port-forward, then curl localhost from one's own computer. */
describe.each<Transport>(['http', 'socket'])('curl and wget over Slack (%s)', (transport) => {
  let h: Harness;
  const ivy: Member = { id: `U0IVY${transport.toUpperCase()}`, name: 'ivy' };
  beforeAll(async () => {
    h = await startHarness(transport);
    postPublicly(h);
  });
  afterAll(async () => {
    await h.close();
    expect(h.guard.outside()).toEqual([]);
  });
  const command = (name: string, text: string) => {
    h.t.advance(CHAT_RATE_LIMIT.refillMs);
    return h.command(ivy, name, text);
  };

  it('GIVEN a port-forward WHEN /curl, /wget and /kubectl curl reach localhost THEN the pod answers and logs each request', async () => {
    await command('/kubectl', 'run kubia --image=luksa/kubia --port=8080');
    h.t.advance(60_000);
    expect(codeOf(await command('/kubectl', 'port-forward kubia 8888:8080'))).toContain(
      'Forwarding from 127.0.0.1:8888 -> 8080',
    );
    expect(codeOf(await command('/curl', 'localhost:8888'))).toBe("You've hit kubia");
    expect(codeOf(await command('/curl', 'curl -s http://127.0.0.1:8888/'))).toBe("You've hit kubia");
    expect(codeOf(await command('/kubectl', 'curl localhost:8888'))).toBe("You've hit kubia");
    expect(codeOf(await command('/wget', '-qO- localhost:8888'))).toBe("You've hit kubia");
    const refused = await command('/curl', 'localhost:7777');
    expect(codeOf(refused)).toContain('curl: (7) Failed to connect to localhost port 7777');
    const logs = codeOf(await command('/kubectl', 'logs kubia'));
    expect(logs.match(/Received request/g)).toHaveLength(4);
  });
});
