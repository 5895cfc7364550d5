import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';

/**
 * The control-plane pods are mirrors of kubeadm's static pods: the kubelet's config annotations,
 * host directories, the toleration of every NoExecute taint, and no service account (they never
 * pass admission), unlike every other pod.
 */
describe('static control-plane pods', () => {
  const t = testApp();
  const get = (name: string, path: string) =>
    t.say('alice', `kubectl get po -n kube-system ${name} -o jsonpath='{${path}}'`);

  it.each(['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler'])(
    'GIVEN %s THEN it carries the config annotations and no service-account token',
    (component) => {
      const name = `${component}-controlplane`;
      const hash = get(name, `.metadata.annotations.kubernetes\\.io/config\\.hash`);
      expect(hash).toMatch(/^[0-9a-f]{32}$/);
      expect(get(name, `.metadata.annotations.kubernetes\\.io/config\\.mirror`)).toBe(hash);
      expect(get(name, `.metadata.annotations.kubernetes\\.io/config\\.source`)).toBe('file');
      expect(get(name, '.spec.serviceAccountName')).toBe('');
      expect(get(name, '.spec.volumes[*].name')).not.toContain('kube-api-access');
      expect(get(name, '.spec.volumes[*].hostPath.path')).toMatch(/^\/(etc|var)\//);
      expect(get(name, '.spec.tolerations[*].operator')).toBe('Exists');
    },
  );

  it('GIVEN describe THEN no Service Account line, the host mounts and one toleration', () => {
    const text = t.say('alice', 'kubectl describe po -n kube-system kube-apiserver-controlplane');
    expect(text).not.toContain('Service Account:');
    expect(text).toContain(
      'Annotations:          kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint: 172.30.1.2:6443',
    );
    expect(text).toContain('      /etc/kubernetes/pki from k8s-certs (ro)\n');
    expect(text).toMatch(/^Tolerations:\s+:NoExecute op=Exists$/m);
  });

  it('GIVEN a member’s pod THEN it still has its service account and token volume', () => {
    t.say('alice', 'kubectl run web --image=nginx');
    expect(t.say('alice', 'kubectl get po web -o jsonpath={.spec.serviceAccountName}')).toBe('default');
    expect(t.say('alice', 'kubectl get po web -o jsonpath={.spec.volumes[*].name}')).toMatch(
      /^kube-api-access-/,
    );
  });
});
