import { describe, expect, it } from 'vitest';
import { verbSandbox } from './verb-sandbox.ts';

/**
 * Issue 15, Terminating: DELETE sets deletionTimestamp; the kubelet sends SIGTERM; the pod is gone
 * when its processes have exited, or when the grace period ends and they are killed. nginx
 * exits on SIGTERM, node's app.js (luksa/kubia) as PID 1 ignores it. kubectl delete waits for
 * that (fast-forwarding the sandbox clock), unless --wait=false.
 */
function running() {
  const box = verbSandbox();
  box.kubectl('run kubia --image=luksa/kubia --port=8080');
  box.kubectl('run web --image=nginx');
  box.advance(60_000);
  return box;
}

const ages = (text: string) =>
  text
    .split('\n')
    .slice(1)
    .map((row) => row.split(/\s+/).filter((c) => c !== ''))
    .map(([name, , status, , age]) => `${name} ${status} ${age}`);

describe('a deleted pod is Terminating until its processes exit', () => {
  it('GIVEN kubia (ignores SIGTERM) WHEN delete --wait=false THEN it is Terminating for the 30 s grace period, then gone', () => {
    const box = running();
    expect(box.kubectl('delete po kubia --wait=false').text).toBe(
      'pod "kubia" deleted from default namespace',
    );
    expect(ages(box.kubectl('get po').text)).toEqual(['kubia Terminating 60s', 'web Running 60s']);
    box.advance(29_000);
    expect(ages(box.kubectl('get po').text)).toEqual(['kubia Terminating 89s', 'web Running 89s']);
    box.advance(1_000);
    expect(ages(box.kubectl('get po').text)).toEqual(['web Running 90s']);
    expect(box.kubectl('get po kubia').text).toBe('Error from server (NotFound): pods "kubia" not found');
  });

  it('GIVEN nginx (exits on SIGTERM) WHEN delete --wait=false THEN it is gone within a second', () => {
    const box = running();
    box.kubectl('delete po web --wait=false');
    expect(ages(box.kubectl('get po web').text)).toEqual(['web Terminating 60s']);
    box.advance(1_000);
    expect(box.kubectl('get po web').ok).toBe(false);
  });

  it('WHEN delete waits (the default) THEN the clock moves on by what the slowest pod takes', () => {
    const box = running();
    expect(box.kubectl('delete po web').text).toBe('pod "web" deleted from default namespace');
    expect(ages(box.kubectl('get po').text)).toEqual(['kubia Running 61s']);
    expect(box.kubectl('delete po kubia').ok).toBe(true);
    expect(box.kubectl('get po').text).toBe('No resources found in default namespace.');
    expect(box.kubectl('get ns default').text).toMatch(/Active {3}8m31s$/);
  });

  it('WHEN --grace-period=5, --now, --grace-period=0 or --force THEN kubectl shortens or skips the wait', () => {
    const box = running();
    box.kubectl('delete po kubia --grace-period=5 --wait=false');
    expect(box.kubectl('get po kubia -o jsonpath={.metadata.deletionGracePeriodSeconds}').text).toBe('5');
    box.advance(5_000);
    expect(box.kubectl('get po kubia').ok).toBe(false);

    const now = running();
    now.kubectl('delete po kubia --now --wait=false');
    expect(now.kubectl('get po kubia -o jsonpath={.metadata.deletionGracePeriodSeconds}').text).toBe('1');

    const zero = running();
    zero.kubectl('delete po kubia --grace-period=0 --wait=false');
    expect(zero.kubectl('get po kubia -o jsonpath={.metadata.deletionGracePeriodSeconds}').text).toBe('1');

    const force = running();
    expect(force.kubectl('delete po kubia --force').text).toBe(
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\npod "kubia" force deleted from default namespace',
    );
    expect(force.kubectl('get po kubia').ok).toBe(false);
    expect(ages(force.kubectl('get po web').text)).toEqual(['web Running 60s']);
  });

  it('GIVEN a Terminating pod THEN describe shows how long it lasts and the Killing event, -o yaml its deletionTimestamp', () => {
    const box = running();
    box.kubectl('delete po kubia --wait=false');
    box.advance(10_000);
    const described = box.kubectl('describe po kubia').text;
    expect(described).toContain(
      'Status:                    Terminating (lasts 20s)\nTermination Grace Period:  30s\n',
    );
    expect(described).toMatch(/ {2}Normal {2}Killing {4}10s {3}kubelet {12}Stopping container kubia$/);
    const yaml = box.kubectl('get po kubia -o yaml').text;
    expect(yaml).toContain('  deletionGracePeriodSeconds: 30\n  deletionTimestamp: "2025-01-15T10:01:30Z"\n');
  });

  it('GIVEN a Terminating pod WHEN kubectl wait --for=delete THEN the clock moves to when it is gone', () => {
    const box = running();
    box.kubectl('delete po kubia --wait=false');
    expect(box.kubectl('wait --for=delete pod/kubia --timeout=10s').ok).toBe(false);
    expect(box.kubectl('wait --for=delete pod/kubia').text).toBe('pod/kubia condition met');
    expect(box.kubectl('get po').text).toBe(
      'NAME   READY   STATUS    RESTARTS   AGE\nweb    1/1     Running   0          90s',
    );
  });

  it('GIVEN a pod whose containers never started WHEN deleted THEN it goes at once', () => {
    const box = verbSandbox();
    box.kubectl('run broken --image=nosuch/image');
    box.advance(60_000);
    box.kubectl('delete po broken --wait=false');
    expect(box.kubectl('get po').text).toBe('No resources found in default namespace.');
  });

  it('WHEN delete -o name or --dry-run THEN delete.go PrintObj words it, and a dry run changes nothing', () => {
    const box = running();
    expect(box.kubectl('delete po web -o name').text).toBe('pod/web');
    expect(box.kubectl('delete po kubia --dry-run=client').text).toBe(
      'pod "kubia" deleted from default namespace (dry run)',
    );
    expect(box.kubectl('delete po kubia --dry-run=server').text).toBe(
      'pod "kubia" deleted from default namespace (server dry run)',
    );
    expect(ages(box.kubectl('get po').text)).toEqual(['kubia Running 61s']);
    expect(box.kubectl('delete ns default --dry-run=server').text).toBe(
      'Error from server (Forbidden): namespaces "default" is forbidden: this namespace may not be deleted',
    );
    expect(box.kubectl('delete po kubia -o yaml').text).toBe(
      "error: unexpected -o output mode: yaml. We only support '-o name'",
    );
    expect(box.kubectl('delete po kubia --dry-run=maybe').text).toBe(
      'error: Invalid dry-run value (maybe). Must be "none", "server", or "client".',
    );
    expect(box.kubectl('get po kubia').ok).toBe(true);
  });
});
