import { describe, expect, it } from 'vitest';
import { verbSandbox } from '../kubectl/verb-sandbox.ts';

/** A namespace `cn` holding one running nginx pod (nginx exits on SIGTERM, about a second). */
function withRunningPod() {
  const box = verbSandbox();
  box.kubectl('create ns cn');
  box.kubectl('run web --image=nginx -n cn');
  expect(box.kubectl('wait --for=condition=Ready po/web -n cn').ok).toBe(true);
  return box;
}

describe('deleting a namespace (the API server marks it, the namespace controller empties it)', () => {
  it('GIVEN --wait=false WHEN listed at once THEN it is Terminating, its pods too, and it takes no new content', () => {
    const box = withRunningPod();
    expect(box.kubectl('delete ns cn --wait=false').text).toBe('namespace "cn" deleted');
    expect(box.kubectl('get ns cn').text).toMatch(/^NAME {3}STATUS {8}AGE\ncn {5}Terminating {3}\d+s$/);
    expect(box.kubectl('get po -n cn').text).toMatch(/^web .* Terminating /m);
    expect(box.kubectl('run other --image=nginx -n cn').text).toBe(
      'Error from server (Forbidden): pods "other" is forbidden: unable to create new content in namespace cn because it is being terminated',
    );
    expect(box.kubectl('create ns cn').text).toBe(
      'Error from server (AlreadyExists): object is being deleted: namespaces "cn" already exists',
    );
    const yaml = box.kubectl('get ns cn -o yaml').text;
    expect(yaml).toMatch(/^ {2}deletionTimestamp: "/m);
    expect(yaml).toMatch(/^status:\n {2}phase: Terminating$/m);
  });

  it('GIVEN a Terminating namespace WHEN deleted again THEN the server refuses with its Conflict, and nothing changes', () => {
    const box = withRunningPod();
    box.kubectl('delete ns cn --wait=false');
    const before = box.kubectl('get ns cn -o yaml').text;
    const again = box.kubectl('delete ns cn');
    expect(again.ok).toBe(false);
    expect(again.text).toBe(
      'Error from server (Conflict): Operation cannot be fulfilled on namespaces "cn": The system is ensuring all content is removed from this namespace.  Upon completion, this namespace will automatically be purged by the system.',
    );
    expect(box.kubectl('get ns cn -o yaml').text).toBe(before);
  });

  it('GIVEN the controller has passed WHEN described THEN its five conditions say what remains', () => {
    const box = verbSandbox();
    box.kubectl('create ns cn');
    // busybox's sleep ignores SIGTERM: the pod stays for its whole 30 s grace period.
    box.kubectl('run sleeper --image=busybox -n cn -- sleep 3600');
    box.kubectl('wait --for=condition=Ready po/sleeper -n cn');
    box.kubectl('delete ns cn --wait=false');
    expect(box.kubectl('describe ns cn').text).not.toContain('Conditions:');
    box.advance(5_000);
    const text = box.kubectl('describe ns cn').text;
    expect(text).toContain('Status:       Terminating\nConditions:\n');
    expect(text).toMatch(
      /^ {2}NamespaceContentRemaining {20}True {4}\w{3}, \d\d \w{3} \d{4} [\d:]{8} \+0000 {2}SomeResourcesRemain {5}Some resources are remaining: pods\. has 1 resource instances$/m,
    );
    expect(text).toMatch(
      /^ {2}NamespaceFinalizersRemaining {17}False {3}.* {2}ContentHasNoFinalizers {2}All content-preserving finalizers finished$/m,
    );
    box.advance(24_000); // 29 s: the pod is still being stopped
    expect(box.kubectl('get ns cn').ok).toBe(true);
    box.advance(1_000); // 30 s: the kubelet killed it, and the controller's pass finds nothing left
    expect(box.kubectl('get ns cn').text).toBe('Error from server (NotFound): namespaces "cn" not found');
  });

  it('GIVEN kubectl waits (the default) WHEN the delete returns THEN the namespace and its pods are gone', () => {
    const box = withRunningPod();
    const before = box.cluster.now;
    expect(box.kubectl('delete ns cn').text).toBe('namespace "cn" deleted');
    // nginx stopped within a second, so the controller's first pass, 5 s on, finalized it.
    expect(box.cluster.now - before).toBe(5_000);
    expect(box.kubectl('get ns cn').ok).toBe(false);
    expect(box.kubectl('get po -A').text).not.toContain('web');
    expect(box.cluster.namespaces.some((n) => n.metadata.name === 'cn')).toBe(false);
    expect(box.kubectl('create ns cn').text).toBe('namespace/cn created');
  });

  it('GIVEN an empty namespace WHEN deleted without waiting THEN it is Terminating until the first pass', () => {
    const box = verbSandbox();
    box.kubectl('create ns empty');
    box.kubectl('delete ns empty --wait=false');
    box.advance(4_999);
    expect(box.kubectl('get ns empty').text).toContain('Terminating');
    box.advance(1);
    expect(box.kubectl('get ns empty').ok).toBe(false);
  });

  it.each(['default', 'kube-system', 'kube-public', 'kube-node-lease'])(
    'GIVEN the namespace %s WHEN deleted THEN NamespaceLifecycle refuses it',
    (name) => {
      const box = verbSandbox();
      expect(box.kubectl(`delete ns ${name}`).text).toBe(
        `Error from server (Forbidden): namespaces "${name}" is forbidden: this namespace may not be deleted`,
      );
      expect(box.kubectl(`get ns ${name}`).text).toContain('Active');
    },
  );

  it('GIVEN a Terminating pod WHEN one of its name is created THEN the name is still taken', () => {
    const box = verbSandbox();
    box.kubectl('run web --image=nginx');
    box.kubectl('wait --for=condition=Ready po/web');
    box.kubectl('delete po web --wait=false');
    expect(box.kubectl('run web --image=nginx').text).toBe(
      'Error from server (AlreadyExists): object is being deleted: pods "web" already exists',
    );
  });
});
