import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Door, kubectl, openDoor, realKubectls, tempFile } from './harness.ts';

/**
 * ValidatePodUpdate, one rule for both doors (src/cluster/pod-update.ts): what real kubectl 1.33
 * prints against the API door, and what chat's apply prints, for the same refused updates. The
 * diff compares the stored spec (with the token volume admission added) against the new one as
 * decoded, so a patch that keeps the volume shows no Volumes line and one that drops a mount does.
 */
const BINARY = realKubectls()[0];
if (BINARY === undefined) console.warn('pod-update.test.ts skipped: no kubectl.1.33 beside kubectl');

const UPDATABLE =
  'The Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

const WEB = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: nginx
    image: nginx:1.27
    ports:
    - containerPort: 80
`;

describe.skipIf(BINARY === undefined)('pod updates through both doors', () => {
  let door: Door;
  let config: string;
  let token: string;
  const k = (...args: string[]) => kubectl(BINARY ?? '', config, args);
  const chat = (text: string) => door.t.say('alice', text);

  beforeAll(async () => {
    door = await openDoor();
    config = door.kubeconfig('alice').path;
    chat(`kubectl apply -f -\n\`\`\`yaml\n${WEB}\`\`\``);
    token = chat('kubectl get po web -o jsonpath={.spec.volumes[0].name}');
  });
  afterAll(() => door.close());

  it('GIVEN a merge patch that replaces the containers WHEN real kubectl patches THEN the diff shows the dropped mount and the port, never the volume', async () => {
    const patched = await k(
      'patch',
      'po',
      'web',
      '--type=merge',
      '-p',
      '{"spec":{"containers":[{"name":"nginx","image":"nginx:1.27","ports":[{"containerPort":81}]}]}}',
    );
    expect(patched.code).toBe(1);
    expect(patched.stderr).toBe(`${UPDATABLE}
  core.PodSpec{
  \tVolumes:        {{Name: "${token}", VolumeSource: {Projected: &{Sources: {{ServiceAccountToken: &{ExpirationSeconds: 3607, Path: "token"}}, {ConfigMap: &{LocalObjectReference: {Name: "kube-root-ca.crt"}, Items: {{Key: "ca.crt", Path: "ca.crt"}}}}, {DownwardAPI: &{Items: {{Path: "namespace", FieldRef: &{APIVersion: "v1", FieldPath: "metadata.namespace"}}}}}}, DefaultMode: &420}}}},
  \tInitContainers: nil,
  \tContainers: []core.Container{
  \t\t{
  \t\t\t... // 3 identical fields
  \t\t\tArgs:       nil,
  \t\t\tWorkingDir: "",
  \t\t\tPorts: []core.ContainerPort{
  \t\t\t\t{
  \t\t\t\t\tName:          "",
  \t\t\t\t\tHostPort:      0,
- \t\t\t\t\tContainerPort: 80,
+ \t\t\t\t\tContainerPort: 81,
  \t\t\t\t\tProtocol:      "TCP",
  \t\t\t\t\tHostIP:        "",
  \t\t\t\t},
  \t\t\t},
  \t\t\tEnvFrom: nil,
  \t\t\tEnv:     nil,
  \t\t\t... // 1 identical field
  \t\t\tResizePolicy:  nil,
  \t\t\tRestartPolicy: nil,
- \t\t\tVolumeMounts:  []core.VolumeMount{{Name: "${token}", ReadOnly: true, MountPath: "/var/run/secrets/kubernetes.io/serviceaccount"}},
+ \t\t\tVolumeMounts:  nil,
  \t\t\tVolumeDevices: nil,
  \t\t\tLivenessProbe: nil,
  \t\t\t... // 10 identical fields
  \t\t},
  \t},
  \tEphemeralContainers: nil,
  \tRestartPolicy:       "Always",
  \t... // 29 identical fields
  }
`);
  });

  it('GIVEN a manifest that adds a nodeSelector and a new image WHEN applied by real kubectl and in chat THEN both print the one NodeSelector diff and nothing changes', async () => {
    const changed = WEB.replace('spec:\n', 'spec:\n  nodeSelector:\n    disk: ssd\n').replace('1.27', '1.28');
    const diff = `${UPDATABLE}
  core.PodSpec{
  \t... // 6 identical fields
  \tActiveDeadlineSeconds:        nil,
  \tDNSPolicy:                    "ClusterFirst",
- \tNodeSelector:                 nil,
+ \tNodeSelector:                 map[string]string{"disk": "ssd"},
  \tServiceAccountName:           "default",
  \tAutomountServiceAccountToken: nil,
  \t... // 23 identical fields
  }`;
    const real = await k('apply', '-f', tempFile('web-ssd.yaml', changed));
    expect(real.stderr).toBe(`${diff}\n`);
    expect(chat(`kubectl apply -f -\n\`\`\`yaml\n${changed}\`\`\``)).toBe(diff);
    expect(chat('kubectl get po web -o jsonpath={.spec.containers[0].image}')).toBe('nginx:1.27');
  });

  it('GIVEN patches that add a container or pad an image THEN ValidateContainerUpdates refuses them first', async () => {
    const added = await k(
      'patch',
      'po',
      'web',
      '-p',
      '{"spec":{"containers":[{"name":"side","image":"busybox"}]}}',
    );
    expect(added.stderr).toBe(
      'The Pod "web" is invalid: spec.containers: Forbidden: pod updates may not add or remove containers\n',
    );
    const padded = await k(
      'patch',
      'po',
      'web',
      '-p',
      '{"spec":{"containers":[{"name":"nginx","image":" nginx"}]}}',
    );
    expect(padded.stderr).toBe(
      'The Pod "web" is invalid: spec.containers[0].image: Invalid value: " nginx": must not have leading or trailing whitespace\n',
    );
  });

  it('GIVEN activeDeadlineSeconds THEN it may be set and lowered, never raised', async () => {
    expect((await k('patch', 'po', 'web', '-p', '{"spec":{"activeDeadlineSeconds":200}}')).stdout).toBe(
      'pod/web patched\n',
    );
    expect((await k('patch', 'po', 'web', '-p', '{"spec":{"activeDeadlineSeconds":100}}')).stdout).toBe(
      'pod/web patched\n',
    );
    const raised = await k('patch', 'po', 'web', '-p', '{"spec":{"activeDeadlineSeconds":300}}');
    expect(raised.stderr).toBe(
      'The Pod "web" is invalid: spec.activeDeadlineSeconds: Invalid value: 300: must be less than or equal to previous value\n',
    );
    expect(chat('kubectl get po web -o jsonpath={.spec.activeDeadlineSeconds}')).toBe('100');
  });

  it('GIVEN tolerations THEN they may only be added; admission puts the default two back on update', async () => {
    chat('kubectl run tolerant --image=nginx');
    const add =
      '[{"op":"add","path":"/spec/tolerations/-","value":{"key":"x","operator":"Exists","effect":"NoSchedule"}}]';
    expect((await k('patch', 'po', 'tolerant', '--type=json', '-p', add)).stdout).toBe(
      'pod/tolerant patched\n',
    );
    const swapped = await k(
      'patch',
      'po',
      'tolerant',
      '-p',
      '{"spec":{"tolerations":[{"key":"y","operator":"Exists"}]}}',
    );
    expect(swapped.stderr).toBe(
      'The Pod "tolerant" is invalid: spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds\n',
    );
    // Only its own toleration: DefaultTolerationSeconds adds the two it drops, so nothing is removed.
    const own = '{"spec":{"tolerations":[{"key":"x","operator":"Exists","effect":"NoSchedule"}]}}';
    expect((await k('patch', 'po', 'tolerant', '-p', own)).stdout).toBe('pod/tolerant patched\n');
    expect(chat('kubectl get po tolerant -o jsonpath={.spec.tolerations[*].key}')).toBe(
      'x node.kubernetes.io/not-ready node.kubernetes.io/unreachable',
    );
    expect(chat('kubectl get po tolerant -o jsonpath={.metadata.generation}')).toBe('3');
  });

  it('GIVEN a deadline WHEN it is removed or made negative THEN ValidatePodUpdate says why', async () => {
    const unset = await k(
      'patch',
      'po',
      'web',
      '--type=merge',
      '-p',
      '{"spec":{"activeDeadlineSeconds":null}}',
    );
    expect(unset.stderr).toBe(
      'The Pod "web" is invalid: spec.activeDeadlineSeconds: Invalid value: "null": must not update from a positive integer to nil value\n',
    );
    const negative = await k(
      'patch',
      'po',
      'web',
      '--type=merge',
      '-p',
      '{"spec":{"activeDeadlineSeconds":-1}}',
    );
    expect(negative.stderr).toBe(
      'The Pod "web" is invalid: spec.activeDeadlineSeconds: Invalid value: -1: must be between 0 and 2147483647, inclusive\n',
    );
  });

  it('GIVEN quantities written as numbers and only limits THEN a second apply compares them as the server stores them', async () => {
    const manifest = `apiVersion: v1
kind: Pod
metadata:
  name: sized
spec:
  containers:
  - name: c
    image: nginx
    resources:
      limits:
        cpu: 1
        memory: 128Mi
      requests:
        cpu: 0.5
`;
    expect(chat(`kubectl apply -f -\n\`\`\`yaml\n${manifest}\`\`\``)).toBe('pod/sized created');
    // kubectl's patch carries cpu: 1 again (the live object says "1"): sent, so "configured"; nothing changes.
    const before = chat('kubectl get po sized -o jsonpath={.metadata.resourceVersion}');
    expect((await k('apply', '-f', tempFile('sized.yaml', manifest))).stdout).toBe('pod/sized configured\n');
    expect(chat(`kubectl apply -f -\n\`\`\`yaml\n${manifest}\`\`\``)).toBe('pod/sized configured');
    expect(chat('kubectl get po sized -o jsonpath={.metadata.resourceVersion}')).toBe(before);
  });

  it('GIVEN a pod made from a plain manifest WHEN real kubectl and chat replace it with that manifest THEN both print the same refusal; --force deletes and creates it again', async () => {
    const plain = WEB.replaceAll('web', 'plain');
    expect(chat(`kubectl create -f -\n\`\`\`yaml\n${plain}\`\`\``)).toBe('pod/plain created');
    const path = tempFile('plain.yaml', plain);
    const real = await k('replace', '-f', path);
    expect(real.code).toBe(1);
    expect(real.stderr).toContain('- \tNodeName:');
    expect(real.stderr).toContain('+ \tVolumes:        nil,');
    expect(real.stderr).toBe(`${chat(`kubectl replace -f -\n\`\`\`yaml\n${plain}\`\`\``)}\n`);
    const uid = chat('kubectl get po plain -o jsonpath={.metadata.uid}');
    const forced = await k('replace', '--force', '-f', path);
    // kubectl 1.33's deletion line; chat prints v1.34's (`deleted from default namespace`).
    expect([forced.code, forced.stdout]).toEqual([0, 'pod "plain" deleted\npod/plain replaced\n']);
    expect(chat('kubectl get po plain -o jsonpath={.metadata.uid}')).not.toBe(uid);
  });
});
