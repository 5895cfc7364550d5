import { describe, expect, it } from 'vitest';
import { connect, resolveHost } from '../../src/cluster/network.ts';
import { kubia, netSandbox, nginx, sleeper } from './net-sandbox.ts';

const settle = 30_000;

describe('pod network: containers of one pod share localhost', () => {
  it('GIVEN a pod with kubia and a busybox sidecar WHEN the sidecar wgets localhost:8080 THEN kubia answers and logs ::ffff:127.0.0.1', () => {
    const box = netSandbox();
    box.pod('two', [kubia('web'), sleeper('side')]);
    box.advance(settle);
    const r = box.kubectl('exec two -c side -- wget -qO- localhost:8080');
    expect(r).toEqual({ text: "You've hit two", ok: true, exitCode: 0 });
    expect(box.kubectl('logs two -c web').text).toBe(
      'Kubia server starting...\nReceived request from ::ffff:127.0.0.1',
    );
  });

  it('GIVEN kubia WHEN it curls localhost itself THEN the request comes from ::1 (curl tries IPv6 first)', () => {
    const box = netSandbox();
    box.pod('kubia', [kubia()]);
    box.advance(settle);
    expect(box.kubectl('exec kubia -- curl -s localhost:8080').text).toBe("You've hit kubia");
    expect(box.kubectl('logs kubia').text).toContain('Received request from ::1');
  });

  it('GIVEN two pods WHEN one wgets localhost:8080 where only the other listens THEN the connection is refused', () => {
    const box = netSandbox();
    box.pod('kubia', [kubia()]);
    box.pod('client', [sleeper('client')]);
    box.advance(settle);
    const r = box.kubectl('exec client -- wget -qO- localhost:8080');
    expect(r.text).toBe(
      "wget: can't connect to remote host (127.0.0.1): Connection refused\ncommand terminated with exit code 1",
    );
    expect(r.exitCode).toBe(1);
  });
});

describe('pod network: pods reach each other by IP, without NAT', () => {
  it("GIVEN two pods WHEN one curls the other's IP THEN it is served and the server logs the caller's pod IP", () => {
    const box = netSandbox();
    const server = box.pod('kubia', [kubia()]);
    const client = box.pod('client', [nginx('client')]);
    box.advance(settle);
    const r = box.kubectl(`exec client -- curl -s http://${server.sim.podIP}:8080`);
    expect(r.text).toBe("You've hit kubia");
    expect(box.kubectl('logs kubia').text.split('\n').at(-1)).toBe(
      `Received request from ::ffff:${client.sim.podIP}`,
    );
  });

  it('GIVEN nginx WHEN another pod curls it THEN nginx logs the plain IPv4 address in its access log', () => {
    const box = netSandbox();
    const web = box.pod('web', [nginx()]);
    const client = box.pod('client', [kubia('client')]);
    box.advance(settle);
    expect(box.kubectl(`exec client -- curl -s ${web.sim.podIP}`).text).toContain(
      '<title>Welcome to nginx!</title>',
    );
    const last = box.kubectl('logs web').text.split('\n').at(-1) ?? '';
    expect(last.startsWith(`${client.sim.podIP} - - [15/Jan/2025:10:00:`)).toBe(true);
  });

  it("GIVEN a pod WHEN nothing listens on the port of another pod's IP THEN curl reports connection refused, exit 7", () => {
    const box = netSandbox();
    const server = box.pod('kubia', [kubia()]);
    box.pod('client', [kubia('client')]);
    box.advance(settle);
    const r = box.kubectl(`exec client -- curl -s -S ${server.sim.podIP}:9999`);
    expect(r.text).toBe(
      `curl: (7) Failed to connect to ${server.sim.podIP} port 9999 after 0 ms: Couldn't connect to server\ncommand terminated with exit code 7`,
    );
    expect(r.exitCode).toBe(7);
  });

  it('GIVEN an address in a node pod range that no pod has THEN no route to host; outside every range THEN a timeout', () => {
    const box = netSandbox();
    box.pod('client', [kubia('client')]);
    box.advance(settle);
    expect(box.kubectl('exec client -- curl -sS 10.244.1.250').text).toBe(
      "curl: (7) Failed to connect to 10.244.1.250 port 80 after 3069 ms: Couldn't connect to server\ncommand terminated with exit code 7",
    );
    expect(box.kubectl('exec client -- curl -sS -m 3 10.244.9.9').text).toBe(
      'curl: (28) Failed to connect to 10.244.9.9 port 80 after 3002 ms: Timeout was reached\ncommand terminated with exit code 28',
    );
  });

  it('GIVEN two pods THEN a pod resolves its own name (/etc/hosts) but not the other pod name (no Service)', () => {
    const box = netSandbox();
    box.pod('kubia', [kubia()]);
    box.pod('client', [kubia('client')]);
    box.advance(settle);
    expect(box.kubectl('exec kubia -- curl -s kubia:8080').text).toBe("You've hit kubia");
    expect(box.kubectl('exec client -- curl -sS kubia:8080').text).toBe(
      'curl: (6) Could not resolve host: kubia\ncommand terminated with exit code 6',
    );
    expect(box.kubectl('exec client -- wget -qO- kubia:8080').text).toBe(
      "wget: bad address 'kubia:8080'\ncommand terminated with exit code 1",
    );
  });

  it('GIVEN a pod still creating its container WHEN another pod connects to its IP THEN refused (the IP exists, nothing listens)', () => {
    const box = netSandbox();
    box.pod('client', [kubia('client')]);
    box.advance(settle);
    const slow = box.pod('slow', [kubia()]);
    const c = connect(box.cluster, { kind: 'pod', pod: box.get('client') }, slow.sim.podIP ?? '', 8080);
    expect(c.kind).toBe('refused');
  });

  it('GIVEN two kubia containers in one pod THEN the second cannot bind 8080 and the first one answers', () => {
    const box = netSandbox();
    box.pod('clash', [kubia('one'), kubia('two')]);
    box.pod('client', [kubia('client')]);
    box.advance(settle);
    const c = connect(
      box.cluster,
      { kind: 'pod', pod: box.get('client') },
      box.get('clash').sim.podIP ?? '',
      8080,
    );
    expect(c.kind === 'open' && c.container.name).toBe('one');
  });
});

describe('resolving host names', () => {
  const box = netSandbox();
  const pod = box.pod('kubia', [kubia()]);
  const inPod = { kind: 'pod' as const, pod };
  it.each([
    ['localhost', ['::1', '127.0.0.1']],
    ['127.0.0.1', ['127.0.0.1']],
    ['[::1]', ['::1']],
    ['10.244.1.7', ['10.244.1.7']],
    ['kubia', [pod.sim.podIP]],
    ['other', null],
    ['256.1.1.1', null],
  ])('GIVEN a process in pod kubia WHEN it resolves %s THEN %j', (host, expected) => {
    expect(resolveHost(inPod, host)).toEqual(expected);
  });

  it('GIVEN the member machine THEN pod names do not resolve', () => {
    expect(resolveHost({ kind: 'machine' }, 'kubia')).toBeNull();
  });
});

describe("the member's machine", () => {
  it('GIVEN no port-forward WHEN connecting to localhost THEN refused; a pod IP THEN timeout', () => {
    const box = netSandbox();
    const pod = box.pod('kubia', [kubia()]);
    box.advance(settle);
    expect(connect(box.cluster, { kind: 'machine' }, '127.0.0.1', 8888).kind).toBe('refused');
    expect(connect(box.cluster, { kind: 'machine' }, pod.sim.podIP ?? '', 8080).kind).toBe('timeout');
  });

  it('GIVEN a forward WHEN its pod is gone THEN the forward is closed; WHEN the pod port has no listener THEN dropped', () => {
    const box = netSandbox();
    box.pod('kubia', [kubia()]);
    box.advance(settle);
    expect(box.kubectl('port-forward kubia 8888:8080 9999:9090').ok).toBe(true);
    expect(connect(box.cluster, { kind: 'machine' }, '::1', 8888).kind).toBe('open');
    expect(connect(box.cluster, { kind: 'machine' }, '::1', 9999).kind).toBe('dropped');
    box.cluster = { ...box.cluster, pods: box.cluster.pods.filter((p) => p.metadata.name !== 'kubia') };
    expect(connect(box.cluster, { kind: 'machine' }, '::1', 8888).kind).toBe('refused');
  });
});
