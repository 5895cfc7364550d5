import { describe, expect, it } from 'vitest';
import { kubia, netSandbox } from './net-sandbox.ts';

const settle = 30_000;

function running() {
  const box = netSandbox();
  box.pod('kubia', [kubia()]);
  box.advance(settle);
  return box;
}

describe('kubectl port-forward', () => {
  it('GIVEN a running pod THEN two Forwarding lines per port and a forward recorded for that pod', () => {
    const box = running();
    expect(box.kubectl('port-forward kubia 8888:8080')).toEqual({
      text: 'Forwarding from 127.0.0.1:8888 -> 8080\nForwarding from [::1]:8888 -> 8080',
      ok: true,
      exitCode: 0,
    });
    expect(box.cluster.forwards).toEqual([
      {
        localPort: 8888,
        namespace: 'default',
        pod: 'kubia',
        podUid: box.get('kubia').metadata.uid,
        podPort: 8080,
      },
    ]);
  });

  it('GIVEN several ports, a bare port and pod/NAME THEN each port is forwarded', () => {
    const box = running();
    expect(box.kubectl('port-forward pod/kubia 8080 9000:80').text).toBe(
      [
        'Forwarding from 127.0.0.1:8080 -> 8080',
        'Forwarding from [::1]:8080 -> 8080',
        'Forwarding from 127.0.0.1:9000 -> 80',
        'Forwarding from [::1]:9000 -> 80',
      ].join('\n'),
    );
  });

  it('GIVEN :8080 THEN a random local port from the ephemeral range', () => {
    const box = running();
    const text = box.kubectl('port-forward kubia :8080').text;
    const port = Number(/127\.0\.0\.1:(\d+) -> 8080/.exec(text)?.[1]);
    expect(port).toBeGreaterThanOrEqual(32768);
    expect(port).toBeLessThan(61000);
  });

  it('GIVEN --address 0.0.0.0 THEN one listener on every address', () => {
    expect(running().kubectl('port-forward kubia 8888:8080 --address 0.0.0.0').text).toBe(
      'Forwarding from 0.0.0.0:8888 -> 8080',
    );
  });

  it('GIVEN the local port is already forwarded THEN kubectl cannot listen on it', () => {
    const box = running();
    box.kubectl('port-forward kubia 8888:8080');
    expect(box.kubectl('port-forward kubia 8888:8080')).toEqual({
      text:
        'Unable to listen on port 8888: Listeners failed to create with the following errors: [unable to create listener: Error listen tcp4 127.0.0.1:8888: bind: address already in use unable to create listener: Error listen tcp6 [::1]:8888: bind: address already in use]\n' +
        'error: unable to listen on any of the requested ports: [{8888 8080}]',
      ok: false,
      exitCode: 1,
    });
  });

  it('GIVEN the forwarded pod was deleted and made again THEN its old forward is closed and the port is free', () => {
    const box = running();
    box.kubectl('port-forward kubia 8888:8080');
    box.cluster = { ...box.cluster, pods: box.cluster.pods.filter((p) => p.metadata.name !== 'kubia') };
    box.pod('kubia', [kubia()]);
    box.advance(settle);
    expect(box.kubectl('port-forward kubia 8888:8080').ok).toBe(true);
    expect(box.cluster.forwards.map((f) => f.podUid)).toEqual([box.get('kubia').metadata.uid]);
  });

  it('GIVEN delete of the pod THEN its forwards go too', () => {
    const box = running();
    box.kubectl('port-forward kubia 8888:8080');
    box.kubectl('delete po kubia');
    expect(box.cluster.forwards).toEqual([]);
  });

  it('GIVEN a pod not running yet THEN kubectl refuses with its phase', () => {
    const box = netSandbox();
    box.pod('kubia', [kubia()]);
    expect(box.kubectl('port-forward kubia 8888:8080').text).toBe(
      'error: unable to forward port because pod is not running. Current status=Pending',
    );
  });

  it('GIVEN a named port THEN it is looked up among the container ports', () => {
    const box = running();
    expect(box.kubectl('port-forward kubia 8888:http').text).toBe(
      "error: Pod 'kubia' does not have a named port 'http'",
    );
  });

  it.each([
    [
      'port-forward',
      "error: TYPE/NAME and list of ports are required for port-forward\nSee 'kubectl port-forward -h' for help and examples",
    ],
    [
      'port-forward kubia',
      "error: TYPE/NAME and list of ports are required for port-forward\nSee 'kubectl port-forward -h' for help and examples",
    ],
    ['port-forward nope 8888:8080', 'Error from server (NotFound): pods "nope" not found'],
    [
      'port-forward kubia abc:8080',
      `error: error parsing local port 'abc': strconv.ParseUint: parsing "abc": invalid syntax`,
    ],
    [
      'port-forward kubia 70000:8080',
      `error: error parsing local port '70000': strconv.ParseUint: parsing "70000": value out of range`,
    ],
    ['port-forward kubia 8888:0', 'error: remote port must be > 0'],
    ['port-forward kubia 1:2:3', "error: invalid port format '1:2:3'"],
  ])('WHEN kubectl %s THEN %j', (line, expected) => {
    expect(running().kubectl(line).text).toBe(expected);
  });
});
