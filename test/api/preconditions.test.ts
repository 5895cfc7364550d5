import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Door, kubectl, openDoor, realKubectls, tempFile } from './harness.ts';

/**
 * resourceVersion preconditions, one rule in src/cluster/preconditions.ts: real kubectl 1.33
 * against the API door and chat's kubectl answer a stale version with the same 409 Conflict,
 * for label/annotate --resource-version, patches of every type, replace and apply.
 */
const BINARY = realKubectls()[0];
if (BINARY === undefined) console.warn('preconditions.test.ts skipped: no kubectl.1.33 beside kubectl');

const CONFLICT = (resource: string, name: string) =>
  `Error from server (Conflict): Operation cannot be fulfilled on ${resource} "${name}": the object has been modified; please apply your changes to the latest version and try again`;

describe.skipIf(BINARY === undefined)('resourceVersion preconditions through both doors', () => {
  let door: Door;
  let config: string;
  const k = async (...args: string[]) => {
    const run = await kubectl(BINARY ?? '', config, args);
    return (run.stdout + run.stderr).trimEnd();
  };
  const chat = (text: string) => door.t.say('alice', text);
  const version = () => chat('kubectl get po web -o jsonpath={.metadata.resourceVersion}');

  beforeAll(async () => {
    door = await openDoor();
    config = door.kubeconfig('alice').path;
    chat('kubectl run web --image=nginx --labels=app=web');
    chat('kubectl run db --image=nginx');
  });
  afterAll(() => door.close());

  it('GIVEN a stale --resource-version WHEN label or annotate THEN both doors answer Conflict and nothing changes', async () => {
    const before = version();
    for (const command of [
      'label po web tier=x --resource-version=1',
      'annotate po web note=x --resource-version=1',
    ]) {
      expect(chat(`kubectl ${command}`)).toBe(CONFLICT('pods', 'web'));
      expect(await k(...command.split(' '))).toBe(CONFLICT('pods', 'web'));
    }
    expect(chat('kubectl label no node01 x=y --resource-version=1')).toBe(CONFLICT('nodes', 'node01'));
    expect(version()).toBe(before);
    expect(chat('kubectl get po web -o jsonpath={.metadata.labels}')).toBe('{"app":"web"}');
  });

  it('GIVEN the current --resource-version THEN the update is made, in chat and from real kubectl', async () => {
    expect(chat(`kubectl label po web tier=a --resource-version=${version()}`)).toBe('pod/web labeled');
    expect(await k('annotate', 'po', 'web', 'note=b', `--resource-version=${version()}`)).toBe(
      'pod/web annotated',
    );
    expect(chat('kubectl get po web -o jsonpath={.metadata.labels.tier}{.metadata.annotations.note}')).toBe(
      'ab',
    );
  });

  it('GIVEN --resource-version with more than one object THEN kubectl refuses before visiting any', async () => {
    const refusal = 'error: --resource-version may only be used with a single resource';
    for (const command of [
      'label po web db x=y --resource-version=1',
      'label po -l app=web x=y --resource-version=1',
      'annotate po --all x=y --resource-version=1',
    ]) {
      expect(chat(`kubectl ${command}`)).toBe(refusal);
      expect(await k(...command.split(' '))).toBe(refusal);
    }
  });

  it('GIVEN --dry-run=client and a version THEN no precondition, and the word compares JSON with the version set', async () => {
    for (const command of [
      'label po web app- --dry-run=client --resource-version=1',
      'label po web app=web --dry-run=client --resource-version=9',
    ]) {
      expect(chat(`kubectl ${command}`)).toBe('pod/web labeled (dry run)');
      expect(await k(...command.split(' '))).toBe('pod/web labeled (dry run)');
    }
  });

  it.each([
    ['merge', '{"metadata":{"resourceVersion":"3","labels":{"q":"r"}}}'],
    ['strategic', '{"metadata":{"resourceVersion":"3","labels":{"q":"r"}}}'],
    ['json', '[{"op":"replace","path":"/metadata/resourceVersion","value":"3"}]'],
  ])(
    'GIVEN a stale version in a %s patch THEN real kubectl gets Conflict from the door',
    async (type, body) => {
      expect(await k('patch', 'po', 'web', `--type=${type}`, '-p', body)).toBe(CONFLICT('pods', 'web'));
    },
  );

  it('GIVEN a JSON patch without a version THEN it applies; a replace naming a stale version is a Conflict', async () => {
    const add = '[{"op":"add","path":"/metadata/labels/q","value":"r"}]';
    expect(await k('patch', 'po', 'web', '--type=json', '-p', add)).toBe('pod/web patched');
    const stale = tempFile(
      'web-stale.yaml',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  resourceVersion: "3"\nspec:\n  containers:\n  - name: web\n    image: nginx\n',
    );
    expect(await k('replace', '-f', stale)).toBe(
      `Error from server (Conflict): error when replacing "${stale}": Operation cannot be fulfilled on pods "web": the object has been modified; please apply your changes to the latest version and try again`,
    );
  });

  it('GIVEN a manifest with a stale resourceVersion WHEN applied THEN chat prints what real kubectl prints after its retries', async () => {
    const manifest =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: db\n  resourceVersion: "5"\n  labels:\n    a: c\nspec:\n  containers:\n  - name: db\n    image: nginx\n';
    const path = tempFile('db-stale.yaml', manifest);
    const patch = String.raw`{"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"annotations\":{},\"labels\":{\"a\":\"c\"},\"name\":\"db\",\"namespace\":\"default\",\"resourceVersion\":\"5\"},\"spec\":{\"containers\":[{\"image\":\"nginx\",\"name\":\"db\"}]}}\n"},"labels":{"a":"c"},"resourceVersion":"5"}}`;
    const expected = (
      source: string,
    ) => `Warning: resource pods/db is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.
Error from server (Conflict): error when applying patch:
${patch}
to:
Resource: "/v1, Resource=pods", GroupVersionKind: "/v1, Kind=Pod"
Name: "db", Namespace: "default"
for: "${source}": error when patching "${source}": Operation cannot be fulfilled on pods "db": the object has been modified; please apply your changes to the latest version and try again`;
    expect(await k('apply', '-f', path)).toBe(expected(path));
    expect(chat(`kubectl apply -f -\n\`\`\`yaml\n${manifest}\`\`\``)).toBe(expected('STDIN'));
  }, 20_000);

  it('GIVEN a version that is no number THEN the storage versioner refuses it as ParseUint does; 0 is no version', async () => {
    for (const [version, why] of [
      ['abc', 'invalid syntax'],
      ['99999999999999999999999', 'value out of range'],
    ]) {
      const refusal = `Error from server: strconv.ParseUint: parsing "${version}": ${why}`;
      expect(chat(`kubectl label po web zero=x --resource-version=${version}`)).toBe(refusal);
      expect(await k('label', 'po', 'web', 'zero=x', `--resource-version=${version}`)).toBe(refusal);
    }
    expect(chat('kubectl label po web zero=chat --resource-version=0')).toBe('pod/web labeled');
    expect(await k('annotate', 'po', 'web', 'zero=real', '--resource-version=0')).toBe('pod/web annotated');
    expect(await k('patch', 'po', 'web', '-p', '{"metadata":{"resourceVersion":5}}')).toBe(
      'Error from server (BadRequest): json: cannot unmarshal number into Go struct field ObjectMeta.metadata.resourceVersion of type string',
    );
  });
});
