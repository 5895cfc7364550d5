import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Door, kubectl, MANUAL_POD, openDoor, realKubectls } from './harness.ts';

/**
 * Acceptance 1 and 3 of issue 18: the real kubectl (1.33 and 1.32, beside the dispatcher on the
 * PATH) replays the course notes' walkthrough against a sandbox served over HTTPS on 127.0.0.1,
 * and what it makes is the sandbox chat, `/lab check` and `/sandbox map` see.
 */
const BINARIES = realKubectls();
if (BINARIES.length === 0)
  console.warn('kubectl-walkthrough.test.ts skipped: no kubectl.1.33 or kubectl.1.32 beside kubectl');

const file = (name: string, text: string) => {
  const path = join(tmpdir(), `podium-${process.pid}-${name}`);
  writeFileSync(path, text);
  return path;
};

describe.skipIf(BINARIES.length === 0).each(BINARIES)('real %s against the API door', (binary) => {
  let door: Door;
  let config: string;
  const k = (...args: string[]) => kubectl(binary, config, args);

  beforeAll(async () => {
    door = await openDoor();
    config = door.kubeconfig('alice').path;
  });
  afterAll(() => door.close());

  it('GIVEN a fresh sandbox WHEN kubectl version and api-resources THEN the server is v1.34.1 and serves pods', async () => {
    const version = await k('version');
    expect(version.stdout).toContain('Server Version: v1.34.1');
    const resources = await k('api-resources');
    expect(resources.stdout).toMatch(/^pods\s+po\s+v1\s+true\s+Pod$/m);
    expect(resources.stdout).toMatch(/^deployments\s+deploy\s+apps\/v1\s+true\s+Deployment$/m);
  });

  it('GIVEN kubectl run WHEN chat lists pods THEN the pod made over HTTPS is there, and a chat pod is listed by kubectl', async () => {
    const run = await k('run', 'kubia', '--image=luksa/kubia', '--port=8080');
    expect(run).toMatchObject({ code: 0, stdout: 'pod/kubia created\n' });
    expect(door.t.say('alice', 'kubectl get po kubia -o name')).toBe('pod/kubia');
    door.t.say('alice', 'kubectl run chatpod --image=nginx');
    const listed = await k('get', 'po', '-o', 'name');
    expect(listed.stdout).toBe('pod/chatpod\npod/kubia\n');
  });

  it('GIVEN create -f and apply -f (client-side and server-side) THEN created, unchanged, configured as kubectl says', async () => {
    const path = file('manual.yaml', MANUAL_POD);
    expect((await k('create', '-f', path)).stdout).toBe('pod/kubia-manual created\n');
    const again = await k('create', '-f', path);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Error from server (AlreadyExists): error when creating');
    const applied = file('applied.yaml', MANUAL_POD.replace('kubia-manual', 'kubia-apply'));
    expect((await k('apply', '-f', applied)).stdout).toBe('pod/kubia-apply created\n');
    expect((await k('apply', '-f', applied)).stdout).toBe('pod/kubia-apply unchanged\n');
    const changed = file(
      'changed.yaml',
      MANUAL_POD.replace('kubia-manual', 'kubia-apply').replace('env: prod', 'env: debug'),
    );
    expect((await k('apply', '-f', changed)).stdout).toBe('pod/kubia-apply configured\n');
    expect(door.t.say('alice', 'kubectl get po kubia-apply -L env --no-headers')).toMatch(/\sdebug$/);
    const ssa = file(
      'ssa.yaml',
      MANUAL_POD.replace('kubia-manual', 'kubia-ssa').replace('env: prod', 'env: ssa'),
    );
    expect((await k('apply', '--server-side', '-f', ssa)).stdout).toBe('pod/kubia-ssa serverside-applied\n');
    expect(door.t.say('alice', 'kubectl get po kubia-ssa -o name')).toBe('pod/kubia-ssa');
  });

  it('GIVEN pods with labels WHEN get -l with every selector form THEN the server filters as Kubernetes does', async () => {
    const names = async (selector: string) =>
      (await k('get', 'po', '-l', selector, '-o', 'name')).stdout
        .trim()
        .split('\n')
        .filter((l) => l !== '');
    expect(await names('env=prod')).toEqual(['pod/kubia-manual']);
    expect(await names('env==prod')).toEqual(['pod/kubia-manual']);
    expect(await names('env!=prod')).toEqual([
      'pod/chatpod',
      'pod/kubia',
      'pod/kubia-apply',
      'pod/kubia-ssa',
    ]);
    expect(await names('env in (prod,debug)')).toEqual(['pod/kubia-apply', 'pod/kubia-manual']);
    expect(await names('env notin (prod)')).toEqual([
      'pod/chatpod',
      'pod/kubia',
      'pod/kubia-apply',
      'pod/kubia-ssa',
    ]);
    expect(await names('env')).toEqual(['pod/kubia-apply', 'pod/kubia-manual', 'pod/kubia-ssa']);
    expect(await names('!env')).toEqual(['pod/chatpod', 'pod/kubia']);
    expect(await names('creation_method=manual,env=prod')).toEqual(['pod/kubia-manual']);
    const bad = await k('get', 'po', '-l', 'env in (prod');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(
      `Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "env in (prod"`,
    );
    const field = await k('get', 'po', '--field-selector', 'metadata.name=kubia', '-o', 'name');
    expect(field.stdout).toBe('pod/kubia\n');
  });

  it('GIVEN a pod WHEN get with each output THEN wide, labels, -L, yaml, json, name, jsonpath and custom-columns print', async () => {
    expect((await k('get', 'po', 'kubia')).stdout).toMatch(
      /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\nkubia\s+0\/1\s+ContainerCreating\s+0\s+0s\n$/,
    );
    expect((await k('get', 'po', 'kubia', '-o', 'wide')).stdout).toMatch(
      /NOMINATED NODE\s+READINESS GATES\nkubia\s.*\s10\.244\.\d+\.\d+\s+node0\d\s+<none>\s+<none>\n$/,
    );
    expect((await k('get', 'po', 'kubia', '--show-labels')).stdout).toMatch(/\srun=kubia\n$/);
    expect((await k('get', 'po', 'kubia-manual', '-L', 'env')).stdout).toMatch(/ENV\n.*\sprod\n$/);
    expect((await k('get', 'po', 'kubia', '-o', 'yaml')).stdout).toContain('  - image: luksa/kubia\n');
    expect(JSON.parse((await k('get', 'po', 'kubia', '-o', 'json')).stdout).metadata.labels).toEqual({
      run: 'kubia',
    });
    expect(
      (await k('get', 'po', 'kubia', '-o', 'jsonpath={.spec.containers[0].ports[0].containerPort}')).stdout,
    ).toBe('8080');
    expect(
      (
        await k(
          'get',
          'po',
          'kubia',
          '-o',
          'custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image',
        )
      ).stdout,
    ).toBe('NAME    IMAGE\nkubia   luksa/kubia\n');
  });

  it('GIVEN a running pod WHEN describe, logs, wait THEN kubectl prints the sandbox state', async () => {
    door.t.advance(60_000);
    const described = await k('describe', 'po', 'kubia');
    expect(described.stdout).toMatch(/^Name:\s+kubia$/m);
    expect(described.stdout).toMatch(/^Status:\s+Running$/m);
    expect((await k('logs', 'kubia')).stdout).toBe('Kubia server starting...\n');
    expect((await k('logs', 'kubia', '-c', 'kubia')).stdout).toBe('Kubia server starting...\n');
    const previous = await k('logs', 'kubia', '--previous');
    expect(previous.stderr).toBe(
      'Error from server (BadRequest): previous terminated container "kubia" in pod "kubia" not found\n',
    );
    const waited = await k('wait', '--for=condition=Ready', 'po/kubia', '--timeout=10s');
    expect(waited).toMatchObject({ code: 0, stdout: 'pod/kubia condition met\n' });
  });

  it('GIVEN logs --limit-bytes and --since-time THEN the door cuts the log as the chat does (the kubelet’s rules)', async () => {
    door.t.say(
      'alice',
      'kubectl run loop --image=busybox -- sh -c "while true; do echo hello world; sleep 1; done"',
    );
    door.t.advance(8_000);
    for (const flags of [
      ['--limit-bytes=15'],
      ['--limit-bytes=20', '--timestamps'],
      ['--since-time=2000-01-01T00:00:00Z', '--tail=2'],
    ]) {
      const real = await k('logs', 'loop', ...flags);
      const chat = door.t.say('alice', `kubectl logs loop ${flags.join(' ')}`);
      expect(real.stdout.replace(/\n$/, ''), flags.join(' ')).toBe(chat);
    }
    expect((await k('logs', 'loop', '--limit-bytes=15')).stdout).toBe('hello world\nhel');
    expect((await k('logs', 'loop', '--since-time=2999-01-01T00:00:00Z')).stdout).toBe('');
    door.t.say('alice', 'kubectl delete po loop --grace-period=0 --force');
  });

  it('GIVEN label and annotate THEN --overwrite is required to change, key- removes, annotations are kept', async () => {
    expect((await k('label', 'po', 'kubia', 'env=debug')).stdout).toBe('pod/kubia labeled\n');
    const refused = await k('label', 'po', 'kubia', 'env=prod');
    expect(refused.stderr).toBe("error: 'env' already has a value (debug), and --overwrite is false\n");
    expect((await k('label', 'po', 'kubia', 'env=prod', '--overwrite')).stdout).toBe('pod/kubia labeled\n');
    expect((await k('label', 'po', 'kubia', 'env-')).stdout).toBe('pod/kubia unlabeled\n');
    expect((await k('annotate', 'po', 'kubia', 'mycompany.com/someannotation=foo bar')).stdout).toBe(
      'pod/kubia annotated\n',
    );
    expect(door.t.say('alice', 'kubectl get po kubia --show-labels --no-headers')).toMatch(/\srun=kubia$/);
    expect(door.t.say('alice', 'kubectl get po kubia -o yaml')).toContain(
      'mycompany.com/someannotation: foo bar',
    );
  });

  /** kubectl delete waits for each pod, and a namespace, to leave: the sandbox's clock moves on meanwhile. */
  const timePassing = async <T>(run: Promise<T>): Promise<T> => {
    const timer = setInterval(() => door.t.advance(5_000), 50);
    try {
      return await run;
    } finally {
      clearInterval(timer);
    }
  };

  it('GIVEN create namespace (a protobuf body) THEN the namespace is made, and chat lists it', async () => {
    expect((await k('create', 'namespace', 'study')).stdout).toBe('namespace/study created\n');
    expect(door.t.say('alice', 'kubectl get ns study -o name')).toBe('namespace/study');
    expect((await timePassing(k('delete', 'namespace', 'study'))).stdout).toBe('namespace "study" deleted\n');
  });

  it('GIVEN explain pods.spec THEN kubectl walks the OpenAPI v3 document', async () => {
    const explained = await k('explain', 'pods.spec');
    expect(explained.stdout).toContain('FIELD: spec <PodSpec>');
    expect(explained.stdout).toMatch(/^ {2}containers\t<\[\]Container> -required-$/m);
  });

  it('GIVEN get -w WHEN a pod is made in chat meanwhile THEN the watch prints its row', async () => {
    const watching = k('get', 'po', '-w', '--request-timeout=4s');
    await new Promise((r) => setTimeout(r, 1500));
    door.t.say('alice', 'kubectl run watched --image=nginx');
    const watched = await watching;
    expect(watched.stdout).toMatch(/^watched\s+0\/1\s+ContainerCreating/m);
  });

  it('GIVEN delete --grace-period=600 --wait=false THEN the pod is Terminating in chat, with its grace period, and a later delete shortens it', async () => {
    const deleted = await k('delete', 'po', 'kubia-ssa', '--grace-period=600', '--wait=false');
    expect(deleted.stdout).toBe('pod "kubia-ssa" deleted\n');
    expect(door.t.say('alice', 'kubectl get po kubia-ssa --no-headers')).toMatch(
      /^kubia-ssa\s+1\/1\s+Terminating\s/,
    );
    const stamped = await k(
      'get',
      'po',
      'kubia-ssa',
      '-o',
      'jsonpath={.metadata.deletionGracePeriodSeconds}',
    );
    expect(stamped.stdout).toBe('600');
  });

  it('GIVEN delete -l and delete --all THEN the selected pods, then all, are gone in chat too', async () => {
    const byLabel = await timePassing(k('delete', 'po', '-l', 'creation_method=manual'));
    expect(byLabel.stdout).toBe(
      'pod "kubia-apply" deleted\npod "kubia-manual" deleted\npod "kubia-ssa" deleted\n',
    );
    const all = await timePassing(k('delete', 'po', '--all'));
    expect(all.stdout).toBe('pod "chatpod" deleted\npod "kubia" deleted\npod "watched" deleted\n');
    expect(door.t.say('alice', 'kubectl get po')).toBe('No resources found in default namespace.');
  });
});
