import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/api/tokens.ts';
import type { Reply } from '../../src/chat/reply.ts';
import { dumpDatabase } from '../helpers/dump.ts';
import { type Door, kubectl, openDoor, realKubectls, TLS_DIR } from './harness.ts';

/**
 * `/sandbox kubeconfig` (acceptance 3 and the credentials of #18): the file a member gets works
 * with the real kubectl, holds the only copy of the token (the database has its hash), names
 * teammates' shared sandboxes as read-only contexts, and stops working when revoked or replaced.
 * A pod made with real kubectl is graded by `/lab check` and drawn by `/sandbox map`.
 */
const [BINARY] = realKubectls();
if (BINARY === undefined)
  console.warn('kubeconfig.test.ts: real kubectl steps skipped (no kubectl.1.33 or 1.32)');

function saved(reply: Reply): { path: string; text: string } {
  const file = reply.files?.[0];
  if (file === undefined || typeof file.data !== 'string') throw new Error('no kubeconfig attached');
  const path = join(tmpdir(), `podium-${process.pid}-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(path, file.data);
  return { path, text: file.data };
}

const tokenOf = (text: string) => /token: (\S+)/.exec(text)?.[1] ?? '';

describe('/sandbox kubeconfig', () => {
  let door: Door;
  beforeAll(async () => {
    door = await openDoor();
    process.env.PODIUM_API_PORT = String(door.server.port);
    process.env.PODIUM_API_URL = door.url;
    process.env.PODIUM_API_TLS_DIR = TLS_DIR;
  });
  afterAll(async () => {
    delete process.env.PODIUM_API_PORT;
    delete process.env.PODIUM_API_URL;
    delete process.env.PODIUM_API_TLS_DIR;
    await door.close();
  });

  it('GIVEN the door is off THEN the member is told so, privately, and no token is made', () => {
    const port = process.env.PODIUM_API_PORT;
    delete process.env.PODIUM_API_PORT;
    const reply = door.t.send('erin', '/sandbox kubeconfig');
    process.env.PODIUM_API_PORT = port;
    expect(reply.visibility).toBe('private');
    expect(reply.files).toBeUndefined();
    expect(reply.blocks[0]?.text).toContain('PODIUM_API_PORT');
    expect(door.t.app.db.prepare('SELECT count(*) AS n FROM api_tokens').get()).toEqual({ n: 0 });
  });

  it('GIVEN a kubeconfig THEN it is a private file, the token is only in it, and the database keeps its hash', () => {
    const reply = door.t.send('alice', '/sandbox kubeconfig');
    expect(reply.visibility).toBe('private');
    expect(reply.files?.map((f) => [f.name, f.contentType])).toEqual([['podium.yaml', 'application/yaml']]);
    const { text } = saved(reply);
    const token = tokenOf(text);
    expect(token).toMatch(/^podium_[A-Za-z0-9_-]{43}$/);
    expect(text).toContain(`server: ${door.url}\n`);
    expect(text).toContain('certificate-authority-data: ');
    expect(reply.blocks.map((b) => b.text).join('\n')).not.toContain(token);
    const dump = dumpDatabase(door.t.app.db);
    expect(dump).not.toContain(token);
    expect(dump).toContain(hashToken(token));
  });

  it.skipIf(BINARY === undefined)(
    'GIVEN a pod made with real kubectl THEN /lab check grades it and /sandbox map draws it',
    async () => {
      door.t.say('alice', '/lab start first-pod');
      const { path } = saved(door.t.send('alice', '/sandbox kubeconfig'));
      const k = (...args: string[]) => kubectl(BINARY ?? '', path, args);
      expect((await k('run', 'kubia', '--image=luksa/kubia', '--port=8080')).stdout).toBe(
        'pod/kubia created\n',
      );
      const manifest = join(tmpdir(), `podium-${process.pid}-manual.yaml`);
      writeFileSync(
        manifest,
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: kubia-manual\nspec:\n  containers:\n  - name: kubia\n    image: luksa/kubia\n    ports:\n    - containerPort: 8080\n',
      );
      expect((await k('create', '-f', manifest)).stdout).toBe('pod/kubia-manual created\n');
      door.t.advance(60_000);
      const check = door.t.say('alice', '/lab check');
      expect(check).toContain('✅ `kubia` was made with `kubectl run`');
      expect(check).toContain('✅ `kubia-manual` was made from a YAML manifest');
      expect(check).toContain('✅ `kubia-manual` declares containerPort 8080');
      expect(check).toContain('✅ `kubia-manual` is Running and ready');
      const map = door.t.say('alice', '/sandbox map --text');
      expect(map).toMatch(/pod kubia-manual {2}Running/);
      expect(map).toMatch(/pod kubia {2}Running/);
    },
  );

  it.skipIf(BINARY === undefined)(
    'GIVEN a new kubeconfig or a revoke THEN the old token gets 401 and kubectl says to log in',
    async () => {
      const first = saved(door.t.send('alice', '/sandbox kubeconfig'));
      const second = saved(door.t.send('alice', '/sandbox kubeconfig'));
      const old = await kubectl(BINARY ?? '', first.path, ['get', 'po']);
      expect(old.code).toBe(1);
      expect(old.stderr).toContain('error: You must be logged in to the server');
      expect((await kubectl(BINARY ?? '', second.path, ['get', 'po', '-o', 'name'])).code).toBe(0);
      expect(door.t.say('alice', '/sandbox kubeconfig revoke')).toContain('turned off');
      expect((await kubectl(BINARY ?? '', second.path, ['get', 'po'])).stderr).toContain(
        'You must be logged in',
      );
      expect(door.t.say('alice', '/sandbox kubeconfig revoke')).toContain('no kubeconfig to turn off');
    },
  );

  it.skipIf(BINARY === undefined)(
    "GIVEN bob shares his sandbox THEN alice's kubeconfig has a bob context that reads and never writes",
    async () => {
      door.t.say('bob', 'kubectl run bobs --image=nginx');
      door.t.say('bob', '/sandbox share on');
      const { path, text } = saved(door.t.send('alice', '/sandbox kubeconfig'));
      expect(text).toContain(`server: ${door.url}/shared/bob\n`);
      const look = await kubectl(BINARY ?? '', path, ['--context=bob', 'get', 'po', '-o', 'name']);
      expect(look.stdout).toBe('pod/bobs\n');
      const before = dumpDatabase(door.t.app.db, ['shared_replies', 'sandbox_looks']);
      const write = await kubectl(BINARY ?? '', path, ['--context=bob', 'delete', 'po', 'bobs']);
      expect(write.code).toBe(1);
      expect(write.stderr).toContain(
        'Error from server (Forbidden): pods "bobs" is forbidden: User "alice" cannot delete resource "pods"',
      );
      expect(dumpDatabase(door.t.app.db, ['shared_replies', 'sandbox_looks'])).toBe(before);
      door.t.say('bob', '/sandbox share off');
      const gone = await kubectl(BINARY ?? '', path, ['--context=bob', 'get', 'po']);
      expect(gone.stderr).toContain('Error from server (Forbidden)');
    },
  );

  it('GIVEN a namespace set in chat THEN the file names it, and the chat’s config view --raw is the file but for its token', () => {
    door.t.say('dave', 'kubectl config set-context --current --namespace=kube-system');
    const { text } = saved(door.t.send('dave', '/sandbox kubeconfig'));
    expect(text).toContain('    namespace: kube-system\n');
    const token = tokenOf(text);
    expect(`${door.t.send('dave', 'kubectl config view --raw').blocks[0]?.text}\n`).toBe(
      text.replace(token, 'REDACTED'),
    );
    expect(door.t.say('dave', 'kubectl config view')).toContain('certificate-authority-data: DATA+OMITTED\n');
  });
});
