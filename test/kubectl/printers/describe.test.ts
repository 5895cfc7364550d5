import { describe, expect, it } from 'vitest';
import { createIds } from '../../../src/cluster/ids.ts';
import { createPod } from '../../../src/cluster/pods.ts';
import { describeNamespace } from '../../../src/kubectl/printers/describe-node.ts';
import { describePod } from '../../../src/kubectl/printers/describe-pod.ts';
import { rfc1123z, tabwrite } from '../../../src/kubectl/printers/describe-writer.ts';
import { at, container, seededCluster, T0 } from '../../cluster/lifecycle-fixtures.ts';

describe('kubectl describe layout', () => {
  it('GIVEN tab-separated lines WHEN aligned THEN each column block is as wide as its widest cell plus two', () => {
    expect(tabwrite('Name:\tkubia\nService Account:\tdefault\nIPs:\n  IP:\t10.0.0.1\n')).toBe(
      'Name:             kubia\nService Account:  default\nIPs:\n  IP:  10.0.0.1\n',
    );
  });

  it('GIVEN a cell followed by an empty last cell WHEN aligned THEN the padding stays as trailing spaces', () => {
    expect(tabwrite('IP:\t\nStatus:\tPending\n')).toBe('IP:      \nStatus:  Pending\n');
  });

  it('GIVEN a time WHEN printed THEN it is RFC1123Z in UTC', () => {
    expect(rfc1123z(T0 + 1500)).toBe('Wed, 15 Jan 2025 10:00:01 +0000');
  });

  it('GIVEN two nginx containers on port 80 made through the API WHEN described after 40 s THEN web2 crash-loops with Last State Error', () => {
    const cluster = seededCluster();
    const port = [{ containerPort: 80, protocol: 'TCP' as const }];
    const created = createPod(
      cluster,
      {
        name: 'nginx',
        namespace: 'default',
        labels: { app: 'nginx' },
        annotations: {},
        containers: [
          container('nginx1', 'nginx:1.27', { ports: port }),
          container('nginx2', 'nginx:1.27', { ports: port }),
        ],
        nodeSelector: {},
        restartPolicy: 'Always',
        createdVia: 'create',
      },
      createIds('describe-test', 0),
    );
    if (!created.ok) throw new Error('createPod');
    expect(created.value.warnings).toEqual([
      'spec.containers[1].ports[0]: duplicate port definition with spec.containers[0].ports[0]',
    ]);
    const pod = created.value.pod;
    const text = describePod(pod, { ...cluster, pods: [...cluster.pods, pod], now: at(40_000) });
    const block = text.slice(text.indexOf('  nginx2:'), text.indexOf('Conditions:'));
    expect(block.split('\n')).toEqual([
      '  nginx2:',
      expect.stringMatching(/^ {4}Container ID: {3}containerd:\/\/[0-9a-f]{64}$/),
      '    Image:          nginx:1.27',
      expect.stringMatching(/^ {4}Image ID: {7}docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/),
      '    Port:           80/TCP',
      '    Host Port:      0/TCP',
      '    State:          Waiting',
      '      Reason:       CrashLoopBackOff',
      '    Last State:     Terminated',
      '      Reason:       Error',
      '      Exit Code:    1',
      // Started 2.6 s, failed to bind for 2.5 s, restarted at once, then after 10 s: third run 19.9 s to 22.4 s.
      '      Started:      Wed, 15 Jan 2025 10:00:19 +0000',
      '      Finished:     Wed, 15 Jan 2025 10:00:22 +0000',
      '    Ready:          False',
      '    Restart Count:  2',
      '    Environment:    <none>',
      '    Mounts:',
      `      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-${pod.sim.tokenSuffix} (ro)`,
      '',
    ]);
    expect(text).toContain('Status:           Running');
    expect(text).toMatch(
      /Warning {2}BackOff {4}7s \(x3 over 31s\) {3}kubelet {12}Back-off restarting failed container nginx2 in pod nginx_default\(/,
    );
    expect(text).toContain('  Ready                       False \n');
  });

  it('GIVEN a namespace WHEN described THEN no quota and no limit range are listed', () => {
    const cluster = seededCluster();
    const ns = cluster.namespaces[0];
    if (ns === undefined) throw new Error('seed');
    expect(describeNamespace(ns, cluster)).toBe(
      'Name:         default\nLabels:       kubernetes.io/metadata.name=default\nAnnotations:  <none>\nStatus:       Active\n\nNo resource quota.\n\nNo LimitRange resource.\n',
    );
  });
});
