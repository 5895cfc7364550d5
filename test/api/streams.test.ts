import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Door, kubectl, openDoor, realKubectls } from './harness.ts';

/**
 * `logs -f` and `get -w` with the real kubectl: what the sandbox does meanwhile (a request the
 * pod serves, a pod made in chat, a pod turning Running as the clock moves) reaches the stream,
 * and the door ends an idle stream, after which kubectl exits 0.
 */
const [BINARY] = realKubectls();
if (BINARY === undefined)
  console.warn('streams.test.ts skipped: no kubectl.1.33 or kubectl.1.32 beside kubectl');

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(BINARY === undefined)('streams from the API door', () => {
  let door: Door;
  let config: string;
  beforeAll(async () => {
    door = await openDoor({ streams: { pollMs: 100, idleMs: 2500, maxMs: 10_000 } });
    config = door.kubeconfig('alice').path;
    door.t.say('alice', 'kubectl run kubia --image=luksa/kubia --port=8080');
    door.t.advance(60_000);
  });
  afterAll(() => door.close());

  it('GIVEN logs -f WHEN the pod serves a request meanwhile THEN its line follows, and the idle stream ends', async () => {
    const following = kubectl(BINARY ?? '', config, ['logs', '-f', 'kubia']);
    await pause(1000);
    door.t.say('alice', 'kubectl exec kubia -- curl -s localhost:8080');
    const followed = await following;
    expect(followed).toMatchObject({
      code: 0,
      stdout: 'Kubia server starting...\nReceived request from ::1\n',
    });
  });

  it('GIVEN get -w WHEN a pod is made in chat and starts as the clock moves THEN ADDED and MODIFIED rows print', async () => {
    const watching = kubectl(BINARY ?? '', config, ['get', 'po', '-w']);
    await pause(1000);
    door.t.say('alice', 'kubectl run web --image=nginx');
    await pause(600);
    door.t.advance(30_000);
    const watched = await watching;
    expect(watched.code).toBe(0);
    expect(watched.stdout).toMatch(/^kubia\s+1\/1\s+Running/m);
    expect(watched.stdout).toMatch(/^web\s+0\/1\s+ContainerCreating/m);
    expect(watched.stdout).toMatch(/^web\s+1\/1\s+Running/m);
  });

  it('GIVEN kubectl events -w WHEN nothing happens THEN each event comes once, as the chat prints it, and the idle stream ends', async () => {
    const watched = await kubectl(BINARY ?? '', config, ['events', '--for', 'pod/kubia', '-w', '-o', 'name']);
    expect(watched.code).toBe(0);
    const names = watched.stdout.trimEnd().split('\n');
    // Events of one pod in one millisecond once shared a name, and the watch sent them anew on every poll.
    expect(names).toHaveLength(5);
    expect(new Set(names).size).toBe(5);
    const chat = door.t.say('alice', 'kubectl events --for pod/kubia -w -o name');
    expect(chat.startsWith(`${watched.stdout}\nA chat message cannot keep watching`)).toBe(true);
  });
});
