import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { KUBECTL_VERBS } from '../../commands/kubectl/index.ts';
import { createIds } from '../../src/cluster/ids.ts';
import { runKubectl } from '../../src/kubectl/run-kubectl.ts';
import { kubectl133 } from './oracle.ts';
import { twinPods } from './twin-pods.ts';
import { verbSandbox } from './verb-sandbox.ts';

/**
 * `kubectl set image`: kubectl 1.33's strategic merge patch of the changed containers, sent
 * through the API door's PATCH step (src/cluster/object-patch.ts). Expected texts are what
 * kubectl 1.33 printed against the door (orc.py), and the twin table below checks them again.
 */
function webSandbox() {
  const box = verbSandbox();
  box.kubectl('run web --image=nginx');
  const image = () => box.cluster.pods.find((p) => p.metadata.name === 'web')?.spec.containers[0]?.image;
  return { box, image };
}

describe('kubectl set image', () => {
  it('GIVEN a pod WHEN its container gets a new image THEN "image updated"; the same image again prints nothing', () => {
    const { box, image } = webSandbox();
    expect(box.kubectl('set image pod/web web=nginx:1.25')).toEqual({
      text: 'pod/web image updated',
      ok: true,
    });
    expect(image()).toBe('nginx:1.25');
    const before = box.cluster.pods;
    expect(box.kubectl('set image pod/web web=nginx:1.25')).toEqual({ text: '', ok: true });
    expect(box.cluster.pods).toBe(before);
    expect(box.kubectl("set image pod/web '*=nginx:1.28'").text).toBe('pod/web image updated');
    expect(image()).toBe('nginx:1.28');
  });

  it('GIVEN dry runs THEN the suffixes, and nothing is stored', () => {
    const { box, image } = webSandbox();
    expect(box.kubectl('set image pod/web web=nginx:1.29 --dry-run=client').text).toBe(
      'pod/web image updated (dry run)',
    );
    expect(box.kubectl('set image pod/web web=nginx:1.29 --dry-run=server').text).toBe(
      'pod/web image updated (server dry run)',
    );
    expect(image()).toBe('nginx');
  });

  it('GIVEN a container name the pod lacks THEN its error, after the containers that exist are updated', () => {
    const { box, image } = webSandbox();
    expect(box.kubectl('set image pod/web nope=nginx web=nginx:1.27')).toEqual({
      text: 'pod/web image updated\nerror: unable to find container named "nope"',
      ok: false,
    });
    expect(image()).toBe('nginx:1.27');
  });

  it('GIVEN two names no container has THEN one error line each (kubectl, walking a Go map, in either order)', () => {
    const { box } = webSandbox();
    expect(box.kubectl('set image pod/web nope1=x nope2=y')).toEqual({
      text: 'error: unable to find container named "nope1"\nerror: unable to find container named "nope2"',
      ok: false,
    });
  });

  it('GIVEN an image the server refuses THEN "failed to patch image update" and nothing changes', () => {
    const { box, image } = webSandbox();
    expect(box.kubectl("set image pod/web web=' nginx'")).toEqual({
      text: 'error: failed to patch image update to pod template: Pod "web" is invalid: spec.containers[0].image: Invalid value: " nginx": must not have leading or trailing whitespace',
      ok: false,
    });
    expect(image()).toBe('nginx');
  });

  it.each([
    ['set image pod/web', 'error: at least one image update is required'],
    ['set image pod/web web-', 'error: invalid image format: web-'],
    [
      "set image pod/web '*=x' web=y",
      'error: all containers are already specified by *, but saw more than one container_name=container_image pairs',
    ],
    ['set image pod/web web=nginx x', 'error: all resources must be specified before image changes: x'],
    ['set image pod/nope web=nginx', 'Error from server (NotFound): pods "nope" not found'],
    ['set image pod/web pod/nope web=x', 'Error from server (NotFound): pods "nope" not found'],
    [
      'set image ns/default a=b',
      'error: namespaces/default the object is not a pod or does not have a pod template: *v1.Namespace',
    ],
    [
      'set image pod/web web=nginx:1.3 --local',
      "error: you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'",
    ],
    [
      'set image pod/web web=x -o wide',
      'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml',
    ],
    ['set foo', 'error: unknown command "foo"\nSee \'kubectl set -h\' for help and examples'],
  ])('GIVEN `kubectl %s` THEN kubectl 1.33 refuses it so, changing nothing', (line, expected) => {
    const { box } = webSandbox();
    const before = box.cluster.pods;
    const run = box.kubectl(line);
    expect(run).toEqual({ text: expected, ok: false });
    expect(box.cluster.pods).toEqual(before);
  });
});

const TWIN_CASES: string[] = [
  'set image -f web.yaml web=nginx:1.32',
  'set image -f web.yaml web=nginx:1.32',
  'set image -f web.yaml web=nginx:1.33 --dry-run=client -o jsonpath={.spec.containers[0].image}',
  'set image pod/web web=nginx:1.25',
  'set image pod/web web=nginx:1.25',
  'set image pod web web=nginx:1.26',
  'set image po -l run=web web=busybox',
  'set image po --all web=busybox:1',
  "set image pod/web '*=nginx:1.28'",
  'set image pod/web nope=nginx web=nginx:1.27',
  'set image pod/web web=',
  'set image pod/web web=nginx:1.29 --dry-run=client',
  'set image pod/web web=nginx:1.29 --dry-run=server',
  'set image pod/web web=nginx:1.30 -o name',
  "set image pod/web web=nginx:1.31 -o jsonpath='{.spec.containers[0].image}'",
  'set image pod web=x',
  'set image web=nginx',
  'set',
];

const BINARY = kubectl133();

/** The twin pod as a file names it (no namespace: -n says which twin). */
const WEB_FILE =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n';

describe.skipIf(BINARY === null)('kubectl set image, chat beside kubectl 1.33 through the API door', () => {
  const twin = twinPods(BINARY ?? '', { 'web.yaml': WEB_FILE });

  it.each(TWIN_CASES)('GIVEN `kubectl %s` THEN chat prints what kubectl prints', async (line) => {
    const { chat, real } = await twin(line);
    expect(chat).toBe(real);
  });

  it('GIVEN `kubectl set` alone THEN its help on stderr and exit status 1, as kubectl 1.33', () => {
    const real = spawnSync(BINARY ?? '', ['set'], { encoding: 'utf8' });
    expect([real.stdout, real.status]).toEqual(['', 1]);
    const box = verbSandbox();
    const result = runKubectl(
      KUBECTL_VERBS,
      { cluster: box.cluster, ids: createIds('s', 0), stdin: null, attachments: [] },
      ['set'],
    );
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.output).toEqual([{ stream: 'stderr', text: real.stderr.trimEnd() }]);
    expect(result.value.exitCode).toBe(1);
  });

  it('GIVEN --help THEN set and set image print kubectl 1.33 help', () => {
    for (const args of [
      ['set', '--help'],
      ['set', 'image', '--help'],
      ['set', 'image', 'pod/web', '-h'],
    ]) {
      const real = spawnSync(BINARY ?? '', args, { encoding: 'utf8' });
      expect(verbSandbox().kubectl(args.join(' ')).text).toBe(real.stdout.trimEnd());
    }
  });
});
