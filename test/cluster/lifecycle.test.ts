import { describe, expect, it } from 'vitest';
import { type ContainerStatus, lastStart, podStatus, statusColumn } from '../../src/cluster/lifecycle.ts';
import { goDuration } from '../../src/go/duration.ts';
import { at, boundPod } from './lifecycle-fixtures.ts';

const state = (c: ContainerStatus | undefined) =>
  c === undefined ? 'none' : c.state.kind === 'running' ? 'running' : `${c.state.kind}:${c.state.reason}`;

const view = (pod: ReturnType<typeof boundPod>, ms: number) => {
  const status = podStatus(pod, at(ms));
  const c = status.containers[0];
  return {
    phase: status.phase,
    column: statusColumn(status),
    state: state(c),
    restarts: c?.restartCount ?? 0,
  };
};

describe('pod lifecycle, derived from time', () => {
  it('GIVEN a pod with no node WHEN its status is derived THEN it is Pending with no container statuses', () => {
    const pod = boundPod([{ image: 'luksa/kubia' }]);
    const { scheduledAt: _s, ...sim } = pod.sim;
    const status = podStatus({ ...pod, sim }, at(60_000));
    expect(status).toMatchObject({ phase: 'Pending', scheduled: false, containers: [] });
    expect(statusColumn(status)).toBe('Pending');
  });

  it('GIVEN luksa/kubia (a 2.1 s pull) WHEN time passes THEN ContainerCreating until 3.15 s, then Running and ready', () => {
    const pod = boundPod([{ image: 'luksa/kubia', imagePullPolicy: 'Always' }]);
    expect(view(pod, 0)).toEqual({
      phase: 'Pending',
      column: 'ContainerCreating',
      state: 'waiting:ContainerCreating',
      restarts: 0,
    });
    expect(view(pod, 3149).column).toBe('ContainerCreating');
    expect(view(pod, 3150)).toEqual({ phase: 'Running', column: 'Running', state: 'running', restarts: 0 });
    const status = podStatus(pod, at(3150));
    expect(status.containers[0]).toMatchObject({
      ready: true,
      started: true,
      pulledAt: at(3000),
      runs: 1,
    });
    expect(lastStart(status.containers[0] as ContainerStatus)).toBe(at(3150));
    expect(status.readyAt).toBe(at(3150));
    expect(status.sandboxAt).toBe(at(900));
  });

  it('GIVEN a pod just bound WHEN 0.5 s passed THEN its sandbox is not ready yet', () => {
    expect(podStatus(boundPod([{}]), at(500)).sandboxAt).toBeUndefined();
  });

  it('GIVEN busybox with no command under Always WHEN it keeps exiting THEN it restarts at once, then backs off 10 s, 20 s, 40 s', () => {
    // busybox:1.36 is IfNotPresent: pulled once (0.9 s), then "already present".
    const pod = boundPod([{}]);
    expect(view(pod, 2000)).toMatchObject({ state: 'running', restarts: 0 }); // started 1.95 s
    expect(view(pod, 2300)).toMatchObject({
      column: 'Completed',
      state: 'terminated:Completed',
      restarts: 0,
    });
    expect(view(pod, 3400)).toMatchObject({ column: 'Running', state: 'running', restarts: 1 }); // sync 3.25 s, no back-off yet
    expect(view(pod, 4000)).toMatchObject({ column: 'Completed', restarts: 1 });
    expect(view(pod, 4700)).toMatchObject({ phase: 'Running', column: 'CrashLoopBackOff', restarts: 1 });
    expect(view(pod, 14_849)).toMatchObject({ column: 'CrashLoopBackOff', restarts: 1 });
    expect(view(pod, 14_850)).toMatchObject({ column: 'Running', restarts: 2 }); // 4.7 s + 10 s + 0.15 s
    expect(view(pod, 16_150)).toMatchObject({ column: 'CrashLoopBackOff', restarts: 2 });
    expect(view(pod, 36_300)).toMatchObject({ column: 'Running', restarts: 3 }); // 16.15 s + 20 s + 0.15 s
    expect(view(pod, 77_750)).toMatchObject({ column: 'Running', restarts: 4 }); // 37.6 s + 40 s + 0.15 s
  });

  it('GIVEN a crash-looping container WHEN it waits THEN the waiting message names the current back-off and the last exit is lastState', () => {
    const pod = boundPod([{ name: 'bb' }]);
    const c = podStatus(pod, at(20_000)).containers[0];
    expect(c?.state).toEqual({
      kind: 'waiting',
      reason: 'CrashLoopBackOff',
      message:
        'back-off 20s restarting failed container=bb pod=p_default(11111111-2222-4333-a444-555555555555)',
    });
    expect(c?.lastState).toEqual({
      reason: 'Completed',
      exitCode: 0,
      startedAt: at(14_850),
      finishedAt: at(15_150),
    });
    expect(c?.exited).toBe(3);
  });

  it('GIVEN an hour of crash looping WHEN the back-off grows THEN it stops at 5m0s', () => {
    const c = podStatus(boundPod([{ name: 'bb' }]), at(3_600_000)).containers[0];
    expect(c?.state.kind === 'waiting' && c.state.message).toContain(
      'back-off 5m0s restarting failed container=bb',
    );
    expect(c?.restartCount).toBe(16);
  });

  it('GIVEN `sleep 3600` under Always WHEN it exits after an hour THEN it restarts at once (the back-off expired)', () => {
    const pod = boundPod([{ args: ['sleep', '3600'] }]);
    expect(view(pod, 3_602_000)).toMatchObject({ column: 'Completed', restarts: 0 }); // started 1.95 s
    expect(view(pod, 3_603_100)).toMatchObject({ column: 'Running', restarts: 1 }); // 3601.95 s + 1 s + 0.15 s
  });

  it('GIVEN `echo hi` under Never WHEN it exits 0 THEN the pod is Succeeded and shows Completed', () => {
    const pod = boundPod([{ args: ['echo', 'hi'] }], 'Never');
    expect(view(pod, 60_000)).toEqual({
      phase: 'Succeeded',
      column: 'Completed',
      state: 'terminated:Completed',
      restarts: 0,
    });
    expect(podStatus(pod, at(60_000)).containers[0]?.plan.logs).toEqual(['hi']);
  });

  it('GIVEN a failing command under Never WHEN it exits 1 THEN the pod is Failed and shows Error', () => {
    const pod = boundPod([{ command: ['sh', '-c', 'exit 1'] }], 'Never');
    expect(view(pod, 60_000)).toEqual({
      phase: 'Failed',
      column: 'Error',
      state: 'terminated:Error',
      restarts: 0,
    });
  });

  it('GIVEN OnFailure WHEN the process exits 0 THEN it is not restarted; WHEN it exits 1 THEN it is', () => {
    expect(view(boundPod([{ args: ['true'] }], 'OnFailure'), 60_000).phase).toBe('Succeeded');
    expect(view(boundPod([{ args: ['false'] }], 'OnFailure'), 60_000)).toMatchObject({
      phase: 'Running',
      column: 'CrashLoopBackOff',
    });
  });

  it('GIVEN an image the registry lacks WHEN time passes THEN ErrImagePull after the failed pull, ImagePullBackOff, retry after 10 s then 20 s', () => {
    const pod = boundPod([{ image: 'nope', imagePullPolicy: 'Always' }]);
    expect(view(pod, 2099)).toMatchObject({ phase: 'Pending', column: 'ContainerCreating' });
    expect(view(pod, 2100).column).toBe('ErrImagePull'); // 0.9 s + 1.2 s
    expect(view(pod, 3100).column).toBe('ImagePullBackOff');
    expect(view(pod, 14_299).column).toBe('ImagePullBackOff'); // second pull started at 13.1 s
    expect(view(pod, 14_300).column).toBe('ErrImagePull');
    expect(view(pod, 15_300).column).toBe('ImagePullBackOff');
    expect(view(pod, 36_499).column).toBe('ImagePullBackOff'); // third pull fails at 35.3 s + 1.2 s
    expect(view(pod, 36_500).column).toBe('ErrImagePull');
    const waiting = podStatus(pod, at(4000)).containers[0]?.state;
    expect(waiting).toEqual({
      kind: 'waiting',
      reason: 'ImagePullBackOff',
      message:
        'Back-off pulling image "nope": ErrImagePull: failed to pull and unpack image "docker.io/library/nope:latest": failed to resolve reference "docker.io/library/nope:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    });
  });

  it('GIVEN a known repository with an unknown tag WHEN pulled THEN the error is "not found"', () => {
    const c = podStatus(boundPod([{ image: 'nginx:nope' }]), at(2500)).containers[0];
    expect(c?.state.kind === 'waiting' && c.state.message).toBe(
      'failed to pull and unpack image "docker.io/library/nginx:nope": failed to resolve reference "docker.io/library/nginx:nope": docker.io/library/nginx:nope: not found',
    );
  });

  it('GIVEN imagePullPolicy Never and an image not on the node WHEN synced THEN ErrImageNeverPull', () => {
    const pod = boundPod([{ image: 'nginx:1.27', imagePullPolicy: 'Never' }]);
    expect(view(pod, 5000)).toMatchObject({ phase: 'Pending', column: 'ErrImageNeverPull' });
  });

  it('GIVEN two nginx containers on port 80 WHEN both start THEN the second crash-loops and READY is 1/2', () => {
    const port = { containerPort: 80, protocol: 'TCP' as const };
    const pod = boundPod([
      { name: 'web', image: 'nginx:1.27', ports: [port] },
      { name: 'web2', image: 'nginx:1.27', ports: [port] },
    ]);
    const status = podStatus(pod, at(30_000));
    expect(status.containers.map((c) => c.ready)).toEqual([true, false]);
    expect(statusColumn(status)).toBe('CrashLoopBackOff');
    expect(status.phase).toBe('Running');
    expect(status.containers[1]?.plan.logs).toContain(
      'nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)',
    );
    expect(status.containers[1]?.plan.logs.at(-1)).toBe('nginx: [emerg] still could not bind()');
    expect(status.containers[1]?.lastState).toMatchObject({ reason: 'Error', exitCode: 1 });
  });

  it("GIVEN the second container waits for the first one's pull WHEN the first still pulls THEN the second has not started", () => {
    const pod = boundPod([
      { name: 'a', image: 'luksa/kubia', imagePullPolicy: 'Always' },
      { name: 'b', image: 'redis:7' },
    ]);
    const early = podStatus(pod, at(3000));
    expect(early.containers.map((c) => state(c))).toEqual([
      'waiting:ContainerCreating',
      'waiting:ContainerCreating',
    ]);
    const later = podStatus(pod, at(10_000));
    expect(later.containers[1]?.runs).toBe(1);
    expect(lastStart(later.containers[1] as ContainerStatus)).toBe(at(3150 + 1200 + 150));
    expect(statusColumn(later)).toBe('Running');
  });

  it('GIVEN a first container that completes and a second that runs WHEN the pod is not ready THEN STATUS is NotReady', () => {
    const pod = boundPod([{ args: ['true'] }, { args: ['sleep', 'infinity'] }], 'OnFailure');
    const status = podStatus(pod, at(60_000));
    expect(status.containers.map((c) => state(c))).toEqual(['terminated:Completed', 'running']);
    expect(statusColumn(status)).toBe('NotReady');
  });

  it('GIVEN Go durations WHEN formatted THEN they read as time.Duration.String does', () => {
    expect([645, 1000, 2100, 1052, 10_000, 80_000, 300_000, 62_500].map(goDuration)).toEqual([
      '645ms',
      '1s',
      '2.1s',
      '1.052s',
      '10s',
      '1m20s',
      '5m0s',
      '1m2.5s',
    ]);
  });
});
