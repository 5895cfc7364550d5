import { describe, expect, it } from 'vitest';
import { mapSvg } from '../../src/map/map.ts';
import { mapText } from '../../src/map/text.ts';
import { testApp } from '../helpers/app.ts';
import { mapFixture } from '../map/fixtures.ts';

/**
 * A pod bound by its creator (`spec.nodeName`) skips the scheduler, and the node's kubelet admits
 * it itself (lifecycle/predicate.go): one that does not fit is rejected (kubelet.go rejectPod):
 * Failed at once with the reason, a Warning event, no container, no IP. Outputs as real kubectl
 * 1.33 printed them through Podium's API door (/work/tools/orc.py).
 */
const manifest = (name: string, node: string, spec: string) =>
  `kubectl create -f -\n\`\`\`yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  nodeName: ${node}\n${spec}  containers:\n  - name: c\n    image: nginx\n\`\`\``;
const selecting = (name: string) => manifest(name, 'node01', '  nodeSelector:\n    disk: ssd\n');
const requesting = (name: string, node: string, requests: string) =>
  manifest(name, node, '').replace(
    '    image: nginx\n',
    `    image: nginx\n    resources:\n      requests:\n${requests}`,
  );

const AFFINITY = "Predicate NodeAffinity failed: node(s) didn't match Pod's node affinity/selector";

describe("the kubelet's admission of a pod bound with spec.nodeName", () => {
  it('GIVEN a nodeSelector the node does not match WHEN listed THEN STATUS is NodeAffinity, 0/1, no IP, on that node', () => {
    const t = testApp();
    expect(t.say('alice', selecting('sel'))).toBe('pod/sel created');
    t.advance(30_000);
    expect(t.say('alice', 'kubectl get po')).toBe(
      'NAME   READY   STATUS         RESTARTS   AGE\nsel    0/1     NodeAffinity   0          30s',
    );
    expect(t.say('alice', 'kubectl get po -o wide')).toBe(
      'NAME   READY   STATUS         RESTARTS   AGE   IP       NODE     NOMINATED NODE   READINESS GATES\nsel    0/1     NodeAffinity   0          30s   <none>   node01   <none>           <none>',
    );
  });

  it("GIVEN such a pod THEN its status is rejectPod's with the status manager's start time and generation, and nothing more", () => {
    const t = testApp();
    t.say('alice', selecting('sel'));
    t.advance(30_000);
    expect(t.say('alice', 'kubectl get po sel -o jsonpath={.status}')).toBe(
      `{"message":"Pod was rejected: ${AFFINITY}","observedGeneration":1,"phase":"Failed","qosClass":"BestEffort","reason":"NodeAffinity","startTime":"2025-01-15T10:00:00Z"}`,
    );
    expect(t.say('alice', 'kubectl get po sel -o yaml')).toContain(
      "status:\n  message: 'Pod was rejected: Predicate NodeAffinity failed: node(s) didn''t match\n    Pod''s node affinity/selector'\n  observedGeneration: 1\n  phase: Failed\n  qosClass: BestEffort\n  reason: NodeAffinity\n  startTime: \"2025-01-15T10:00:00Z\"",
    );
  });

  it('GIVEN such a pod WHEN described THEN Status, Reason and Message follow each other, with no container state, no conditions, and the Warning from the kubelet', () => {
    const t = testApp();
    t.say('alice', selecting('sel'));
    t.advance(30_000);
    const described = t.say('alice', 'kubectl describe po sel');
    expect(described).toContain(
      `Node:             node01/\nStart Time:       Wed, 15 Jan 2025 10:00:00 +0000\nLabels:           <none>\nAnnotations:      <none>\nStatus:           Failed\nReason:           NodeAffinity\nMessage:          Pod was rejected: ${AFFINITY}\nIP:               \nIPs:              <none>\nContainers:\n  c:\n    Image:        nginx\n    Port:         <none>\n`,
    );
    expect(described).not.toContain('Container ID:');
    expect(described).not.toContain('Conditions:');
    expect(described).toMatch(
      new RegExp(
        `Events:\\n  Type     Reason        Age   From     Message\\n  ----     ------        ----  ----     -------\\n  Warning  NodeAffinity  30s   kubelet  ${AFFINITY.replace(/[()]/g, '\\$&')}$`,
      ),
    );
    expect(t.say('alice', 'kubectl get events --field-selector involvedObject.name=sel')).toBe(
      `LAST SEEN   TYPE      REASON         OBJECT    MESSAGE\n30s         Warning   NodeAffinity   pod/sel   ${AFFINITY}`,
    );
  });

  it('GIVEN such a pod THEN logs ask a kubelet with no container status, exec refuses a completed pod, wait finds no condition, and delete removes it at once', () => {
    const t = testApp();
    t.say('alice', selecting('sel'));
    t.advance(5_000);
    expect(t.say('alice', 'kubectl logs sel')).toBe(
      'Error from server (BadRequest): container "c" in pod "sel" is not available',
    );
    expect(t.say('alice', 'kubectl logs sel --previous')).toBe(
      'Error from server (BadRequest): container "c" in pod "sel" is not available',
    );
    expect(t.say('alice', 'kubectl exec sel -- ls')).toBe(
      'error: cannot exec into a container in a completed pod; current phase is Failed',
    );
    expect(t.say('alice', 'kubectl wait --for=jsonpath={.status.phase}=Failed pod/sel')).toBe(
      'pod/sel condition met',
    );
    // It has no conditions at all: waiting for any of them times out, whatever the value.
    for (const condition of ['PodScheduled', 'Initialized=true', 'Ready=false'])
      expect(t.say('alice', `kubectl wait --for=condition=${condition} pod/sel --timeout=2s`)).toBe(
        'error: timed out waiting for the condition on pods/sel',
      );
    expect(t.say('alice', 'kubectl delete po sel')).toBe('pod "sel" deleted from default namespace');
    expect(t.say('alice', 'kubectl get po sel')).toBe('Error from server (NotFound): pods "sel" not found');
  });

  it('GIVEN requests over the node’s allocatable THEN OutOfcpu before OutOfmemory, the numbers counting the pods already on the node', () => {
    const t = testApp();
    t.say('alice', requesting('both', 'node01', '        cpu: "3"\n        memory: 5Gi\n'));
    t.say('alice', requesting('mem', 'node02', '        memory: 5Gi\n'));
    expect(t.say('alice', 'kubectl get po')).toBe(
      'NAME   READY   STATUS        RESTARTS   AGE\nboth   0/1     OutOfcpu      0          0s\nmem    0/1     OutOfmemory   0          0s',
    );
    // `used` is what the system pods already on the node request (a coredns and a flannel pod).
    expect(t.say('alice', 'kubectl get po both -o jsonpath={.status.message}')).toBe(
      "Pod was rejected: Node didn't have enough resource: cpu, requested: 3000, used: 200, capacity: 2000",
    );
    expect(t.say('alice', 'kubectl get po mem -o jsonpath={.status.message}')).toBe(
      "Pod was rejected: Node didn't have enough resource: memory, requested: 5368709120, used: 125829120, capacity: 4001423360",
    );
  });

  it('GIVEN a rejected pod on a node THEN its requests are not counted for the next pod (it is not among the active pods)', () => {
    const t = testApp();
    t.say('alice', requesting('first', 'node01', '        cpu: "3"\n'));
    t.say('alice', requesting('second', 'node01', '        cpu: 1500m\n'));
    t.say('alice', requesting('third', 'node01', '        cpu: 400m\n'));
    t.advance(30_000);
    const listed = t.say('alice', 'kubectl get po');
    expect(listed).toMatch(/^first +0\/1 +OutOfcpu /m);
    expect(listed).toMatch(/^second +1\/1 +Running /m);
    // 200m of the system pods and second's 1500m leave 300m.
    expect(t.say('alice', 'kubectl get po third -o jsonpath={.status.message}')).toBe(
      "Pod was rejected: Node didn't have enough resource: cpu, requested: 400, used: 1700, capacity: 2000",
    );
  });

  it('GIVEN a pod that fits the node it names THEN the kubelet admits it and it runs', () => {
    const t = testApp();
    t.say('alice', 'kubectl label node node01 disk=ssd');
    t.say('alice', selecting('sel'));
    t.advance(30_000);
    expect(t.say('alice', 'kubectl get po sel')).toMatch(/^sel +1\/1 +Running /m);
  });

  it('GIVEN rejected pods WHEN mapped THEN each sits on its node, saying its kubelet refused it and why', () => {
    const view = mapFixture()
      .run(selecting('sel'), requesting('big', 'node02', '        memory: 5Gi\n'))
      .advance(10)
      .view();
    expect(view.pods.find((p) => p.name === 'sel')).toMatchObject({
      node: 'node01',
      ip: null,
      status: 'NodeAffinity',
      pending: { kind: 'rejected', node: 'node01', selector: 'disk=ssd' },
    });
    expect(view.pods.find((p) => p.name === 'big')).toMatchObject({
      node: 'node02',
      pending: { kind: 'rejectedResource', node: 'node02', resource: 'memory' },
    });
    expect(mapText(view, 'en')).toContain(
      "  pod sel  NodeAffinity  READY 0/1  IP <none>\n    container c  nginx\n    node01's kubelet refused it: no disk=ssd",
    );
    expect(mapText(view, 'ko')).toContain('node02의 kubelet이 거부함: memory 부족');
    const svg = mapSvg(view, 'en');
    expect(svg).toContain(">node01's kubelet refused it: no disk=ssd<");
    expect(svg).toContain(">node02's kubelet refused it: too little memory<");
  });
});

describe('the scheduler after a rejection', () => {
  it('GIVEN rejected pods on the emptiest node WHEN a pod is scheduled THEN they do not count against that node (its informer skips Failed pods)', () => {
    const t = testApp();
    t.say('alice', 'kubectl run first --image=nginx');
    const emptiest = t.say('alice', 'kubectl get po first -o jsonpath={.spec.nodeName}');
    t.say('alice', 'kubectl delete po first --grace-period=0 --force');
    for (const name of ['r1', 'r2', 'r3'])
      t.say('alice', manifest(name, emptiest, '  nodeSelector:\n    disk: ssd\n'));
    t.say('alice', 'kubectl run second --image=nginx');
    expect(t.say('alice', 'kubectl get po second -o jsonpath={.spec.nodeName}')).toBe(emptiest);
  });
});
