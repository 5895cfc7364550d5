import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenize } from '../../src/kubectl/tokenize.ts';
import { type Door, kubectl, openDoor, tempFile } from '../api/harness.ts';
import { testApp } from '../helpers/app.ts';
import { kubectl133 } from './oracle.ts';

/**
 * `--dry-run=server` writes nothing to etcd and takes no resourceVersion: after one, the next
 * real write's resourceVersion is what it would have been without it (src/store/sandboxes.ts
 * keeps the counters of a command that wrote nothing), and an update's answer is the object at
 * its current resourceVersion (dryRunUpdate in src/cluster/object-patch.ts).
 */
const POD =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: filed\nspec:\n  containers:\n  - name: c\n    image: nginx\n';
const stdin = (line: string, text: string) => `${line}\n\`\`\`yaml\n${text}\`\`\``;

const DRY_RUNS = [
  `kubectl patch po web -p '{"metadata":{"labels":{"a":"b"}}}' --dry-run=server`,
  `kubectl patch po web --type=merge -p '{"spec":{"activeDeadlineSeconds":60}}' --dry-run=server`,
  'kubectl label po web a=b --dry-run=server',
  'kubectl annotate po web a=b --dry-run=server',
  'kubectl set image po web web=nginx:1.27 --dry-run=server',
  'kubectl run x --image=nginx --dry-run=server',
  'kubectl create namespace dry --dry-run=server',
  stdin('kubectl create -f - --dry-run=server', POD),
  stdin('kubectl apply -f - --dry-run=server', POD),
  'kubectl delete po web --dry-run=server',
];

function box() {
  const t = testApp();
  t.say('alice', 'kubectl run web --image=nginx');
  return t;
}

/** The resourceVersion of the write after `before` (nothing, or a dry run). */
function nextVersion(before: string | null): string {
  const t = box();
  if (before !== null) expect(t.send('alice', before).ok, before).toBe(true);
  t.say('alice', 'kubectl label po web next=1');
  return t.say('alice', 'kubectl get po web -o jsonpath={.metadata.resourceVersion}');
}

describe('kubectl --dry-run=server in chat', () => {
  const expected = nextVersion(null);

  it.each(DRY_RUNS)(
    'GIVEN `%s` THEN the next write takes the resourceVersion it would have without it',
    (line) => {
      expect(nextVersion(line)).toBe(expected);
    },
  );

  it.each([
    `patch po web -p '{"metadata":{"labels":{"a":"b"}}}'`,
    'label po web a=b',
    'annotate po web a=b',
    'set image po web web=nginx:1.27',
  ])(
    'GIVEN `kubectl %s --dry-run=server` THEN its answer is the pod at its current resourceVersion',
    (line) => {
      const t = box();
      const current = t.say('alice', 'kubectl get po web -o jsonpath={.metadata.resourceVersion}');
      expect(t.say('alice', `kubectl ${line} --dry-run=server -o jsonpath={.metadata.resourceVersion}`)).toBe(
        current,
      );
    },
  );
});

const BINARY = kubectl133();

describe.skipIf(BINARY === null)('kubectl 1.33 --dry-run=server through the API door', () => {
  let door: Door;
  let config: string;
  beforeAll(async () => {
    door = await openDoor();
    config = door.kubeconfig('alice').path;
    door.t.say('alice', 'kubectl run web --image=nginx');
    // The first write after `run` takes two resourceVersions in the sandbox: count from one write later.
    door.t.say('alice', 'kubectl label po web first=1');
  });
  afterAll(() => door.close());

  it('GIVEN each dry run from the binary THEN the pod keeps its resourceVersion and the next write takes the next one', async () => {
    const version = () => door.t.say('alice', 'kubectl get po web -o jsonpath={.metadata.resourceVersion}');
    const before = version();
    const file = tempFile('dry-run-pod.yaml', POD);
    for (const line of DRY_RUNS) {
      const command =
        line
          .split('\n')[0]
          ?.replace(/^kubectl /, '')
          .replace('-f -', `-f ${file}`) ?? '';
      const deletes = command.startsWith('delete');
      const args = tokenize(deletes ? command : `${command} -o jsonpath={.metadata.resourceVersion}`);
      if (!args.ok) throw new Error(args.error);
      const real = await kubectl(BINARY ?? '', config, args.value);
      expect(real.code, `${command}: ${real.stderr}`).toBe(0);
      if (!deletes && command.includes(' web ')) expect(real.stdout, command).toBe(before);
    }
    expect(version()).toBe(before);
    door.t.say('alice', 'kubectl label po web next=1');
    expect(version()).toBe(String(Number(before) + 1));
  });
});
