import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Door, kubectl, openDoor, realKubectls, tempFile } from './harness.ts';

/**
 * `kubectl apply --server-side`, one server rule for both doors (src/cluster/server-side-apply.ts):
 * chat's kubectl and real kubectl 1.33 against the API door print the same for the same manifests.
 */
const BINARY = realKubectls()[0];
if (BINARY === undefined) console.warn('server-side-apply.test.ts skipped: no kubectl.1.33 beside kubectl');

const manifest = (name: string, image: string, more = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n${more}spec:\n  containers:\n  - name: c\n    image: ${image}\n`;

describe.skipIf(BINARY === undefined)('server-side apply through both doors', () => {
  let door: Door;
  let config: string;
  const k = async (...args: string[]) => {
    const run = await kubectl(BINARY ?? '', config, args);
    return (run.stdout + run.stderr).trimEnd();
  };
  const chat = (text: string, yaml: string) => door.t.say('alice', `${text}\n\`\`\`yaml\n${yaml}\`\`\``);
  /** The same manifest applied by both: chat's copy named `chat-NAME`, real kubectl's `NAME`. */
  const both = async (args: string, yaml: (name: string) => string, name: string) => ({
    chat: chat(`kubectl apply -f - ${args}`, yaml(`chat-${name}`)).replaceAll(`chat-${name}`, name),
    real: await k('apply', '-f', tempFile(`${name}.yaml`, yaml(name)), ...args.split(' ').filter(Boolean)),
  });

  beforeAll(async () => {
    door = await openDoor();
    config = door.kubeconfig('alice').path;
  });
  afterAll(() => door.close());

  it('GIVEN no such pod THEN both create it, print serverside-applied, and keep no last-applied annotation', async () => {
    const made = await both(
      '--server-side',
      (n) => manifest(n, 'nginx:1.27', '  labels:\n    app: x\n'),
      'ssa',
    );
    expect(made).toEqual({ chat: 'pod/ssa serverside-applied', real: 'pod/ssa serverside-applied' });
    const get = `kubectl get po -o 'jsonpath={range .items[*]}{.metadata.name} {.metadata.labels.app} {.metadata.annotations}{"\\n"}{end}'`;
    expect(door.t.say('alice', get)).toBe('chat-ssa x \nssa x \n');
  });

  it('GIVEN a new image and label THEN both update in place; --dry-run=server changes nothing', async () => {
    const dry = await both('--server-side --dry-run=server', (n) => manifest(n, 'nginx:1.29'), 'ssa');
    expect(dry).toEqual({
      chat: 'pod/ssa serverside-applied (server dry run)',
      real: 'pod/ssa serverside-applied (server dry run)',
    });
    const done = await both(
      '--server-side --field-manager=me',
      (n) => manifest(n, 'nginx:1.28', '  labels:\n    app: z\n'),
      'ssa',
    );
    expect(done).toEqual({ chat: 'pod/ssa serverside-applied', real: 'pod/ssa serverside-applied' });
    const get =
      "kubectl get po -o 'jsonpath={range .items[*]}{.metadata.labels.app}{.spec.containers[0].image} {end}'";
    expect(door.t.say('alice', get)).toBe('znginx:1.28 znginx:1.28 ');
  });

  it('GIVEN an immutable change THEN both print the Invalid with its diff', async () => {
    const refused = await both(
      '--server-side --force-conflicts',
      (n) => manifest(n, 'nginx:1.28', '').replace('spec:\n', 'spec:\n  restartPolicy: Never\n'),
      'ssa',
    );
    expect(refused.chat).toMatch(
      /^The Pod "ssa" is invalid: spec: Forbidden: pod updates may not change fields other than .*\n {2}core\.PodSpec\{\n/,
    );
    expect(refused.chat).toContain(
      '- \tRestartPolicy:                 "Always",\n+ \tRestartPolicy:                 "Never",',
    );
    // Two pods, two token volumes: the diffs differ only in the volume's name.
    const token = (text: string) => text.replace(/kube-api-access-\w{5}/g, 'kube-api-access-xxxxx');
    expect(token(refused.real)).toBe(token(refused.chat));
  });

  it('GIVEN a stale resourceVersion THEN both read the 409 as a field manager conflict', async () => {
    const stale = await both(
      '--server-side',
      (n) => manifest(n, 'nginx:1.28', '  resourceVersion: "3"\n'),
      'ssa',
    );
    expect(
      stale.chat,
    ).toBe(`error: Operation cannot be fulfilled on pods "ssa": the object has been modified; please apply your changes to the latest version and try again
Please review the fields above--they currently have other managers. Here
are the ways you can resolve this warning:
* If you intend to manage all of these fields, please re-run the apply
  command with the \`--force-conflicts\` flag.
* If you do not intend to manage all of the fields, please edit your
  manifest to remove references to the fields that should keep their
  current managers.
* You may co-own fields by updating your manifest to match the existing
  value; in this case, you'll become the manager if the other manager(s)
  stop managing the field (remove it from their configuration).
See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts`);
    expect(stale.real).toBe(stale.chat);
  });

  it('GIVEN flags that do not go together THEN both refuse before reading the files', async () => {
    const yaml = (n: string) => manifest(n, 'nginx');
    expect(await both('--server-side --dry-run=client --force-conflicts', yaml, 'x')).toEqual({
      chat: "error: --dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)",
      real: "error: --dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)",
    });
    expect(await both('--force-conflicts', yaml, 'x')).toEqual({
      chat: 'error: --force-conflicts only works with --server-side',
      real: 'error: --force-conflicts only works with --server-side',
    });
  });

  it('GIVEN a namespace manifest THEN server-side apply creates it, then updates its labels', async () => {
    const ns = (labels: string) => (n: string) =>
      `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${n}\n  labels:\n    tier: ${labels}\n`;
    expect(await both('--server-side', ns('a'), 'team')).toEqual({
      chat: 'namespace/team serverside-applied',
      real: 'namespace/team serverside-applied',
    });
    await both('--server-side', ns('b'), 'team');
    expect(
      door.t.say('alice', 'kubectl get ns chat-team team -o jsonpath={.items[*].metadata.labels.tier}'),
    ).toBe('b b');
  });
});
