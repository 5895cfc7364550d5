import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';

/**
 * `kubectl run` against the real kubectl v1.32 as an oracle (a discovery stub behind a kubeconfig,
 * since run needs the REST mapping even for `--dry-run=client`): every expected text below is what
 * the real binary printed for the same command line.
 */
const ORACLE: [string, string][] = [
  [
    'run x --image=busybox --env=A=B --env=C=D --labels=a=b,c=d --dry-run=client -o yaml --command -- sleep 3600',
    `apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    a: b
    c: d
  name: x
spec:
  containers:
  - command:
    - sleep
    - "3600"
    env:
    - name: A
      value: B
    - name: C
      value: D
    image: busybox
    name: x
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}`,
  ],
  [
    'run x --image=busybox --restart=Never --image-pull-policy=IfNotPresent -n foo --dry-run=client -o yaml',
    `apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    run: x
  name: x
  namespace: foo
spec:
  containers:
  - image: busybox
    imagePullPolicy: IfNotPresent
    name: x
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Never
status: {}`,
  ],
  [
    // A typed corev1.Pod: JSON keeps Go's field order (kind first), and --env is a StringArray.
    `run x --image=busybox --port=80 --env="A=1,2" --annotations=z=1 --image-pull-policy=Never --dry-run=client -o json -- sleep 1`,
    `{
    "kind": "Pod",
    "apiVersion": "v1",
    "metadata": {
        "name": "x",
        "creationTimestamp": null,
        "labels": {
            "run": "x"
        },
        "annotations": {
            "z": "1"
        }
    },
    "spec": {
        "containers": [
            {
                "name": "x",
                "image": "busybox",
                "args": [
                    "sleep",
                    "1"
                ],
                "ports": [
                    {
                        "containerPort": 80
                    }
                ],
                "env": [
                    {
                        "name": "A",
                        "value": "1,2"
                    }
                ],
                "resources": {},
                "imagePullPolicy": "Never"
            }
        ],
        "restartPolicy": "Always",
        "dnsPolicy": "ClusterFirst"
    },
    "status": {}
}`,
  ],
  [
    // kubectl 1.33: --privileged sets the container's securityContext, after resources in YAML...
    'run p --image=nginx --privileged --dry-run=client -o yaml',
    `apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    run: p
  name: p
spec:
  containers:
  - image: nginx
    name: p
    resources: {}
    securityContext:
      privileged: true
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}`,
  ],
  [
    // ...and last in the container's Go struct order in JSON, after imagePullPolicy.
    'run p --image=nginx --privileged --image-pull-policy=Never --dry-run=client -o json',
    `{
    "kind": "Pod",
    "apiVersion": "v1",
    "metadata": {
        "name": "p",
        "creationTimestamp": null,
        "labels": {
            "run": "p"
        }
    },
    "spec": {
        "containers": [
            {
                "name": "p",
                "image": "nginx",
                "resources": {},
                "imagePullPolicy": "Never",
                "securityContext": {
                    "privileged": true
                }
            }
        ],
        "restartPolicy": "Always",
        "dnsPolicy": "ClusterFirst"
    },
    "status": {}
}`,
  ],
  // --privileged=false leaves securityContext out altogether.
  [
    'run p --image=nginx --privileged=false --dry-run=client -o jsonpath={.spec.containers[0]}',
    '{"image":"nginx","name":"p","resources":{}}',
  ],
  [
    'run p --image=nginx --privileged=maybe',
    `error: invalid argument "maybe" for "--privileged" flag: strconv.ParseBool: parsing "maybe": invalid syntax
See 'kubectl run --help' for usage.`,
  ],
  [
    // --expose: the Service is printed first, then run's own `---` and the YAML printer's, then the Pod.
    'run p --image=nginx --expose --port=80 --dry-run=client -o yaml',
    `apiVersion: v1
kind: Service
metadata:
  creationTimestamp: null
  name: p
spec:
  ports:
  - port: 80
    protocol: TCP
    targetPort: 80
  selector:
    run: p
status:
  loadBalancer: {}
---
---
apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    run: p
  name: p
spec:
  containers:
  - image: nginx
    name: p
    ports:
    - containerPort: 80
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}`,
  ],
  [
    // Only the --labels given label the Service; they are its selector too. -n sets both namespaces.
    'run p --image=nginx --expose --port=8080 --labels=app=x,tier=y -n foo --dry-run=client -o json',
    `{
    "kind": "Service",
    "apiVersion": "v1",
    "metadata": {
        "name": "p",
        "namespace": "foo",
        "creationTimestamp": null,
        "labels": {
            "app": "x",
            "tier": "y"
        }
    },
    "spec": {
        "ports": [
            {
                "protocol": "TCP",
                "port": 8080,
                "targetPort": 8080
            }
        ],
        "selector": {
            "app": "x",
            "tier": "y"
        }
    },
    "status": {
        "loadBalancer": {}
    }
}
{
    "kind": "Pod",
    "apiVersion": "v1",
    "metadata": {
        "name": "p",
        "namespace": "foo",
        "creationTimestamp": null,
        "labels": {
            "app": "x",
            "tier": "y"
        }
    },
    "spec": {
        "containers": [
            {
                "name": "p",
                "image": "nginx",
                "ports": [
                    {
                        "containerPort": 8080
                    }
                ],
                "resources": {}
            }
        ],
        "restartPolicy": "Always",
        "dnsPolicy": "ClusterFirst"
    },
    "status": {}
}`,
  ],
  [
    'run p --image=nginx --expose --port=80 --dry-run=client',
    'service/p created (dry run)\npod/p created (dry run)',
  ],
  ['run p --image=nginx --expose --port=80 --dry-run=client -o name', 'service/p\npod/p'],
  ['run p --image=nginx --expose=false --port=80 --dry-run=client -o name', 'pod/p'],
  // One printer for both objects: a template's outputs run together.
  ['run p --image=nginx --expose --port=80 --dry-run=client -o go-template={{.kind}}', 'ServicePod'],
  // Go's int32(port), in both objects.
  [
    'run p --image=nginx --expose --port=4294967376 --dry-run=client -o jsonpath={.spec.ports[0].targetPort}{.spec.containers[0].ports[0].containerPort}',
    '8080',
  ],
  [
    'run p --image=nginx --port=99999999999999999999 --dry-run=client',
    'error: strconv.Atoi: parsing "99999999999999999999": value out of range',
  ],
  [
    'run p --image=nginx --expose --restart=bad',
    "error: --port must be set when exposing a service\nSee 'kubectl run -h' for help and examples",
  ],
  [
    'run p --image=nginx --expose --port= --dry-run=client',
    "error: --port must be set when exposing a service\nSee 'kubectl run -h' for help and examples",
  ],
  [
    'run p --image=nginx --expose -t',
    "error: -i/--stdin is required for containers with -t/--tty=true\nSee 'kubectl run -h' for help and examples",
  ],
  ['run p --image=nginx --expose --port=abc', 'error: strconv.Atoi: parsing "abc": invalid syntax'],
  ['run p --image=nginx --labels==x --dry-run=client', 'error: unexpected empty label key'],
  [
    // pflag names a flag that has a shorthand with both in its errors.
    'run p --image=nginx --stdin=maybe',
    `error: invalid argument "maybe" for "-i, --stdin" flag: strconv.ParseBool: parsing "maybe": invalid syntax
See 'kubectl run --help' for usage.`,
  ],
  [
    // -i without attaching: the container keeps stdin open (once, unless --leave-stdin-open).
    'run x --image=busybox -i --attach=false --leave-stdin-open -t --dry-run=client -o yaml',
    `apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    run: x
  name: x
spec:
  containers:
  - image: busybox
    name: x
    resources: {}
    stdin: true
    tty: true
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}`,
  ],
  [
    'run x --image=busybox -i --attach=false --dry-run=client -o jsonpath={.spec.containers[0]}',
    '{"image":"busybox","name":"x","resources":{},"stdin":true,"stdinOnce":true}',
  ],
  // The generator reads --restart itself: empty is Always, even with -i.
  [
    'run x --image=busybox -i --attach=false --restart= --dry-run=client -o jsonpath={.spec.restartPolicy}',
    'Always',
  ],
  [
    'run x --image=busybox -i --dry-run=client --restart=bad',
    "error: invalid restart policy: bad\nSee 'kubectl run -h' for help and examples",
  ],
  // Flags for --rm's delete and a few others kubectl 1.33 accepts and has no use for here.
  [
    'run x --image=busybox -q -f x.yaml -k dir -R --force --grace-period=5 --wait --timeout=5s --field-manager=me --pod-running-timeout=5s --cascade --dry-run=client',
    'pod/x created (dry run)',
  ],
  [
    'run x --image=busybox --quiet=maybe',
    `error: invalid argument "maybe" for "-q, --quiet" flag: strconv.ParseBool: parsing "maybe": invalid syntax
See 'kubectl run --help' for usage.`,
  ],
  [
    'run x --image=Bad --cascade=bad --dry-run=client',
    'error: invalid cascade value (bad). Must be "background", "foreground", or "orphan"',
  ],
  [
    'run x --image=busybox --cascade=false --dry-run=client',
    'warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.\npod/x created (dry run)',
  ],
  [
    'run x --image=Bad --pod-running-timeout=0',
    "error: --pod-running-timeout must be higher than zero\nSee 'kubectl run -h' for help and examples",
  ],
  [
    'run --image=Bad --pod-running-timeout=0',
    "error: NAME is required for run\nSee 'kubectl run -h' for help and examples",
  ],
  [
    'run x --pod-running-timeout=x',
    `error: invalid argument "x" for "--pod-running-timeout" flag: time: invalid duration "x"
See 'kubectl run --help' for usage.`,
  ],
  [
    'run x --image=busybox --timeout=5',
    `error: invalid argument "5" for "--timeout" flag: time: missing unit in duration "5"
See 'kubectl run --help' for usage.`,
  ],
  [
    'run x --image=busybox --grace-period=x',
    `error: invalid argument "x" for "--grace-period" flag: strconv.ParseInt: parsing "x": invalid syntax
See 'kubectl run --help' for usage.`,
  ],
  // --save-config: the Pod as sent, in Go's field order, kept for a later apply (not under --dry-run=client).
  [
    'run x --image=busybox --save-config --annotations=a=b --dry-run=server -o jsonpath={.metadata.annotations}',
    '{"a":"b","kubectl.kubernetes.io/last-applied-configuration":"{\\"kind\\":\\"Pod\\",\\"apiVersion\\":\\"v1\\",\\"metadata\\":{\\"name\\":\\"x\\",\\"creationTimestamp\\":null,\\"labels\\":{\\"run\\":\\"x\\"},\\"annotations\\":{\\"a\\":\\"b\\"}},\\"spec\\":{\\"containers\\":[{\\"name\\":\\"x\\",\\"image\\":\\"busybox\\",\\"resources\\":{}}],\\"restartPolicy\\":\\"Always\\",\\"dnsPolicy\\":\\"ClusterFirst\\"},\\"status\\":{}}\\n"}',
  ],
  ['run x --image=busybox --save-config --dry-run=client -o jsonpath={.metadata.annotations}', ''],
  // --template: alone it means -o go-template; it fills a template format given without one.
  ['run x --image=busybox --template={{.kind}} --dry-run=client', 'Pod'],
  ['run x --image=busybox -o jsonpath --template={.kind} --dry-run=client', 'Pod'],
  ['run x --image=busybox -o name --template={.kind} --dry-run=client', 'pod/x'],
  [
    'run x --image=busybox -o jsonpath={.kind} --template={.kind} --dry-run=client',
    'error: unable to match a printer suitable for the output format "jsonpath={.kind}", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml',
  ],
  // --env names are checked with apimachinery's IsEnvVarName; an empty value is left out (omitempty).
  ['run x --image=nginx --env=1A=b --dry-run=client', 'error: invalid env: 1A=b'],
  ['run x --image=nginx --env=..A=b --dry-run=client', 'error: invalid env: ..A=b'],
  [
    'run x --image=nginx --env=.a=b --env=B= --dry-run=client -o jsonpath={.spec.containers[0].env}',
    '[{"name":".a","value":"b"},{"name":"B"}]',
  ],
  // Client-side dry run sends nothing, so the server's checks (port range) do not apply.
  ['run x --image=busybox --port=0 --dry-run=client -o name', 'pod/x'],
  ['run', 'error: required flag(s) "image" not set'],
  ['run x --image=', 'error: --image is required'],
  ['run x --image=Busybox', 'error: Invalid image name "Busybox": invalid reference format'],
  [
    'run x --image=b --dry-run=bogus -o foo',
    'error: Invalid dry-run value (bogus). Must be "none", "server", or "client".',
  ],
  [
    'run x --image=b -o foo',
    'error: unable to match a printer suitable for the output format "foo", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml',
  ],
  ['run x --image=B -t', 'error: Invalid image name "B": invalid reference format'],
  [
    'run x --image=b -t',
    "error: -i/--stdin is required for containers with -t/--tty=true\nSee 'kubectl run -h' for help and examples",
  ],
  [
    'run x --image=b -it --dry-run=client',
    "error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)\nSee 'kubectl run -h' for help and examples",
  ],
  [
    'run x --image=b --rm --restart=bad',
    "error: invalid restart policy: bad\nSee 'kubectl run -h' for help and examples",
  ],
  [
    'run x --image=b --rm --image-pull-policy=bad',
    "error: --rm should only be used for attached containers\nSee 'kubectl run -h' for help and examples",
  ],
  [
    'run x --image=b --image-pull-policy=bad --env==B',
    "error: invalid image pull policy: bad\nSee 'kubectl run -h' for help and examples",
  ],
  ['run x --image=b --env==B --annotations=x', 'error: invalid env: =B'],
  ['run x --image=b --annotations=x -l "a b"', 'error: invalid annotations format: x'],
  ['run x --image=b --port=x -l "a b"', 'error: unexpected label spec: a b'],
];

describe('kubectl run: byte for byte what the real kubectl prints', () => {
  for (const [command, expected] of ORACLE) {
    it(`GIVEN an empty sandbox WHEN kubectl ${command} THEN it prints what kubectl prints`, () => {
      expect(testApp().say('alice', `kubectl ${command}`)).toBe(expected);
    });
  }

  it('GIVEN a pod kubia WHEN run kubia --dry-run=client -o yaml THEN the object prints (nothing asks the server)', () => {
    const t = testApp();
    t.say('alice', 'kubectl run kubia --image=luksa/kubia');
    expect(t.say('alice', 'kubectl run kubia --image=luksa/kubia --dry-run=client -o yaml')).toContain(
      'name: kubia',
    );
  });

  it('GIVEN --privileged WHEN the pod is created, or dry-run on the server THEN the server keeps the container securityContext', () => {
    const t = testApp();
    expect(t.say('alice', 'kubectl run p --image=nginx --privileged --dry-run=server -o yaml')).toContain(
      '    resources: {}\n    securityContext:\n      privileged: true\n    terminationMessagePath: /dev/termination-log\n',
    );
    expect(t.say('alice', 'kubectl get po')).toBe('No resources found in default namespace.');
    expect(t.say('alice', 'kubectl run p --image=nginx --privileged')).toBe('pod/p created');
    expect(t.say('alice', 'kubectl get po p -o jsonpath={.spec.containers[0].securityContext}')).toBe(
      '{"privileged":true}',
    );
    expect(t.say('alice', 'kubectl get po p -o yaml')).toContain(
      '    resources: {}\n    securityContext:\n      privileged: true\n',
    );
  });

  it('GIVEN --expose WHEN run for real or on the server THEN the pod is made, then the Service is refused as any member Service is', () => {
    const t = testApp();
    const refused =
      'Error from server (Forbidden): services "web" is forbidden: members of this sandbox create pods and namespaces only';
    const reply = t.send('alice', 'kubectl run web --image=nginx --expose --port=80');
    expect(reply.ok).toBe(false);
    expect(t.say('alice', 'kubectl get po -o name')).toBe('pod/web');
    expect(t.say('alice', 'kubectl get svc -o name')).toBe('service/kubernetes');
    t.say('alice', 'kubectl delete po web --now');
    expect(t.say('alice', 'kubectl run web --image=nginx --expose --port=80')).toBe(
      `pod/web created\n${refused}`,
    );
    expect(t.say('alice', 'kubectl run x --image=nginx --expose --port=80 --dry-run=server -o name')).toBe(
      `pod/x\n${refused.replaceAll('web', 'x')}`,
    );
    expect(t.say('alice', 'kubectl get po -o name')).toBe('pod/web');
    // A pod the server refuses ends the command before any Service is asked for.
    expect(t.say('alice', 'kubectl run web --image=nginx --expose --port=80')).toBe(
      'Error from server (AlreadyExists): pods "web" already exists',
    );
  });

  it('GIVEN -o json WHEN the pod is created THEN it prints in Go field order, as run decodes the answer into its typed Pod', () => {
    const t = testApp();
    const printed = t.say('alice', 'kubectl run x --image=nginx --labels=b=1,a=2 -o json');
    expect(printed).toMatch(
      /^\{\n {4}"kind": "Pod",\n {4}"apiVersion": "v1",\n {4}"metadata": \{\n {8}"name": "x",\n {8}"namespace": "default",\n {8}"uid": /,
    );
    expect(printed).toContain(
      '"labels": {\n            "a": "2",\n            "b": "1"\n        }\n    },\n    "spec": {\n        "volumes": [',
    );
    expect(printed).toContain(
      '"restartPolicy": "Always",\n        "terminationGracePeriodSeconds": 30,\n        "dnsPolicy": "ClusterFirst",\n        "serviceAccountName": "default",',
    );
    expect(printed).toContain('"status": {\n        "observedGeneration": 1,\n        "phase": "Pending",');
  });

  it('GIVEN --image-pull-policy=Never WHEN the pod is created THEN the server keeps it instead of defaulting', () => {
    const t = testApp();
    expect(t.say('alice', 'kubectl run kubia --image=luksa/kubia --image-pull-policy=Never -o name')).toBe(
      'pod/kubia',
    );
    expect(t.say('alice', 'kubectl get po kubia -o yaml')).toContain('imagePullPolicy: Never');
  });
});

describe('interactive sessions in chat', () => {
  it('GIVEN a member WHEN kubectl run -it --rm THEN nothing is created and a note says how to do it detached', () => {
    const t = testApp();
    const reply = t.send('alice', 'kubectl run -it --rm tmp --image=busybox -- sh');
    expect(reply.ok).toBe(false);
    expect(t.say('alice', 'kubectl run -it --rm tmp --image=busybox -- sh')).toContain('nothing was created');
    expect(t.say('alice', 'kubectl get po')).toBe('No resources found in default namespace.');
  });

  it('GIVEN a running pod WHEN kubectl exec -it POD -- sh THEN a note explains there is no shell prompt', () => {
    const t = testApp();
    t.say('alice', 'kubectl run kubia --image=luksa/kubia');
    t.advance(30_000);
    expect(t.say('alice', 'kubectl exec -it kubia -- sh')).toContain('no interactive shell here');
    expect(t.say('alice', 'kubectl exec -it kubia -- hostname')).toBe('kubia');
    expect(t.say('alice', '/lang ko')).not.toBe('');
    expect(t.say('alice', 'kubectl exec -ti kubia -- /bin/bash')).toContain('대화형 셸');
  });

  it('GIVEN the k alias WHEN a member types k get po THEN it runs as kubectl, and a bare "k" stays chat', () => {
    const t = testApp();
    expect(t.say('alice', 'k get po')).toBe('No resources found in default namespace.');
    expect(t.send('alice', 'k').ok).toBe(false);
  });

  it('GIVEN a verb outside the pods chapter WHEN kubectl cordon node01 THEN the sandbox says so in the member language, not as a kubectl error', () => {
    const t = testApp();
    expect(t.say('alice', 'kubectl cordon node01')).toMatch(/^`kubectl cordon` is not available here: /);
    t.say('alice', '/lang ko');
    expect(t.say('alice', 'kubectl create deployment x --image=nginx')).toMatch(
      /^`kubectl create deployment`는 여기서/,
    );
  });
});

describe('kubectl run -o with a template (kubectl 1.33 against Podium’s API door)', () => {
  it('GIVEN -o jsonpath or go-template THEN the pod made (or that would be) goes through the template; a bad template makes nothing', () => {
    const t = testApp();
    expect(
      t.say('alice', 'kubectl run web --image=nginx --annotations=a=b -o jsonpath={.metadata.annotations}'),
    ).toBe('{"a":"b"}');
    expect(t.say('alice', 'kubectl get po -o name')).toBe('pod/web');
    expect(
      t.say(
        'alice',
        'kubectl run dry --image=nginx --dry-run=client -o jsonpath={.spec.containers[0].image}',
      ),
    ).toBe('nginx');
    expect(
      t.say('alice', 'kubectl run srv --image=nginx --dry-run=server -o go-template={{.metadata.name}}'),
    ).toBe('srv');
    expect(t.say('alice', 'kubectl run bad --image=nginx -o jsonpath={.metadata')).toMatch(
      /^error: error parsing jsonpath/,
    );
    expect(t.say('alice', 'kubectl get po -o name')).toBe('pod/web');
  });
});

describe('--dry-run written alone or as a boolean (kubectl 1.33: deprecated, still working, with a warning)', () => {
  const WARNING =
    /^W\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ helpers\.go:703\] --dry-run is deprecated and can be replaced with --dry-run=client\.$/;
  it('GIVEN --dry-run alone THEN a client dry run after klog’s warning, and the next word stays an argument', () => {
    const t = testApp();
    const [warning, ...yaml] = t.say('alice', 'kubectl run web --image=nginx --dry-run -o yaml').split('\n');
    expect(warning).toMatch(WARNING);
    expect(yaml[0]).toBe('apiVersion: v1');
    expect(t.say('alice', 'kubectl get po')).toBe('No resources found in default namespace.');
    const spaced = t.say('alice', 'kubectl run web --image=nginx --dry-run client -o yaml');
    expect(spaced).toContain('  - args:\n    - client\n');
  });

  it('GIVEN --dry-run=true or =false THEN client or none, each with its warning; label and delete read it too', () => {
    const t = testApp();
    const dry = t.say('alice', 'kubectl run web --image=nginx --dry-run=true -o name').split('\n');
    expect(dry[0]).toMatch(
      /helpers\.go:717\] --dry-run=true is deprecated \(boolean value\) and can be replaced with --dry-run=client\.$/,
    );
    expect(dry[1]).toBe('pod/web');
    const real = t.say('alice', 'kubectl run web --image=nginx --dry-run=false').split('\n');
    expect(real[0]).toMatch(
      /helpers\.go:720\] --dry-run=false is deprecated \(boolean value\) and can be replaced with --dry-run=none\.$/,
    );
    expect(real[1]).toBe('pod/web created');
    expect(t.say('alice', 'kubectl label po web x=y --dry-run').split('\n')[1]).toBe(
      'pod/web labeled (dry run)',
    );
    expect(t.say('alice', 'kubectl delete po web --dry-run').split('\n')[1]).toBe(
      'pod "web" deleted from default namespace (dry run)',
    );
    expect(t.say('alice', 'kubectl get po -o name')).toBe('pod/web');
    expect(t.say('alice', 'kubectl run x --image=nginx --dry-run=maybe')).toBe(
      'error: Invalid dry-run value (maybe). Must be "none", "server", or "client".',
    );
  });
});

/**
 * `run --overrides` against kubectl 1.33 (orc.py, --dry-run=client unless said): the generated Pod
 * patched (merge by default, json, strategic), decoded by the client's scheme, re-encoded by Go.
 */
const POD_P = `{"kind":"Pod","apiVersion":"v1","metadata":{"name":"p","creationTimestamp":null,"labels":{"run":"p"}},"spec":{"containers":[{"name":"p","image":"nginx","resources":{}}],"restartPolicy":"Always","dnsPolicy":"ClusterFirst"},"status":{}}`;
const OVERRIDES: [string, string][] = [
  [
    `--overrides='{"spec":{"nodeSelector":{"disk":"ssd"}}}' -o yaml`,
    `apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    run: p
  name: p
spec:
  containers:
  - image: nginx
    name: p
    resources: {}
  dnsPolicy: ClusterFirst
  nodeSelector:
    disk: ssd
  restartPolicy: Always
status: {}`,
  ],
  [
    // A merge patch replaces the list; Go's encoder writes back the empty fields it never omits.
    `--overrides='{"spec":{"containers":[{"ports":[{}],"env":[{}],"bogus":1}]},"metadata":{"labels":{"b":"1","a":"2"}}}' -o json`,
    `{
    "kind": "Pod",
    "apiVersion": "v1",
    "metadata": {
        "name": "p",
        "creationTimestamp": null,
        "labels": {
            "a": "2",
            "b": "1",
            "run": "p"
        }
    },
    "spec": {
        "containers": [
            {
                "name": "",
                "ports": [
                    {
                        "containerPort": 0
                    }
                ],
                "env": [
                    {
                        "name": ""
                    }
                ],
                "resources": {}
            }
        ],
        "restartPolicy": "Always",
        "dnsPolicy": "ClusterFirst"
    },
    "status": {}
}`,
  ],
  [
    `--overrides='{"spec":{"containers":null},"metadata":null,"status":null}' -o json`,
    `{
    "kind": "Pod",
    "apiVersion": "v1",
    "metadata": {
        "creationTimestamp": null
    },
    "spec": {
        "containers": null,
        "restartPolicy": "Always",
        "dnsPolicy": "ClusterFirst"
    },
    "status": {}
}`,
  ],
  [`--overrides='{"metadata":{"name":"other"}}'`, 'pod/other created (dry run)'],
  [`--overrides='' --override-type=bogus`, 'pod/p created (dry run)'],
  [`--overrides='{}' --override-type=bogus`, 'error: invalid override type: bogus'],
  [`--overrides='{bad'`, 'error: Invalid JSON Patch'],
  [`--overrides='null'`, 'error: Invalid JSON Patch'],
  [`--overrides='"x"'`, 'error: Invalid JSON Patch'],
  [`--overrides='{"a":1}{"b":2}'`, 'error: Invalid JSON Patch'],
  [
    `--overrides='[]'`,
    `error: couldn't get version/kind; json parse error: json: cannot unmarshal array into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`,
  ],
  [
    `--overrides='{"apiVersion":1}'`,
    `error: couldn't get version/kind; json parse error: json: cannot unmarshal number into Go struct field .apiVersion of type string`,
  ],
  [
    `--overrides='{"apiVersion":"v2"}'`,
    'error: no kind "Pod" is registered for version "v2" in scheme "pkg/scheme/scheme.go:28"',
  ],
  [
    `--overrides='{"kind":"Foo"}'`,
    'error: no kind "Foo" is registered for version "v1" in scheme "pkg/scheme/scheme.go:28"',
  ],
  [
    // The library writes the document back: top-level keys sorted, a merged object sorted, the rest as encoded.
    `--overrides='{"kind":null,"spec":{"hostname":"h<>"}}'`,
    `error: Object 'Kind' is missing in '{"apiVersion":"v1","metadata":{"name":"p","creationTimestamp":null,"labels":{"run":"p"}},"spec":{"containers":[{"name":"p","image":"nginx","resources":{}}],"dnsPolicy":"ClusterFirst","hostname":"h\\u003c\\u003e","restartPolicy":"Always"},"status":{}}'`,
  ],
  [
    `--overrides='{"apiVersion":null}'`,
    `error: Object 'apiVersion' is missing in '${POD_P.replace('"kind":"Pod","apiVersion":"v1",', '"kind":"Pod",')}'`,
  ],
  [
    `--overrides='{"spec":{"restartPolicy":1}}'`,
    'error: json: cannot unmarshal number into Go struct field PodSpec.spec.restartPolicy of type v1.RestartPolicy',
  ],
  [
    `--overrides='{"metadata":{"labels":{"a":1}}}'`,
    'error: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string',
  ],
  // --override-type=json: RFC 6902, with evanphx/json-patch v4's words.
  [
    `--override-type=json --overrides='[{"op":"add","path":"/spec/hostname","value":"h"},{"op":"move","from":"/metadata/labels","path":"/metadata/annotations"},{"op":"add","path":"/spec/containers/-","value":{"name":"side","image":"busybox"}}]' -o yaml`,
    `apiVersion: v1
kind: Pod
metadata:
  annotations:
    run: p
  creationTimestamp: null
  name: p
spec:
  containers:
  - image: nginx
    name: p
    resources: {}
  - image: busybox
    name: side
    resources: {}
  dnsPolicy: ClusterFirst
  hostname: h
  restartPolicy: Always
status: {}`,
  ],
  [
    `--override-type=json --overrides='[{"op":"add","path":"/metadata/labels/a~1b","value":"x"},{"op":"copy","from":"/metadata/labels","path":"/spec/nodeSelector"}]' -o jsonpath={.spec.nodeSelector}`,
    '{"a/b":"x","run":"p"}',
  ],
  [
    `--override-type=json --overrides='{}'`,
    'error: json: cannot unmarshal object into Go value of type jsonpatch.Patch',
  ],
  [
    `--override-type=json --overrides='[1]'`,
    'error: json: cannot unmarshal number into Go value of type jsonpatch.Operation',
  ],
  [
    `--override-type=json --overrides='[{op:"add"}]'`,
    "error: invalid character 'o' looking for beginning of object key string",
  ],
  [`--override-type=json --overrides='[{"op":"bogus","path":"/x"}]'`, 'error: Unexpected kind: bogus'],
  [`--override-type=json --overrides='[{"path":"/x"}]'`, 'error: Unexpected kind: unknown'],
  [
    `--override-type=json --overrides='[{"op":"add"}]'`,
    'error: add operation failed to decode path: missing value',
  ],
  [
    `--override-type=json --overrides='[{"op":"test","path":"/kind","value":"Service"}]'`,
    'error: testing value /kind failed: test failed',
  ],
  [
    `--override-type=json --overrides='[{"op":"remove","path":"/spec/nope"}]'`,
    "error: error in remove for path: '/spec/nope': Unable to remove nonexistent key: nope: missing value",
  ],
  [
    `--override-type=json --overrides='[{"op":"add","path":"/nope/x","value":1}]'`,
    'error: add operation does not apply: doc is missing path: "/nope/x": missing value',
  ],
  [
    `--override-type=json --overrides='[{"op":"add","path":"/spec/containers/5","value":1}]'`,
    "error: error in add for path: '/spec/containers/5': Unable to access invalid index: 5: invalid index referenced",
  ],
  [
    `--override-type=json --overrides='[{"op":"replace","path":"/spec/containers/1","value":1}]'`,
    'error: replace operation does not apply: doc is missing key: /spec/containers/1: missing value',
  ],
  [
    `--override-type=json --overrides='[{"op":"move","from":"/nope","path":"/x"}]'`,
    "error: error in move for path: 'nope': Unable to remove nonexistent key: nope: missing value",
  ],
  [
    `--override-type=json --overrides='[{"op":"test","path":"/kind","value":"Pod"},{"op":"remove","path":"/kind"}]'`,
    `error: Object 'Kind' is missing in '${POD_P.replace('"kind":"Pod","apiVersion":"v1",', '"apiVersion":"v1",')}'`,
  ],
  [
    // An object a path walked into is written back with sorted keys; the others as encoded.
    `--override-type=json --overrides='[{"op":"add","path":"/spec/hostname","value":"h"},{"op":"remove","path":"/kind"}]'`,
    `error: Object 'Kind' is missing in '{"apiVersion":"v1","metadata":{"name":"p","creationTimestamp":null,"labels":{"run":"p"}},"spec":{"containers":[{"name":"p","image":"nginx","resources":{}}],"dnsPolicy":"ClusterFirst","hostname":"h","restartPolicy":"Always"},"status":{}}'`,
  ],
  // --override-type=strategic: lists merge by their key; anything but an object is a bad document.
  [
    `--override-type=strategic --overrides='{"apiVersion":"v1","spec":{"containers":[{"name":"p","image":"busybox"}]}}' -o jsonpath={.spec.containers}`,
    '[{"image":"busybox","name":"p","resources":{}}]',
  ],
  [
    `--override-type=strategic --overrides='{"spec":{"containers":[{"name":"b","image":"x"},{"name":"a","image":"x"}]}}' -o jsonpath={.spec.containers[*].name}`,
    'b a p',
  ],
  [
    `--override-type=strategic --overrides='{"spec":{"containers":[{"image":"busybox","ports":[{"containerPort":80}]}]}}'`,
    'error: map: map[image:busybox ports:[map[containerPort:80]]] does not contain declared merge key: name',
  ],
  [
    `--override-type=strategic --overrides='{"spec":{"containers":[{"name":"p","$patch":"bogus"}]}}'`,
    'error: unknown patch type: bogus in map: map[$patch:bogus name:p]',
  ],
  [`--override-type=strategic --overrides='[]'`, 'error: invalid JSON document'],
  [`--override-type=strategic --overrides='{bad'`, 'error: invalid JSON document'],
  [`--override-type=strategic --overrides='null'`, 'pod/p created (dry run)'],
];

describe('kubectl run --overrides: byte for byte what kubectl 1.33 prints', () => {
  for (const [flags, expected] of OVERRIDES) {
    it(`GIVEN run p --image=nginx ${flags} --dry-run=client THEN it prints what kubectl prints`, () => {
      expect(testApp().say('alice', `kubectl run p --image=nginx ${flags} --dry-run=client`)).toBe(expected);
    });
  }

  it('GIVEN overrides WHEN the pod is created THEN the server gets the patched Pod and applies its own rules to it', () => {
    const t = testApp();
    expect(
      t.say('alice', `kubectl run b --image=nginx --overrides='{"metadata":{"namespace":"kube-system"}}'`),
    ).toBe(
      'Error from server (BadRequest): the namespace of the provided object does not match the namespace sent on the request',
    );
    expect(
      t.say('alice', `kubectl run b --image=nginx --overrides='{"spec":{"restartPolicy":"Sometimes"}}'`),
    ).toBe(
      'The Pod "b" is invalid: spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    );
    expect(t.say('alice', `kubectl run b --image=nginx --overrides='{"metadata":{"name":null}}'`)).toBe(
      'The Pod "" is invalid: metadata.name: Required value: name or generateName is required',
    );
    expect(t.say('alice', `kubectl run b --image=nginx --overrides='{"spec":{"containers":null}}'`)).toBe(
      'The Pod "b" is invalid: spec.containers: Required value',
    );
    expect(t.say('alice', 'kubectl get po')).toBe('No resources found in default namespace.');
    const created = `kubectl run b --image=nginx --overrides='{"metadata":{"name":"gpu"},"spec":{"nodeSelector":{"gpu":"true"}}}'`;
    expect(t.say('alice', created)).toBe('pod/gpu created');
    expect(t.say('alice', 'kubectl get po gpu -o jsonpath={.spec.nodeSelector}')).toBe('{"gpu":"true"}');
    expect(t.say('alice', 'kubectl get po gpu -o jsonpath={.metadata.labels}')).toBe('{"run":"b"}');
  });
});
