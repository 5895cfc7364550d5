import type { ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { constants, deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headerDecoder, readFrame, SPDY3_DICTIONARY, synReply } from '../../src/api/spdy.ts';
import { type Door, freePort, kubectl, openDoor, portForward, realKubectls } from './harness.ts';

/**
 * exec (WebSocket v5.channel.k8s.io) and port-forward (SPDY/3.1 inside a WebSocket) with the
 * real kubectl: the command runs in the simulated container, and a real HTTP GET to the local
 * port is answered by the simulated kubia, whose log then shows the request.
 */
const BINARIES = realKubectls();
if (BINARIES.length === 0)
  console.warn('exec-portforward.test.ts: real kubectl steps skipped (no kubectl.1.33 or 1.32)');

describe('SPDY/3 pieces', () => {
  it("GIVEN the header dictionary THEN it is the specification's (1423 bytes, Adler-32 e3c6a7c2)", () => {
    expect(SPDY3_DICTIONARY.length).toBe(1423);
    const compressed = deflateSync(Buffer.alloc(0), { dictionary: SPDY3_DICTIONARY });
    expect(compressed.subarray(2, 6).toString('hex')).toBe('e3c6a7c2');
  });

  it('GIVEN a SYN_STREAM header block compressed with the dictionary THEN the names and values come back', () => {
    const pairs: [string, string][] = [
      ['streamtype', 'data'],
      ['port', '8080'],
      ['requestid', '0'],
    ];
    const parts = [Buffer.from([0, 0, 0, pairs.length])];
    for (const [k, v] of pairs) {
      for (const s of [k, v]) {
        const len = Buffer.alloc(4);
        len.writeUInt32BE(s.length);
        parts.push(len, Buffer.from(s));
      }
    }
    const block = deflateSync(Buffer.concat(parts), {
      dictionary: SPDY3_DICTIONARY,
      finishFlush: constants.Z_SYNC_FLUSH,
    });
    const decoded = headerDecoder(1024)(block);
    expect(decoded && Object.fromEntries(decoded)).toEqual({
      streamtype: 'data',
      port: '8080',
      requestid: '0',
    });
    expect(headerDecoder(1024)(Buffer.from('not zlib'))).toBeNull();
  });

  it('GIVEN a SYN_REPLY THEN it reads back as a control frame of type 2 for its stream', () => {
    const read = readFrame(synReply(3, true), 1024);
    expect(read !== null && read !== 'tooBig' && read.frame).toMatchObject({ kind: 'control', type: 2 });
    expect(readFrame(Buffer.from('80030001ffffff', 'hex'), 1024)).toBeNull();
    expect(readFrame(Buffer.from('80030001ffffffff', 'hex'), 1024)).toBe('tooBig');
  });
});

const get = (port: number) =>
  new Promise<string>((resolve) => {
    const req = request(`http://127.0.0.1:${port}/`, { agent: false }, (res) => {
      let body = '';
      res.on('data', (d) => {
        body += d;
      });
      res.on('end', () => resolve(`${res.statusCode} ${body}`));
    });
    req.on('error', (e) => resolve(`error ${e.message}`));
    req.end();
  });

/** Resolves once the forwarder says it listens (or after 10 s). */
function forwarding(child: ChildProcess): Promise<string> {
  return new Promise((resolve) => {
    let out = '';
    const timer = setTimeout(() => resolve(out), 10_000);
    const read = (d: Buffer) => {
      out += d;
      if (out.includes('Forwarding from 127.0.0.1')) {
        clearTimeout(timer);
        resolve(out);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
  });
}

describe.skipIf(BINARIES.length === 0).each(BINARIES)('%s exec and port-forward', (binary) => {
  let door: Door;
  let config: string;
  beforeAll(async () => {
    door = await openDoor();
    config = door.kubeconfig('alice').path;
    door.t.say('alice', 'kubectl run kubia --image=luksa/kubia --port=8080');
    door.t.advance(60_000);
  });
  afterAll(() => door.close());

  it("GIVEN a running pod WHEN exec -- hostname, a failing command, and -i with stdin THEN output and exit codes are kubectl's", async () => {
    expect(await kubectl(binary, config, ['exec', 'kubia', '--', 'hostname'])).toMatchObject({
      code: 0,
      stdout: 'kubia\n',
    });
    const failed = await kubectl(binary, config, ['exec', 'kubia', '--', 'sh', '-c', 'echo hi; exit 3']);
    expect(failed).toMatchObject({
      code: 3,
      stdout: 'hi\n',
      stderr: 'command terminated with exit code 3\n',
    });
    const piped = await kubectl(binary, config, ['exec', '-i', 'kubia', '--', 'cat'], 'hello-stdin\n');
    expect(piped).toMatchObject({ code: 0, stdout: 'hello-stdin\n' });
  });

  it('GIVEN a pod not running THEN exec is refused before any upgrade, in the kubelet’s plain words (reference/kubectl.md)', async () => {
    door.t.say('alice', 'kubectl run later --image=nginx');
    const refused = await kubectl(binary, config, ['exec', 'later', '--', 'hostname']);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe('error: unable to upgrade connection: container not found ("later")');
  });

  it('GIVEN port-forward 8888:8080 THEN a real HTTP GET is answered by the simulated kubia and logged', async () => {
    const port = await freePort();
    const child = portForward(binary, config, 'kubia', `${port}:8080`);
    try {
      expect(await forwarding(child)).toContain(`Forwarding from 127.0.0.1:${port} -> 8080`);
      expect(await get(port)).toBe("200 You've hit kubia\n");
      expect(await get(port)).toBe("200 You've hit kubia\n");
    } finally {
      child.kill();
    }
    expect(door.t.say('alice', 'kubectl logs kubia')).toBe(
      'Kubia server starting...\nReceived request from ::ffff:127.0.0.1\nReceived request from ::ffff:127.0.0.1',
    );
  });

  it("GIVEN a port nothing listens on THEN kubectl reports the kubelet's error and loses the connection", async () => {
    const port = await freePort();
    const child = portForward(binary, config, 'kubia', `${port}:9999`);
    let out = '';
    child.stderr?.on('data', (d) => {
      out += d;
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await forwarding(child);
    expect(await get(port)).toMatch(/^error /);
    expect(await exited).toBe(1);
    expect(out).toContain('connect: connection refused');
    expect(out).toContain('error: lost connection to pod');
  });
});
