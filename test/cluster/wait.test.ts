import { describe, expect, it } from 'vitest';
import { parseWaitFor } from '../../src/cluster/conditions.ts';
import { podStatus } from '../../src/cluster/lifecycle.ts';
import { T0 } from '../helpers/app.ts';
import { kubia, netSandbox } from './net-sandbox.ts';

describe('kubectl wait', () => {
  it('GIVEN a new pod WHEN waiting for Ready THEN the clock jumps to the moment it is ready, no further', () => {
    const box = netSandbox();
    box.pod('kubia', [kubia()]);
    expect(box.kubectl('wait --for=condition=Ready pod/kubia')).toEqual({
      text: 'pod/kubia condition met',
      ok: true,
      exitCode: 0,
    });
    const status = podStatus(box.get('kubia'), box.cluster.now);
    expect(status.readyAt).toBe(box.cluster.now);
    expect(podStatus(box.get('kubia'), box.cluster.now - 1).readyAt).toBeUndefined();
  });

  it('GIVEN a pod that is already ready THEN condition met at once and the clock stays', () => {
    const box = netSandbox();
    box.pod('kubia', [kubia()]);
    box.advance(30_000);
    const before = box.cluster.now;
    expect(box.kubectl('wait --for condition=ready pod kubia').text).toBe('pod/kubia condition met');
    expect(box.cluster.now).toBe(before);
  });

  it('GIVEN a pod that never gets ready THEN the clock moves by the timeout and kubectl times out', () => {
    const box = netSandbox();
    box.pod('typo', [{ name: 'typo', image: 'luksa/kubiaa' }]);
    expect(box.kubectl('wait --for=condition=Ready pod/typo --timeout=45s')).toEqual({
      text: 'error: timed out waiting for the condition on pods/typo',
      ok: false,
      exitCode: 1,
    });
    expect(box.cluster.now).toBe(T0 + 45_000);
    const again = netSandbox();
    again.pod('typo', [{ name: 'typo', image: 'luksa/kubiaa' }]);
    again.kubectl('wait --for=condition=Ready pod/typo');
    expect(again.cluster.now).toBe(T0 + 30_000);
  });

  it('GIVEN -l and --all THEN every matching pod, one line each', () => {
    const box = netSandbox();
    box.pod('a', [kubia()], { labels: { app: 'kubia' } });
    box.pod('b', [kubia()], { labels: { app: 'kubia' } });
    expect(box.kubectl('wait --for=condition=Ready pods -l app=kubia').text).toBe(
      'pod/a condition met\npod/b condition met',
    );
    expect(box.kubectl('wait --for=condition=Ready pods --all').text).toBe(
      'pod/a condition met\npod/b condition met',
    );
  });

  it('GIVEN --for=jsonpath on the phase THEN it waits for Running', () => {
    const box = netSandbox();
    box.pod('kubia', [kubia()]);
    expect(box.kubectl("wait --for=jsonpath='{.status.phase}'=Running pod/kubia").text).toBe(
      'pod/kubia condition met',
    );
    expect(podStatus(box.get('kubia'), box.cluster.now).phase).toBe('Running');
  });

  it('GIVEN --for=delete THEN a missing pod is already deleted, an existing one times out', () => {
    const box = netSandbox();
    expect(box.kubectl('wait --for=delete pod/nope')).toEqual({ text: '', ok: true, exitCode: 0 });
    box.pod('kubia', [kubia()]);
    expect(box.kubectl('wait --for=delete pod/kubia --timeout=5s').text).toBe(
      'error: timed out waiting for the condition on pods/kubia',
    );
  });

  it('GIVEN a node THEN it is Ready', () => {
    expect(netSandbox().kubectl('wait --for=condition=Ready node/node01').text).toBe(
      'node/node01 condition met',
    );
  });

  it.each([
    ['wait pod/kubia', 'error: unrecognized condition: ""'],
    ['wait --for=foo pod/kubia', 'error: unrecognized condition: "foo"'],
    [
      'wait --for=condition=Ready pod/kubia --timeout=30',
      'error: invalid argument "30" for "--timeout" flag: time: missing unit in duration "30"\nSee \'kubectl wait --help\' for usage.',
    ],
    ['wait --for=condition=Ready pod/nope', 'Error from server (NotFound): pods "nope" not found'],
    ['wait --for=condition=Ready pods -l app=nope', 'error: no matching resources found'],
    ['wait --for=condition=Ready pods', 'error: resource(s) were provided, but no name was specified'],
  ])('WHEN kubectl %s THEN %j', (line, expected) => {
    const r = netSandbox().kubectl(line);
    expect(r.text).toBe(expected);
    expect(r.ok).toBe(false);
  });

  it.each([
    ['condition=Ready', { kind: 'condition', type: 'Ready', status: true }],
    ['condition=Ready=false', { kind: 'condition', type: 'Ready', status: false }],
    ['delete', { kind: 'delete' }],
    ['jsonpath={.status.phase}=Running', { kind: 'jsonpath', path: '{.status.phase}', value: 'Running' }],
    ['bogus', null],
  ])('GIVEN --for=%s THEN %j', (text, expected) => {
    expect(parseWaitFor(text)).toEqual(expected);
  });
});
