import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';
import { verbSandbox } from './verb-sandbox.ts';

describe('kubectl get: kinds, --show-labels and the order of its checks (KC pkg/cmd/get/get.go)', () => {
  it('GIVEN no pods WHEN get po,ns THEN two types were asked for, so the namespaces carry their kind (as kubectl 1.33 prints against Podium)', () => {
    const out = testApp().say('alice', 'kubectl get po,ns');
    expect(out.split('\n')[1]).toMatch(/^namespace\/default\s+Active\s/);
  });

  it('GIVEN a type and a file WHEN get po -f FILE THEN the Builder refuses both together, before reading the file (kubectl 1.33)', () => {
    expect(testApp().say('alice', 'kubectl get po -f nosuch.yaml')).toBe(
      'error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well',
    );
  });

  it('GIVEN TYPE NAME NAME or one type of TYPE/NAME WHEN get THEN one type was asked for: no kind prefix', () => {
    const t = testApp();
    expect(t.say('alice', 'kubectl get ns default kube-system').split('\n')[1]).toMatch(/^default\s/);
    expect(t.say('alice', 'kubectl get ns/default ns/kube-system').split('\n')[1]).toMatch(/^default\s/);
    expect(t.say('alice', 'kubectl get ns/default svc/kubernetes').split('\n')[1]).toMatch(
      /^namespace\/default\s/,
    );
  });

  it('GIVEN a comma list followed by names WHEN only one kind is found THEN no kind prefix (kubectl 1.33 against Podium)', () => {
    const t = testApp();
    t.say('alice', 'kubectl run web --image=nginx');
    expect(t.say('alice', 'kubectl get ns,po web').split('\n')[1]).toMatch(/^web\s/);
    expect(t.say('alice', 'kubectl get po,svc kubernetes web').split('\n')[1]).toMatch(/^pod\/web\s/);
  });

  it('GIVEN a pod WHEN get po,ns THEN two kinds were found and both tables prefix the kind', () => {
    const t = testApp();
    t.say('alice', 'kubectl run kubia --image=luksa/kubia');
    const out = t.say('alice', 'kubectl get po,ns');
    expect(out).toMatch(/^NAME\s+READY[^\n]*\npod\/kubia\s/);
    expect(out).toMatch(/\n\nNAME +STATUS +AGE\nnamespace\/default +Active/);
  });

  it('GIVEN --show-labels WHEN -o yaml THEN Validate refuses it (and before the printer is checked)', () => {
    const t = testApp();
    expect(t.say('alice', 'kubectl get po -o yaml --show-labels')).toBe(
      'error: --show-labels option cannot be used with yaml printer',
    );
    expect(t.say('alice', 'kubectl get po -o foo --show-labels')).toBe(
      'error: --show-labels option cannot be used with foo printer',
    );
    expect(t.say('alice', 'kubectl get -o foo').split('\n')[0]).toBe(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.',
    );
  });

  it('GIVEN no pod nope WHEN get po nope --ignore-not-found THEN nothing is printed and it succeeds', () => {
    const t = testApp();
    const reply = t.send('alice', 'kubectl get po nope --ignore-not-found');
    expect(reply.ok).toBe(true);
    expect(t.say('alice', 'kubectl get po nope --ignore-not-found')).toBe('');
    expect(t.say('alice', 'kubectl get po --ignore-not-found')).toBe('');
  });
});

describe('a namespace that is no URL path segment (issue 15)', () => {
  it.each([
    // A list request's error is printed as it is (kubectl 1.27 to 1.33 alike); a named get or
    // another verb's gets "error: " in front.
    ['get po -n ../../etc', `invalid namespace "../../etc": [may not contain '/']`],
    ['get po x -n ../../etc', `error: invalid namespace "../../etc": [may not contain '/']`],
    ['logs x -n a%2F/b', `error: invalid namespace "a%2F/b": [may not contain '/' may not contain '%']`],
    ['get po -n ..', `invalid namespace "..": [may not be '..']`],
  ])('WHEN kubectl %s THEN client-go refuses it before any request', (line, expected) => {
    expect(verbSandbox().kubectl(line)).toEqual({ text: expected, ok: false });
  });

  it('GIVEN a cluster-scoped type WHEN -n is no path segment THEN it is not used and the command works', () => {
    expect(verbSandbox().kubectl('get no -n ../x -o name').text.split('\n')[0]).toBe('node/controlplane');
  });

  it.each([
    // Verbs of manifests build one request per object and name its file (kubectl 1.33 through the door).
    [
      'create -f web.yaml -n ../x',
      `error: error when creating "web.yaml": invalid namespace "../x": [may not contain '/']`,
    ],
    [
      'create -f web.yaml -f web.yaml -n ../x',
      `error when creating "web.yaml": invalid namespace "../x": [may not contain '/']\nerror when creating "web.yaml": invalid namespace "../x": [may not contain '/']`,
    ],
    ['create -f web.yaml -n ../x --dry-run=client', 'pod/web created (dry run)'],
    [
      'apply -f web.yaml -n ../x --dry-run=client',
      `error: error when retrieving current configuration of:\nResource: "/v1, Resource=pods", GroupVersionKind: "/v1, Kind=Pod"\nName: "web", Namespace: "../x"\nfrom server for: "web.yaml": invalid namespace "../x": [may not contain '/']`,
    ],
    ['apply --server-side -f web.yaml -n ../x', `error: invalid namespace "../x": [may not contain '/']`],
    ['create namespace foo -n ../x', 'namespace/foo created'],
  ])('WHEN kubectl %s THEN as kubectl 1.33', (line, expected) => {
    const box = verbSandbox();
    const web =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: c\n    image: nginx\n';
    box.cluster = { ...box.cluster, files: [{ name: 'web.yaml', content: web }] };
    expect(box.kubectl(line).text).toBe(expected);
  });
});

describe('get -f (issue 15)', () => {
  const manifest = (name: string) =>
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: c\n    image: nginx`;
  it('GIVEN a pod made from a manifest WHEN get -f with the same manifest THEN it is listed; a missing one is NotFound', () => {
    const t = testApp();
    t.say('alice', `kubectl create -f -\n\`\`\`yaml\n${manifest('web')}\n\`\`\``);
    t.advance(60_000);
    expect(t.say('alice', `kubectl get -f -\n\`\`\`yaml\n${manifest('web')}\n\`\`\``)).toBe(
      'NAME   READY   STATUS    RESTARTS   AGE\nweb    1/1     Running   0          60s',
    );
    expect(t.say('alice', `kubectl get -f - -o name\n\`\`\`yaml\n${manifest('web')}\n\`\`\``)).toBe(
      'pod/web',
    );
    expect(t.say('alice', `kubectl get -f -\n\`\`\`yaml\n${manifest('nope')}\n\`\`\``)).toBe(
      'Error from server (NotFound): pods "nope" not found',
    );
  });
});

describe('get --show-kind, --server-print, --chunk-size, --subresource, --show-managed-fields (kubectl 1.33 against Podium’s API door)', () => {
  const withPod = () => {
    const t = testApp();
    t.say('alice', 'kubectl run web --image=nginx --labels=app=web');
    t.advance(60_000);
    return t;
  };

  it('GIVEN a pod WHEN get po --show-kind THEN the one type’s names carry their kind, in every table but -o name’s', () => {
    const t = withPod();
    expect(t.say('alice', 'kubectl get po --show-kind')).toBe(
      'NAME      READY   STATUS    RESTARTS   AGE\npod/web   1/1     Running   0          60s',
    );
    expect(t.say('alice', 'kubectl get no --show-kind').split('\n')[1]).toMatch(
      /^node\/controlplane\s+Ready/,
    );
    expect(t.say('alice', 'kubectl get po -A --show-kind').split('\n')[1]).toMatch(/^default\s+pod\/web\s/);
    expect(t.say('alice', 'kubectl get po --show-kind -o name')).toBe('pod/web');
  });

  it('GIVEN a pod WHEN get po -o wide, with -A and label columns THEN each row has the namespace first, IP then NODE after AGE, and the label columns last (printers.go printPod)', () => {
    const t = withPod();
    expect(t.say('alice', 'kubectl get po -o wide')).toMatch(
      /^NAME +READY +STATUS +RESTARTS +AGE +IP +NODE +NOMINATED NODE +READINESS GATES\nweb +1\/1 +Running +0 +60s +10\.244\.\d+\.\d+ +node0\d +<none> +<none>$/,
    );
    const all = t.say('alice', 'kubectl get po -A -o wide -L app --show-labels').split('\n');
    expect(all[0]).toMatch(
      /^NAMESPACE +NAME +READY +STATUS +RESTARTS +AGE +IP +NODE +NOMINATED NODE +READINESS GATES +APP +LABELS$/,
    );
    expect(all[1]).toMatch(
      /^default +web +1\/1 +Running +0 +60s +10\.244\.\d+\.\d+ +node0\d +<none> +<none> +web +app=web$/,
    );
    expect(all.find((row) => row.includes('etcd-controlplane'))).toMatch(
      /^kube-system +etcd-controlplane +1\/1 +Running +0 +\S+ +172\.30\.1\.2 +controlplane +<none> +<none> +component=etcd,tier=control-plane$/,
    );
  });

  it('GIVEN a pod WHEN get --server-print=false THEN kubectl prints its own NAME and AGE (NAMESPACE under -A, labels after, nothing more for -o wide)', () => {
    const t = withPod();
    expect(t.say('alice', 'kubectl get po --server-print=false')).toBe('NAME   AGE\nweb    60s');
    expect(t.say('alice', 'kubectl get po --server-print=false -o wide')).toBe('NAME   AGE\nweb    60s');
    expect(t.say('alice', 'kubectl get po --server-print=false --show-labels -L app')).toBe(
      'NAME   AGE   APP   LABELS\nweb    60s   web   app=web',
    );
    expect(t.say('alice', 'kubectl get po --server-print=false -A').split('\n')[1]).toMatch(
      /^default +web +60s$/,
    );
    expect(t.say('alice', 'kubectl get ns --server-print=false -A').split('\n')[0]).toBe(
      'NAME              AGE',
    );
    expect(t.say('alice', 'kubectl get events --server-print=false').split('\n')[0]).toMatch(/^NAME +AGE$/);
    expect(t.say('alice', 'kubectl get po')).toMatch(/^NAME {3}READY/);
  });

  it('GIVEN --chunk-size WHEN it is a number THEN lists print whole; WHEN it is not THEN pflag refuses it', () => {
    const t = withPod();
    expect(t.say('alice', 'kubectl get po --chunk-size=1')).toBe(t.say('alice', 'kubectl get po'));
    expect(t.say('alice', 'kubectl get po --chunk-size=x')).toBe(
      `error: invalid argument "x" for "--chunk-size" flag: strconv.ParseInt: parsing "x": invalid syntax\nSee 'kubectl get --help' for usage.`,
    );
  });

  it('GIVEN --subresource WHEN status of a named pod THEN the pod; WHEN a list or another subresource THEN refused', () => {
    const t = withPod();
    expect(t.say('alice', 'kubectl get po web --subresource=status')).toBe(
      t.say('alice', 'kubectl get po web'),
    );
    expect(t.say('alice', 'kubectl get po --subresource=status')).toBe(
      'error: subresource cannot be used when bulk resources are specified',
    );
    expect(t.say('alice', 'kubectl get po web --subresource=scale')).toBe(
      'Error from server (NotFound): the server could not find the requested resource',
    );
  });

  it('GIVEN --show-managed-fields WHEN -o yaml THEN the object as before and a note that the sandbox keeps none; not under -o name', () => {
    const t = withPod();
    t.say('alice', '/lang en');
    const yaml = t.say('alice', 'kubectl get po web -o yaml --show-managed-fields');
    expect(yaml.startsWith(t.say('alice', 'kubectl get po web -o yaml'))).toBe(true);
    expect(yaml).toContain('This sandbox does not record it');
    expect(t.say('alice', 'kubectl get po --show-managed-fields -o name')).toBe('pod/web');
  });
});

describe('get events --sort-by (kubectl 1.33 against Podium’s API door)', () => {
  it('GIVEN a new pod WHEN get events --sort-by=.lastTimestamp THEN the nodes’ start-up comes first and the pod’s events last (the server lists them by name)', () => {
    const t = testApp();
    t.say('alice', 'kubectl run aaa --image=nginx');
    t.advance(30_000);
    const names = t.say('alice', 'kubectl get events --sort-by=.lastTimestamp -o name').split('\n');
    const firstPod = names.findIndex((n) => n.startsWith('event/aaa.'));
    expect(firstPod).toBeGreaterThan(0);
    expect(names.slice(firstPod).every((n) => n.startsWith('event/aaa.'))).toBe(true);
    const table = t.say('alice', 'kubectl get events --sort-by=.lastTimestamp').split('\n');
    expect(table.at(-1)).toMatch(/pod\/aaa/);
    expect(table[1]).toMatch(/node\//);
  });

  it('GIVEN no event has the field WHEN --sort-by THEN the Table prints nothing and a List is an error', () => {
    const t = testApp();
    expect(t.say('alice', 'kubectl get events --sort-by=.nosuch')).toBe(
      'No resources found in default namespace.',
    );
    expect(t.say('alice', 'kubectl get events --sort-by=.nosuch -o name')).toBe(
      'error: couldn\'t find any field with path "{.nosuch}" in the list of objects',
    );
  });
});

describe('get --template (kubectl 1.33 against Podium’s API door)', () => {
  it('GIVEN a template format without its template WHEN --template THEN it is the template; alone it means go-template', () => {
    const t = testApp();
    t.say('alice', 'kubectl run web --image=nginx');
    expect(t.say('alice', 'kubectl get po -o template --template={{.kind}}')).toBe('List');
    expect(t.say('alice', 'kubectl get po --template={{.kind}}')).toBe('List');
    expect(t.say('alice', 'kubectl get po web -o jsonpath --template={.metadata.name}')).toBe('web');
    expect(t.say('alice', 'kubectl get po web -o yaml --template={{.kind}}').split('\n')[0]).toBe(
      'apiVersion: v1',
    );
    expect(t.say('alice', 'kubectl get po -o go-template={{.kind}} --template={{.apiVersion}}')).toMatch(
      /^error: unable to match a printer suitable for the output format "go-template=\{\{\.kind\}\}"/,
    );
  });
});

describe('a type asked for twice (kubectl 1.33 against Podium’s API door)', () => {
  it('GIVEN po,pods without names THEN one list, no kinds; with names, the same spelling once and others under one header', () => {
    const t = testApp();
    t.say('alice', 'kubectl run web --image=nginx');
    expect(t.say('alice', 'kubectl get po,pods -o name')).toBe('pod/web');
    expect(
      t
        .say('alice', 'kubectl get po,ns,po -o name')
        .split('\n')
        .filter((l) => l === 'pod/web'),
    ).toHaveLength(1);
    expect(t.say('alice', 'kubectl get po,po').split('\n')).toHaveLength(2);
    expect(t.say('alice', 'kubectl get po,po web -o name')).toBe('pod/web');
    const three = t.say('alice', 'kubectl get pods,po,pod web').split('\n');
    expect(three).toHaveLength(4);
    expect(three.slice(1).every((l) => /^web\s/.test(l))).toBe(true);
    expect(t.say('alice', 'kubectl get po/web po/web').split('\n')).toHaveLength(3);
  });
});

describe('get -w --output-watch-events (kubectl 1.33 against Podium’s API door)', () => {
  it('GIVEN pods WHEN watched with events THEN each row is an ADDED event in an 11-wide first column; without -w it is refused', () => {
    const t = testApp();
    t.say('alice', 'kubectl run web --image=nginx');
    t.advance(60_000);
    // After kubectl's output, the chat says why it does not keep watching.
    const note =
      '\n\nA chat message cannot keep watching, so this is what is there now: run the command again to see what changed.';
    expect(t.say('alice', 'kubectl get po -w --output-watch-events')).toBe(
      `EVENT      NAME   READY   STATUS    RESTARTS   AGE\nADDED      web    1/1     Running   0          60s${note}`,
    );
    expect(t.say('alice', 'kubectl get po -w --output-watch-events --no-headers')).toBe(
      `ADDED      web   1/1   Running   0     60s${note}`,
    );
    expect(t.say('alice', 'kubectl get po -w --output-watch-events -o name')).toBe(`pod/web${note}`);
    expect(t.say('alice', 'kubectl get po --output-watch-events')).toBe(
      'error: --output-watch-events option can only be used with --watch or --watch-only',
    );
  });
});
