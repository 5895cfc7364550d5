import { describe, expect, it } from 'vitest';
import { podStatus, startOfRun } from '../../src/cluster/lifecycle.ts';
import { timestamp } from '../../src/cluster/logs.ts';
import { kubia, netSandbox, sleeper } from './net-sandbox.ts';

const settle = 30_000;

describe('kubectl logs', () => {
  it('GIVEN kubia served two requests THEN its log is the start line and one line per request, in order', () => {
    const box = netSandbox();
    box.pod('kubia', [kubia()]);
    box.pod('client', [sleeper('client')]);
    box.advance(settle);
    const ip = box.get('client').sim.podIP ?? '';
    box.kubectl(`exec client -- wget -qO- ${box.get('kubia').sim.podIP}:8080`);
    box.advance(1000);
    box.kubectl('exec kubia -- curl -s localhost:8080');
    expect(box.kubectl('logs kubia')).toEqual({
      text: `Kubia server starting...\nReceived request from ::ffff:${ip}\nReceived request from ::1`,
      ok: true,
      exitCode: 0,
    });
    expect(box.kubectl('logs kubia --tail 1').text).toBe('Received request from ::1');
    expect(box.kubectl('logs kubia --tail=0').text).toBe('');
    expect(box.kubectl('logs pod/kubia -c kubia').text).toBe(box.kubectl('logs kubia kubia').text);
  });

  it('GIVEN --timestamps THEN each line starts with an RFC 3339 time with nanoseconds', () => {
    const box = netSandbox();
    box.pod('kubia', [kubia()]);
    box.advance(settle);
    expect(box.kubectl('logs kubia --timestamps').text).toMatch(
      /^2025-01-15T10:00:0\d\.\d{9}Z Kubia server starting\.\.\.$/,
    );
    expect(timestamp(Date.UTC(2025, 0, 15, 10, 0, 5, 250))).toMatch(/^2025-01-15T10:00:05\.250\d{6}Z$/);
  });

  it('GIVEN a multi-container pod THEN the default container with a note, -c, and --all-containers', () => {
    const box = netSandbox();
    box.pod('two', [
      kubia('web'),
      { name: 'side', image: 'busybox', args: ['sh', '-c', 'echo side up; sleep 3600'] },
    ]);
    box.advance(settle);
    expect(box.kubectl('logs two').text).toBe(
      'Defaulted container "web" out of: web, side\nKubia server starting...',
    );
    expect(box.kubectl('logs two -c side').text).toBe('side up');
    expect(box.kubectl('logs two --all-containers').text).toBe('Kubia server starting...\nside up');
    expect(box.kubectl('logs two --all-containers --prefix').text).toBe(
      '[pod/two/web] Kubia server starting...\n[pod/two/side] side up',
    );
    expect(box.kubectl('logs two -c nope')).toEqual({
      text: 'error: container nope is not valid for pod two',
      ok: false,
      exitCode: 1,
    });
  });

  it('GIVEN the second container cannot bind its port THEN its log shows the bind error, and --previous the earlier run', () => {
    const box = netSandbox();
    box.pod('clash', [kubia('one'), kubia('two')]);
    box.advance(settle);
    const current = box.kubectl('logs clash -c two');
    expect(current.text).toBe('Kubia server starting...\nError: listen EADDRINUSE :::8080');
    expect(box.kubectl('logs clash -c two --previous').text).toBe(current.text);
    expect(box.kubectl('logs clash -c one -p')).toEqual({
      text: 'Error from server (BadRequest): previous terminated container "one" in pod "clash" not found',
      ok: false,
      exitCode: 1,
    });
  });

  it('GIVEN a container that crashed and was restarted THEN logs show only the current run, -p the one before', () => {
    const box = netSandbox();
    box.pod('flaky', [{ name: 'flaky', image: 'busybox', args: ['sh', '-c', 'echo run; sleep 5; exit 1'] }]);
    // Step to a moment when the container runs again after at least one restart.
    for (let i = 0; i < 600; i++) {
      const c = podStatus(box.get('flaky'), box.cluster.now).containers[0];
      if (c !== undefined && c.restartCount > 0 && c.state.kind === 'running') break;
      box.advance(500);
    }
    const status = podStatus(box.get('flaky'), box.cluster.now).containers[0];
    const current = box.kubectl('logs flaky --timestamps').text;
    const previous = box.kubectl('logs flaky -p --timestamps').text;
    expect(current.endsWith(' run')).toBe(true);
    expect(previous.endsWith(' run')).toBe(true);
    const runs = status?.runs ?? 0;
    expect(Date.parse(`${current.slice(0, 23)}Z`)).toBe(status && startOfRun(status, runs - 1));
    expect(Date.parse(`${previous.slice(0, 23)}Z`)).toBe(status && startOfRun(status, runs - 2));
  });

  it('GIVEN a pod still creating its container THEN the kubelet says it is waiting to start', () => {
    const box = netSandbox();
    box.pod('kubia', [kubia()]);
    expect(box.kubectl('logs kubia').text).toBe(
      'Error from server (BadRequest): container "kubia" in pod "kubia" is waiting to start: ContainerCreating',
    );
  });

  it("GIVEN an image that cannot be pulled THEN waiting to start: image can't be pulled / trying and failing", () => {
    const box = netSandbox();
    box.pod('typo', [{ name: 'typo', image: 'luksa/kubiaa' }]);
    box.advance(4_000);
    expect(box.kubectl('logs typo').text).toMatch(
      /^Error from server \(BadRequest\): container "typo" in pod "typo" is waiting to start: (image can't be pulled|trying and failing to pull image)$/,
    );
  });

  it('GIVEN a pod no node accepts THEN logs print nothing and succeed', () => {
    const box = netSandbox();
    box.cluster = { ...box.cluster, nodes: [] };
    box.pod('kubia', [kubia()]);
    expect(box.kubectl('logs kubia')).toEqual({ text: '', ok: true, exitCode: 0 });
  });

  it('GIVEN the pod was deleted THEN its logs are gone with it (logs wording of NotFound)', () => {
    const box = netSandbox();
    box.pod('kubia', [kubia()]);
    box.advance(settle);
    box.kubectl('delete po kubia');
    expect(box.kubectl('logs kubia').text).toBe(
      'error: error from server (NotFound): pods "kubia" not found in namespace "default"',
    );
  });

  it('GIVEN -l THEN the logs of each matching pod; no match THEN the No resources note', () => {
    const box = netSandbox();
    box.pod('a', [kubia()], { labels: { app: 'kubia' } });
    box.pod('b', [kubia()], { labels: { app: 'kubia' } });
    box.advance(settle);
    expect(box.kubectl('logs -l app=kubia --prefix').text).toBe(
      '[pod/a/kubia] Kubia server starting...\n[pod/b/kubia] Kubia server starting...',
    );
    expect(box.kubectl('logs -l app=nope')).toEqual({
      text: 'No resources found in default namespace.',
      ok: true,
      exitCode: 0,
    });
  });

  it.each([
    [
      'logs',
      "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples",
    ],
    [
      'logs -l app=x kubia',
      "error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples",
    ],
    ['logs nope', 'error: error from server (NotFound): pods "nope" not found in namespace "default"'],
  ])('WHEN kubectl %s THEN %j', (line, expected) => {
    expect(netSandbox().kubectl(line).text).toBe(expected);
  });
});
