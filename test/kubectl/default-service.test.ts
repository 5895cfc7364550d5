import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';
import { tempDbPath } from '../helpers/console.ts';
import { verbSandbox } from './verb-sandbox.ts';

/**
 * Issue 15: every cluster has `service/kubernetes` in `default`, kept by the API server's
 * bootstrap controller. Expected texts are kubectl v1.34's (printers.go printService,
 * describe.go describeService, get.go multipleGVKsRequested, delete's "from NS namespace").
 */
const SVC_HEADER = 'NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE';

describe('the default kubernetes Service', () => {
  it('GIVEN a fresh sandbox WHEN get svc, -o wide, -A THEN the kubernetes Service is listed with 10.96.0.1 and 443/TCP', () => {
    const box = verbSandbox();
    expect(box.kubectl('get svc').text).toBe(
      `${SVC_HEADER}\nkubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   7m`,
    );
    expect(box.kubectl('get services -o wide').text).toBe(
      `${SVC_HEADER}   SELECTOR\nkubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   7m    <none>`,
    );
    expect(box.kubectl('get svc -A').text).toBe(
      'NAMESPACE   NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\n' +
        'default     kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   7m',
    );
    expect(box.kubectl('get svc -n kube-system').text).toBe('No resources found in kube-system namespace.');
    expect(box.kubectl('get svc -o name').text).toBe('service/kubernetes');
    expect(box.kubectl('get svc nosuch').text).toBe(
      'Error from server (NotFound): services "nosuch" not found',
    );
  });

  it('GIVEN a pod WHEN get all THEN pods and the Service are listed with their kinds, in two tables', () => {
    const box = verbSandbox();
    box.addPod('kubia');
    box.advance(60_000);
    expect(box.kubectl('get all').text).toBe(
      [
        'NAME        READY   STATUS    RESTARTS   AGE',
        'pod/kubia   1/1     Running   0          60s',
        '',
        'NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE',
        'service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   8m',
      ].join('\n'),
    );
  });

  it('GIVEN no pods WHEN get all THEN only the Service table, its name with its kind (all asks for several types; kubectl 1.33 prints this against Podium)', () => {
    const box = verbSandbox();
    expect(box.kubectl('get all').text).toBe(
      [
        'NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE',
        'service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   7m',
      ].join('\n'),
    );
  });

  it('WHEN describe svc kubernetes THEN it reads as describeService prints it, endpoints on the control plane', () => {
    const box = verbSandbox();
    expect(box.kubectl('describe svc kubernetes').text).toBe(
      [
        'Name:                     kubernetes',
        'Namespace:                default',
        'Labels:                   component=apiserver',
        '                          provider=kubernetes',
        'Annotations:              <none>',
        'Selector:                 <none>',
        'Type:                     ClusterIP',
        'IP Family Policy:         SingleStack',
        'IP Families:              IPv4',
        'IP:                       10.96.0.1',
        'IPs:                      10.96.0.1',
        'Port:                     https  443/TCP',
        'TargetPort:               6443/TCP',
        'Endpoints:                172.30.1.2:6443',
        'Session Affinity:         None',
        'Internal Traffic Policy:  Cluster',
        'Events:                   <none>',
      ].join('\n'),
    );
  });

  it('WHEN get svc kubernetes -o yaml THEN the spec carries the server defaults', () => {
    const text = verbSandbox().kubectl('get svc kubernetes -o yaml').text;
    expect(text).toContain('kind: Service');
    expect(text).toContain(
      [
        'spec:',
        '  clusterIP: 10.96.0.1',
        '  clusterIPs:',
        '  - 10.96.0.1',
        '  internalTrafficPolicy: Cluster',
        '  ipFamilies:',
        '  - IPv4',
        '  ipFamilyPolicy: SingleStack',
        '  ports:',
        '  - name: https',
        '    port: 443',
        '    protocol: TCP',
        '    targetPort: 6443',
        '  sessionAffinity: None',
        '  type: ClusterIP',
        'status:',
        '  loadBalancer: {}',
      ].join('\n'),
    );
  });

  it('GIVEN a pod WHEN delete all --all THEN both go, in discovery order, and the server makes the Service again with a new uid', () => {
    const box = verbSandbox();
    box.addPod('kubia');
    const uid = (text: string) => /uid: (\S+)/.exec(text)?.[1];
    const before = uid(box.kubectl('get svc kubernetes -o yaml').text);
    box.advance(60_000);
    expect(box.kubectl('delete all --all').text).toBe(
      'pod "kubia" deleted from default namespace\nservice "kubernetes" deleted from default namespace',
    );
    expect(box.kubectl('get po').text).toBe('No resources found in default namespace.');
    expect(box.kubectl('get all').text).toBe(
      [
        'NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE',
        'service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   30s',
      ].join('\n'),
    );
    const after = uid(box.kubectl('get svc kubernetes -o yaml').text);
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
  });

  it('WHEN exec, logs or port-forward name svc/kubernetes THEN kubectl says the Service has no selector', () => {
    const box = verbSandbox();
    const why = "*v1.Service: invalid service 'kubernetes': Service is defined without a selector";
    expect(box.kubectl('exec svc/kubernetes -- ls').text).toBe(`error: cannot attach to ${why}`);
    expect(box.kubectl('port-forward svc/kubernetes 8443:443').text).toBe(`error: cannot attach to ${why}`);
    expect(box.kubectl('logs svc/kubernetes').text).toBe(`error: cannot get the logs from ${why}`);
    expect(box.kubectl('logs svc/other').text).toBe(
      'Error from server (NotFound): services "other" not found',
    );
  });

  it('GIVEN a stored sandbox that has no Service row (made before Services were stored) WHEN loaded THEN it has the default Service, the same on every load', () => {
    const path = tempDbPath();
    const first = testApp(path);
    first.say('alice', 'kubectl get po');
    const yaml = first.say('alice', 'kubectl get svc kubernetes -o yaml');
    first.app.db.prepare("DELETE FROM objects WHERE kind = 'Service'").run();
    const reopened = testApp(path);
    expect(reopened.say('alice', 'kubectl get svc kubernetes -o yaml')).toBe(yaml);
    expect(testApp(path).say('alice', 'kubectl get svc kubernetes -o yaml')).toBe(yaml);
  });

  it('GIVEN delete svc kubernetes WHEN the database is opened again THEN the re-made Service is the one stored', () => {
    const path = tempDbPath();
    const first = testApp(path);
    const original = first.say('alice', 'kubectl get svc kubernetes -o yaml');
    expect(first.say('alice', 'kubectl delete svc kubernetes')).toBe(
      'service "kubernetes" deleted from default namespace',
    );
    const remade = first.say('alice', 'kubectl get svc kubernetes -o yaml');
    expect(remade).not.toBe(original);
    expect(testApp(path).say('alice', 'kubectl get svc kubernetes -o yaml')).toBe(remade);
  });
});
