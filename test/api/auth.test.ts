import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiTokenStore } from '../../src/api/tokens.ts';
import { dumpDatabase, REPLY_TABLES } from '../helpers/dump.ts';
import { type Door, kubectl, openDoor, realKubectls } from './harness.ts';
import { raw, upgrade } from './http.ts';

/**
 * Acceptance 4 (credentials): no token, a revoked token, another member's token against a
 * sandbox not shared: 401/403 with a Status, and the database is byte for byte what it was.
 * A shared sandbox is readable by teammates and refuses their writes. Tokens are never logged.
 */
const POD = JSON.stringify({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'intruder' },
  spec: { containers: [{ name: 'c', image: 'nginx' }] },
});

describe('the API door refuses whoever may not', () => {
  let door: Door;
  let alice: string;
  let bob: string;
  beforeAll(async () => {
    door = await openDoor();
    alice = door.kubeconfig('alice').token;
    bob = door.kubeconfig('bob').token;
    door.t.say('alice', 'kubectl run kubia --image=luksa/kubia');
  });
  afterAll(() => door.close());

  const unchanged = async (work: () => Promise<void>) => {
    const before = dumpDatabase(door.t.app.db, REPLY_TABLES);
    await work();
    expect(dumpDatabase(door.t.app.db, REPLY_TABLES)).toBe(before);
  };
  const post = (token: string | undefined, path = '/api/v1/namespaces/default/pods') =>
    raw(door.url, door.tls.ca, {
      method: 'POST',
      path,
      body: POD,
      ...(token === undefined ? {} : { token }),
    });

  it('GIVEN no token WHEN a pod is posted THEN 401 Unauthorized as a Status, and nothing changes', async () => {
    await unchanged(async () => {
      const res = await post(undefined);
      expect(res.status).toBe(401);
      expect(JSON.parse(res.body)).toEqual({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'Unauthorized',
        reason: 'Unauthorized',
        code: 401,
      });
      expect(
        (await raw(door.url, door.tls.ca, { path: '/api/v1/namespaces/default/pods', token: 'podium_nope' }))
          .status,
      ).toBe(401);
    });
  });

  it('GIVEN a revoked token WHEN used THEN 401, and a new kubeconfig replaces the old token', async () => {
    const store = new ApiTokenStore(door.t.app.db);
    const carol = door.kubeconfig('carol').token;
    expect(
      (await raw(door.url, door.tls.ca, { path: '/api/v1/namespaces/default/pods', token: carol })).status,
    ).toBe(200);
    expect(store.revoke({ platform: 'console', scope: 'test', user: 'carol' })).toBe(true);
    await unchanged(async () => {
      expect((await post(carol)).status).toBe(401);
    });
    const second = door.kubeconfig('carol').token;
    const third = door.kubeconfig('carol').token;
    expect((await raw(door.url, door.tls.ca, { path: '/api/v1/pods', token: second })).status).toBe(401);
    expect((await raw(door.url, door.tls.ca, { path: '/api/v1/pods', token: third })).status).toBe(200);
  });

  it("GIVEN bob's token WHEN he names alice's unshared sandbox THEN 403 Forbidden, and his own sandbox is his own", async () => {
    await unchanged(async () => {
      const look = await raw(door.url, door.tls.ca, {
        path: '/shared/alice/api/v1/namespaces/default/pods',
        token: bob,
      });
      expect(look.status).toBe(403);
      expect(JSON.parse(look.body)).toMatchObject({ kind: 'Status', reason: 'Forbidden', code: 403 });
      expect((await post(bob, '/shared/alice/api/v1/namespaces/default/pods')).status).toBe(403);
    });
    const own = await raw(door.url, door.tls.ca, { path: '/api/v1/namespaces/default/pods', token: bob });
    expect(JSON.parse(own.body).items).toEqual([]);
  });

  it('GIVEN alice shares her sandbox WHEN bob reads it THEN he sees kubia; WHEN he writes THEN 403 and nothing changes', async () => {
    door.t.say('alice', '/sandbox share on');
    const look = await raw(door.url, door.tls.ca, {
      path: '/shared/alice/api/v1/namespaces/default/pods',
      token: bob,
    });
    expect(look.status).toBe(200);
    expect(JSON.parse(look.body).items.map((p: { metadata: { name: string } }) => p.metadata.name)).toEqual([
      'kubia',
    ]);
    await unchanged(async () => {
      const write = await post(bob, '/shared/alice/api/v1/namespaces/default/pods');
      expect(write.status).toBe(403);
      expect(JSON.parse(write.body).message).toBe(
        'pods is forbidden: User "bob" cannot create resource "pods" in API group "" in the namespace "default": the shared sandbox is read-only',
      );
      const del = await raw(door.url, door.tls.ca, {
        method: 'DELETE',
        path: '/shared/alice/api/v1/namespaces/default/pods/kubia',
        token: bob,
      });
      expect(del.status).toBe(403);
    });
    door.t.say('alice', '/sandbox share off');
    expect((await raw(door.url, door.tls.ca, { path: '/shared/alice/api/v1/pods', token: bob })).status).toBe(
      403,
    );
  });

  it('GIVEN exec and port-forward upgrades without a token, into an unshared or a shared sandbox THEN 401/403 before any upgrade', async () => {
    const exec = '/api/v1/namespaces/default/pods/kubia/exec?command=hostname&stdout=true';
    const v5 = { protocol: 'v5.channel.k8s.io' };
    expect((await upgrade(door.url, door.tls.ca, exec, v5)).status).toBe('HTTP/1.1 401 Unauthorized');
    expect((await upgrade(door.url, door.tls.ca, `/shared/alice${exec}`, { ...v5, token: bob })).status).toBe(
      'HTTP/1.1 403 Forbidden',
    );
    door.t.say('alice', '/sandbox share on');
    const shared = await upgrade(door.url, door.tls.ca, `/shared/alice${exec}`, { ...v5, token: bob });
    expect(shared.status).toBe('HTTP/1.1 403 Forbidden');
    expect(shared.rest.toString()).toContain(String.raw`User \"bob\" cannot create resource \"pods/exec\"`);
    door.t.say('alice', '/sandbox share off');
  });

  it('GIVEN garbage after a WebSocket upgrade THEN the door closes that connection and goes on serving', async () => {
    door.t.advance(60_000);
    const pf = '/api/v1/namespaces/default/pods/kubia/portforward';
    const junk = Buffer.concat([Buffer.from([0x82, 0xff]), Buffer.alloc(64, 0x41)]);
    const answer = await upgrade(door.url, door.tls.ca, pf, {
      protocol: 'SPDY/3.1+portforward.k8s.io',
      token: alice,
      after: junk,
    });
    expect(answer.status).toBe('HTTP/1.1 101 Switching Protocols');
    const still = await raw(door.url, door.tls.ca, {
      path: '/api/v1/namespaces/default/pods/kubia',
      token: alice,
    });
    expect(still.status).toBe(200);
  });

  it('GIVEN every request so far THEN no token appears in the logs', () => {
    const logs = door.t.logs.join('');
    expect(logs).not.toContain(alice);
    expect(logs).not.toContain(bob);
    expect(logs).not.toContain('podium_');
  });

  const [binary] = realKubectls();
  it.skipIf(binary === undefined)(
    'GIVEN real kubectl with a revoked token THEN it says the member must log in',
    async () => {
      const { path } = door.kubeconfig('dave');
      new ApiTokenStore(door.t.app.db).revoke({ platform: 'console', scope: 'test', user: 'dave' });
      const run = await kubectl(binary ?? '', path, ['get', 'po']);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('error: You must be logged in to the server');
    },
  );
});

describe('the API door limits each kubeconfig', () => {
  it('GIVEN a token past its burst THEN 429 with Retry-After, and another token is still served', async () => {
    const door = await openDoor({ rate: { burst: 2, refillMs: 60_000 } });
    try {
      const first = door.kubeconfig('alice').token;
      const second = door.kubeconfig('bob').token;
      const get = (token: string) =>
        raw(door.url, door.tls.ca, { path: '/api/v1/namespaces/default/pods', token });
      expect((await get(first)).status).toBe(200);
      expect((await get(first)).status).toBe(200);
      const limited = await get(first);
      expect(limited.status).toBe(429);
      expect(limited.headers['retry-after']).toBe('60');
      expect(JSON.parse(limited.body)).toMatchObject({
        kind: 'Status',
        reason: 'TooManyRequests',
        code: 429,
      });
      expect((await get(second)).status).toBe(200);
    } finally {
      await door.close();
    }
  });

  it('GIVEN a body over the cap THEN 413 as a Status, and nothing is made', async () => {
    const door = await openDoor({ maxBody: 1024 });
    try {
      const token = door.kubeconfig('alice').token;
      const body = JSON.stringify({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'big', annotations: { a: 'x'.repeat(2000) } },
      });
      const res = await raw(door.url, door.tls.ca, {
        method: 'POST',
        path: '/api/v1/namespaces/default/pods',
        token,
        body,
      });
      expect(res.status).toBe(413);
      expect(JSON.parse(res.body)).toMatchObject({
        kind: 'Status',
        reason: 'RequestEntityTooLarge',
        code: 413,
      });
      expect(door.t.say('alice', 'kubectl get po')).toBe('No resources found in default namespace.');
    } finally {
      await door.close();
    }
  });
});
