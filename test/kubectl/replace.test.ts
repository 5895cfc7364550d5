import { describe, expect, it } from 'vitest';
import { verbSandbox } from './verb-sandbox.ts';

/**
 * `kubectl replace` in chat. Every expected text is what kubectl 1.33 printed for the same
 * command against Podium's API door (/work/tools/orc.py, one sandbox), whose PUT is the same
 * src/cluster update (object-patch.ts updateObject), except the deletion line of `--force`, which
 * is kubectl v1.34's (`deleted from default namespace`), as chat's `kubectl delete` prints it.
 */
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
`;

/** A sandbox with pod web made from WEB, and the manifests saved as `/file save` saves them. */
function webSandbox(files: Record<string, string> = {}) {
  const box = verbSandbox();
  box.cluster = {
    ...box.cluster,
    files: Object.entries({ 'web.yaml': WEB, ...files }).map(([name, content]) => ({ name, content })),
  };
  expect(box.kubectl('create -f web.yaml').text).toBe('pod/web created');
  const web = () => box.cluster.pods.find((p) => p.metadata.name === 'web');
  return { box, web };
}

/** The pod as `get -o yaml` prints it, edited: what a member pastes back to replace. */
function edited(box: ReturnType<typeof verbSandbox>, edit: (yaml: string) => string): string {
  const yaml = box.kubectl('get po web -o yaml').text;
  const out = edit(yaml);
  expect(out).not.toBe(yaml);
  return out;
}

describe('kubectl replace: PUT of the whole object', () => {
  it('GIVEN a pod made from a plain manifest WHEN the same manifest is replaced THEN the server refuses what it filled in on create, and nothing changes', () => {
    const { box, web } = webSandbox();
    const before = web();
    const token = box.kubectl('get po web -o jsonpath={.spec.volumes[0].name}').text;
    const node = before?.spec.nodeName ?? '';
    const run = box.kubectl('replace -f web.yaml');
    expect(run.ok).toBe(false);
    expect(run.text).toBe(`${UPDATABLE}
  core.PodSpec{
- \tVolumes:        []core.Volume{{Name: "${token}", VolumeSource: core.VolumeSource{Projected: &core.ProjectedVolumeSource{Sources: []core.VolumeProjection{{ServiceAccountToken: &core.ServiceAccountTokenProjection{ExpirationSeconds: 3607, Path: "token"}}, {ConfigMap: &core.ConfigMapProjection{LocalObjectReference: core.LocalObjectReference{Name: "kube-root-ca.crt"}, Items: []core.KeyToPath{{Key: "ca.crt", Path: "ca.crt"}}}}, {DownwardAPI: &core.DownwardAPIProjection{Items: []core.DownwardAPIVolumeFile{{Path: "namespace", FieldRef: &core.ObjectFieldSelector{APIVersion: "v1", FieldPath: "metadata.namespace"}}}}}}, DefaultMode: &420}}}},
+ \tVolumes:        nil,
  \tInitContainers: nil,
  \tContainers: []core.Container{
  \t\t{
  \t\t\t... // 9 identical fields
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
  \t... // 2 identical fields
  \tDNSPolicy:                    "ClusterFirst",
  \tNodeSelector:                 nil,
- \tServiceAccountName:           "default",
+ \tServiceAccountName:           "",
  \tAutomountServiceAccountToken: nil,
- \tNodeName:                     "${node}",
+ \tNodeName:                     "",
  \tSecurityContext:              &{},
  \tImagePullSecrets:             nil,
  \t... // 20 identical fields
  }`);
    expect(web()).toEqual(before);
  });

  it('GIVEN the pod as get -o yaml prints it, with a new image and a label WHEN replaced THEN both are stored, without a resourceVersion it is unconditional', () => {
    const { box, web } = webSandbox();
    const full = edited(box, (yaml) =>
      yaml
        .replace('image: nginx:1.27', 'image: nginx:1.28')
        .replace('  name: web\n', '  labels:\n    tier: front\n  name: web\n')
        .replace(/ {2}resourceVersion: "\d+"\n/, ''),
    );
    box.cluster = { ...box.cluster, files: [...box.cluster.files, { name: 'full.yaml', content: full }] };
    const version = web()?.metadata.resourceVersion;
    expect(box.kubectl('replace -f full.yaml')).toEqual({ text: 'pod/web replaced', ok: true });
    expect(web()?.spec.containers[0]?.image).toBe('nginx:1.28');
    expect(web()?.metadata.labels).toEqual({ tier: 'front' });
    expect(web()?.metadata.resourceVersion).not.toBe(version);
  });

  it('GIVEN a manifest naming an old resourceVersion THEN 409 Conflict; a missing pod is NotFound, named with its file', () => {
    const stale = WEB.replace('name: web\n', 'name: web\n  resourceVersion: "3"\n');
    const { box } = webSandbox({
      'stale.yaml': stale,
      'other.yaml': WEB.replace('name: web', 'name: other'),
    });
    expect(box.kubectl('replace -f stale.yaml').text).toBe(
      'Error from server (Conflict): error when replacing "stale.yaml": Operation cannot be fulfilled on pods "web": the object has been modified; please apply your changes to the latest version and try again',
    );
    expect(box.kubectl('replace -f other.yaml').text).toBe(
      'Error from server (NotFound): error when replacing "other.yaml": pods "other" not found',
    );
    expect(box.kubectl('replace -f web.yaml -n kube-system').text).toBe(
      'Error from server (NotFound): error when replacing "web.yaml": pods "web" not found',
    );
  });

  it('GIVEN the pod with an unknown field THEN strict decoding refuses it, --validate=warn warns and replaces', () => {
    const { box } = webSandbox();
    const unknown = edited(box, (yaml) =>
      yaml.replace('  dnsPolicy: ClusterFirst\n', '  dnsPolicy: ClusterFirst\n  foo: bar\n'),
    );
    box.cluster = { ...box.cluster, files: [...box.cluster.files, { name: 'unk.yaml', content: unknown }] };
    expect(box.kubectl('replace -f unk.yaml').text).toBe(
      'Error from server (BadRequest): error when replacing "unk.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.foo"',
    );
    expect(box.kubectl('replace --validate=warn -f unk.yaml').text).toBe(
      'Warning: unknown field "spec.foo"\npod/web replaced',
    );
  });

  it("GIVEN a manifest the pod's own validation refuses THEN a missing pod is NotFound first, an existing one Invalid", () => {
    const sometimes = (name: string) =>
      WEB.replace('name: web', `name: ${name}`).replace('spec:\n', 'spec:\n  restartPolicy: Sometimes\n');
    const { box } = webSandbox({ 'ghost.yaml': sometimes('ghost'), 'bad.yaml': sometimes('web') });
    expect(box.kubectl('replace -f ghost.yaml').text).toBe(
      'Error from server (NotFound): error when replacing "ghost.yaml": pods "ghost" not found',
    );
    expect(box.kubectl('replace -f bad.yaml').text).toBe(
      'The Pod "web" is invalid: spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    );
  });

  it('GIVEN --dry-run=client THEN the manifest as kubectl would send it, whether or not the pod exists', () => {
    const { box } = webSandbox({ 'other.yaml': WEB.replace('name: web', 'name: other') });
    expect(box.kubectl('replace --dry-run=client -f other.yaml').text).toBe('pod/other replaced (dry run)');
    expect(box.kubectl('replace --dry-run=client -f web.yaml -o json').text).toBe(`{
    "apiVersion": "v1",
    "kind": "Pod",
    "metadata": {
        "name": "web",
        "namespace": "default"
    },
    "spec": {
        "containers": [
            {
                "image": "nginx:1.27",
                "name": "nginx"
            }
        ]
    }
}`);
  });

  it('GIVEN --subresource=status THEN the stored pod answers, unchanged; another subresource is no path', () => {
    const { box, web } = webSandbox();
    const before = web();
    expect(box.kubectl('replace --subresource=status -f web.yaml').text).toBe('pod/web replaced');
    expect(web()).toEqual(before);
    expect(box.kubectl('replace --subresource=scale -f web.yaml').text).toBe(
      'Error from server (NotFound): error when replacing "web.yaml": the server could not find the requested resource',
    );
  });
  it('GIVEN a namespace WHEN replaced with a manifest that has other labels THEN they replace its own, and the strategy keeps kubernetes.io/metadata.name', () => {
    const ns = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n';
    const { box } = webSandbox({
      'ns.yaml': ns,
      'ns2.yaml': ns.replace('name: team\n', 'name: team\n  labels:\n    a: b\n'),
    });
    expect(box.kubectl('create -f ns.yaml').text).toBe('namespace/team created');
    expect(box.kubectl('replace -f ns2.yaml').text).toBe('namespace/team replaced');
    expect(box.cluster.namespaces.find((n) => n.metadata.name === 'team')?.metadata.labels).toEqual({
      a: 'b',
      'kubernetes.io/metadata.name': 'team',
    });
  });
});

describe('kubectl replace --force: delete, wait until gone, create', () => {
  it('GIVEN a pod WHEN a manifest with a port is force-replaced THEN it is deleted, the clock waits for it, and a new pod has the port', () => {
    const withPort = WEB.replace('name: nginx\n', 'name: nginx\n    ports:\n    - containerPort: 80\n');
    const { box, web } = webSandbox({ 'port.yaml': withPort });
    box.advance(60_000);
    const uid = web()?.metadata.uid;
    const now = box.cluster.now;
    expect(box.kubectl('replace --force -f port.yaml')).toEqual({
      text: 'pod "web" deleted from default namespace\npod/web replaced',
      ok: true,
    });
    expect(web()?.metadata.uid).not.toBe(uid);
    expect(web()?.spec.containers[0]?.ports).toEqual([{ containerPort: 80, protocol: 'TCP' }]);
    expect(box.cluster.now).toBeGreaterThan(now);
  });

  it("GIVEN a pod whose process ignores SIGTERM WHEN --timeout is shorter than its grace period THEN the deletion line, the poll's error, and it stays Terminating", () => {
    const slow = `apiVersion: v1
kind: Pod
metadata:
  name: slow
spec:
  terminationGracePeriodSeconds: 8
  containers:
  - name: kubia
    image: luksa/kubia
`;
    const { box } = webSandbox({ 'slow.yaml': slow });
    expect(box.kubectl('create -f slow.yaml').text).toBe('pod/slow created');
    box.advance(60_000);
    const uid = box.cluster.pods.find((p) => p.metadata.name === 'slow')?.metadata.uid;
    expect(box.kubectl('replace --force --timeout=2s -f slow.yaml')).toEqual({
      text: 'pod "slow" deleted from default namespace\nerror: context deadline exceeded',
      ok: false,
    });
    const left = box.cluster.pods.find((p) => p.metadata.name === 'slow');
    expect([left?.metadata.uid, left?.sim.deletion === undefined]).toEqual([uid, false]);
    box.advance(60_000);
    expect(box.kubectl('create -f slow.yaml').text).toBe('pod/slow created');
    box.advance(60_000);
    // With --wait, DeleteResult waits itself, and its timeout names the object.
    expect(box.kubectl('replace --force --wait --timeout=2s -f slow.yaml').text).toBe(
      'pod "slow" deleted from default namespace\nerror: timed out waiting for the condition on pods/slow',
    );
    box.advance(60_000);
    expect(box.kubectl('create -f slow.yaml').text).toBe('pod/slow created');
    box.advance(60_000);
    expect(box.kubectl('replace --force -f slow.yaml').text).toBe(
      'pod "slow" deleted from default namespace\npod/slow replaced',
    );
    // One already Terminating is deleted again (its end stays), waited for, and made anew.
    box.advance(60_000);
    box.kubectl('delete po slow --wait=false');
    box.advance(1_000);
    expect(box.kubectl('replace --force -f slow.yaml').text).toBe(
      'pod "slow" deleted from default namespace\npod/slow replaced',
    );
    expect(box.cluster.pods.find((p) => p.metadata.name === 'slow')?.sim.deletion).toBeUndefined();
  });

  it('GIVEN -o name, or a missing pod THEN kubectl says only what it did', () => {
    const { box } = webSandbox({ 'other.yaml': WEB.replace('name: web', 'name: other') });
    expect(box.kubectl('replace --force -f web.yaml -o name').text).toBe('pod/web\npod/web');
    // A printed format replaces the success lines, not what was said of the deletion.
    expect(box.kubectl('replace --force -f web.yaml -o jsonpath={.metadata.name}').text).toBe(
      'pod "web" deleted from default namespace\nweb',
    );
    expect(box.kubectl('replace --force -f other.yaml').text).toBe('pod/other replaced');
  });

  it('GIVEN a file with no objects THEN "No resources found" and the error; a nameless object is refused before anything is deleted', () => {
    const { box, web } = webSandbox({
      'empty.yaml': '# nothing\n',
      'noname.yaml': WEB.replace('  name: web\n', '  labels:\n    a: b\n'),
    });
    expect(box.kubectl('replace -f empty.yaml')).toEqual({ text: '', ok: true });
    expect(box.kubectl('replace --force -f empty.yaml').text).toBe(
      'No resources found\nerror: no objects passed to replace',
    );
    const before = web();
    expect(box.kubectl('replace --force -f noname.yaml').text).toBe(
      'error: error when deleting "noname.yaml": resource name may not be empty',
    );
    expect(box.kubectl('replace -f noname.yaml').text).toBe(
      'error: error when replacing "noname.yaml": resource name may not be empty',
    );
    expect(web()).toEqual(before);
  });
});

describe("kubectl replace: the client's checks, in replace.go's order", () => {
  it.each([
    ['replace', 'error: must specify one of -f and -k'],
    ['replace --grace-period=0 -f web.yaml', 'error: --grace-period must have --force specified'],
    ['replace --timeout=5s -f web.yaml', 'error: --timeout must have --force specified'],
    [
      'replace --force --grace-period=0 --dry-run=server -f web.yaml',
      'error: --dry-run can not be used when --force is set',
    ],
    ['replace --now -f web.yaml', "error: unknown flag: --now\nSee 'kubectl replace --help' for usage."],
    [
      'replace --timeout=xx -f web.yaml',
      'error: invalid argument "xx" for "--timeout" flag: time: invalid duration "xx"\nSee \'kubectl replace --help\' for usage.',
    ],
    [
      'replace --cascade=false --validate=foo -f web.yaml',
      'error: invalid - validate option "foo"; must be one of: strict (or true), warn, ignore (or false)',
    ],
    [
      'replace --cascade=false --grace-period=3 -f web.yaml',
      'warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.\nerror: --grace-period must have --force specified',
    ],
    [
      'replace -o wide --cascade=foo -f web.yaml',
      'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml',
    ],
    ['replace -f missing.yaml', 'error: the path "missing.yaml" does not exist'],
    [
      'replace -f web.yaml -n ../x',
      'error: error when replacing "web.yaml": invalid namespace "../x": [may not contain \'/\']',
    ],
    [
      'replace --force -f web.yaml -n a%b',
      'error: error when deleting "web.yaml": invalid namespace "a%b": [may not contain \'%\']',
    ],
  ])('%s', (line, expected) => {
    const { box, web } = webSandbox();
    const before = web();
    const run = box.kubectl(line);
    expect(run).toEqual({ text: expected, ok: false });
    expect(web()).toEqual(before);
  });
});
