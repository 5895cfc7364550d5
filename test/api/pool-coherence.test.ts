import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiTokenStore } from '../../src/api/tokens.ts';
import { routingKey } from '../../src/chat/dispatch.ts';
import { replyText } from '../../src/chat/reply.ts';
import type { Request } from '../../src/chat/request.ts';
import { type WorkerPool, workerPool } from '../../src/executor/pool.ts';
import { tempDbPath } from '../helpers/console.ts';
import { type Door, openDoor } from './harness.ts';
import { raw } from './http.ts';

/**
 * On Discord and Slack, chat commands run in worker threads with sandbox caches of their own,
 * while the API door writes on the main thread. Each side must see the other's writes at once:
 * the door reads what is stored, and a door write makes the worker drop its cached copy.
 */
const KEY = { platform: 'discord' as const, scope: 'guild', user: 'alice' };
const request = (text: string): Request => ({
  platform: 'discord',
  scope: 'guild',
  channel: 'general',
  user: 'alice',
  userName: 'alice',
  username: 'alice',
  text,
  attachments: [],
});

describe('the API door beside the worker pool', () => {
  let door: Door;
  let pool: WorkerPool;
  let token: string;
  beforeAll(async () => {
    const dbPath = tempDbPath('podium-door-pool-');
    let forget: (key: string) => void = () => {};
    door = await openDoor({ onWrite: (key) => forget(routingKey(key)) }, dbPath);
    pool = workerPool(door.t.app, { dbPath, workers: 1, spare: false });
    forget = (key) => pool.forgetMember(key);
    await pool.ready();
    token = new ApiTokenStore(door.t.app.db).issue(KEY, 'alice', door.t.clock.now);
  });
  afterAll(async () => {
    await pool.close();
    await door.close();
  });
  const chat = async (text: string) => replyText(await pool.run(request(text)));
  const pods = async () => {
    const res = await raw(door.url, door.tls.ca, { path: '/api/v1/namespaces/default/pods', token });
    return JSON.parse(res.body).items.map((p: { metadata: { name: string } }) => p.metadata.name);
  };

  it('GIVEN a worker that cached the sandbox WHEN the door creates a pod THEN the next chat command lists it', async () => {
    expect(await chat('kubectl run first --image=nginx')).toBe('pod/first created');
    expect(await pods()).toEqual(['first']);
    const body = JSON.stringify({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'second' },
      spec: { containers: [{ name: 'c', image: 'nginx' }] },
    });
    const created = await raw(door.url, door.tls.ca, {
      method: 'POST',
      path: '/api/v1/namespaces/default/pods',
      token,
      body,
    });
    expect(created.status).toBe(201);
    expect(await chat('kubectl get po -o name')).toBe('pod/first\npod/second');
    expect(await chat('kubectl delete po first')).toContain('deleted');
    expect(await pods()).toEqual(['second']);
  });
});
