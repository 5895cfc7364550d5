import { describe, expect, it } from 'vitest';
import { parseMapArgs } from '../../src/map/args.ts';
import { mapReply, mapSvg } from '../../src/map/map.ts';
import { mapText } from '../../src/map/text.ts';
import { GPU_POD, mapFixture, walkthrough } from './fixtures.ts';

/**
 * The map's SVG (text as <text>, the same layout the PNG is drawn from) at the notes' walkthrough
 * points, with a selector and with a Pending pod, pinned as golden files. What each golden must
 * show is also asserted in words, so a golden regenerated carelessly still fails here.
 */
const golden = (name: string) => new URL(`./__golden__/${name}.svg`, import.meta.url).pathname;

describe('sandbox map SVG', () => {
  it('GIVEN run kubia WHEN mapped THEN kubia sits inside a worker with its IP, phase word and container port', async () => {
    const f = walkthrough(1);
    const svg = mapSvg(f.view(), 'en');
    expect(svg).toContain('>kubia</text>');
    expect(svg).toContain('Running   READY 1/1');
    expect(svg).toMatch(/IP 10\.244\.\d+\.\d+/);
    expect(svg).toContain('kubia · luksa/kubia  :8080');
    await expect(svg).toMatchFileSnapshot(golden('walkthrough-1-run'));
  });

  it('GIVEN a two-container pod and a port-forward WHEN mapped THEN both containers share one localhost box and the computer forwards to it', async () => {
    const f = walkthrough(2);
    const svg = mapSvg(f.view(), 'en');
    expect(svg).toContain('one localhost, one IP');
    expect(svg).toContain('localhost:8888 → kubia-sidecar:8080');
    expect(svg).toContain('proxy · nginx  :80');
    expect(svg).toMatch(/<line [^>]*marker-end/);
    await expect(svg).toMatchFileSnapshot(golden('walkthrough-2-sidecar-forward'));
  });

  it('GIVEN node01 labelled gpu=true and a pod selecting it WHEN mapped THEN the node shows the label and the pod sits on node01', async () => {
    const f = walkthrough(3);
    const view = f.view();
    expect(view.pods.find((p) => p.name === 'kubia-gpu')?.node).toBe('node01');
    expect(view.nodes.find((n) => n.name === 'node01')?.labels).toEqual(['gpu=true']);
    await expect(mapSvg(view, 'en')).toMatchFileSnapshot(golden('walkthrough-3-gpu'));
  });

  it('GIVEN -l env!=prod WHEN mapped THEN pods without env match too, and the env=prod pod says which requirement excluded it', async () => {
    const f = mapFixture().run(
      'kubectl run prod --image=luksa/kubia --labels=env=prod,app=kubia',
      'kubectl run dev --image=luksa/kubia --labels=env=dev',
      'kubctl run plain --image=nginx'.replace('kubctl', 'kubectl'),
    );
    const view = f.view("-l 'env!=prod'");
    const verdicts = Object.fromEntries(view.pods.map((p) => [p.name, p.verdict]));
    expect(verdicts).toEqual({
      dev: { kind: 'match' },
      plain: { kind: 'match' },
      prod: { kind: 'miss', requirement: 'env!=prod', has: 'env=prod', key: 'env' },
    });
    const svg = mapSvg(view, 'en');
    expect(svg).toContain('✗ env!=prod: has env=prod');
    expect(svg.match(/✓ matches -l/g)).toHaveLength(2);
    expect(svg).toContain('-l env!=prod: 2 of 3 pods match');
    await expect(svg).toMatchFileSnapshot(golden('selector-not-equals'));
  });

  it('GIVEN !gpu and a pod labelled gpu WHEN mapped THEN the miss reads "!gpu: has gpu"; a missing key reads "no KEY"', () => {
    const f = mapFixture().run(
      'kubectl run a --image=nginx --labels=gpu=true',
      'kubectl run b --image=nginx',
    );
    expect(mapText(f.view("-l '!gpu'"), 'en')).toContain('✗ !gpu: has gpu');
    expect(mapText(f.view('-l gpu=true'), 'en')).toContain('✗ gpu=true: no gpu');
    expect(mapText(f.view("-l '!gpu'"), 'ko')).toContain('✗ !gpu: gpu 있음');
  });

  it('GIVEN a pod whose nodeSelector no node matches WHEN mapped THEN it stands outside every node with the reason', async () => {
    const f = mapFixture().run(GPU_POD).advance(30);
    const view = f.view();
    expect(view.pods[0]?.pending).toEqual({ kind: 'selector', selector: 'gpu=true' });
    const svg = mapSvg(view, 'en');
    expect(svg).toContain('Pending: on no node');
    expect(svg).toContain('nodeSelector gpu=true: no node matches');
    await expect(svg).toMatchFileSnapshot(golden('pending-gpu'));
  });

  it('GIVEN a pod bound by nodeName to a node the cluster lacks WHEN mapped THEN it stands outside every node, saying so', () => {
    const ghost =
      'kubectl create -f -\n```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: ghost\nspec:\n  nodeName: nope\n  containers:\n  - name: c\n    image: nginx\n```';
    const view = mapFixture().run(ghost).advance(10).view();
    expect(view.pods[0]).toMatchObject({
      name: 'ghost',
      node: null,
      pending: { kind: 'noSuchNode', node: 'nope' },
    });
    expect(mapSvg(view, 'en')).toContain('>nodeName nope: no such node<');
    expect(mapText(view, 'ko')).toContain('nodeName nope: 그런 노드 없음');
  });

  it('GIVEN a pod curling another WHEN mapped THEN an arrow joins them labelled with the caller IP', () => {
    const f = mapFixture()
      .run('kubectl run kubia --image=luksa/kubia --port=8080', 'kubectl run client --image=nginx')
      .advance(20);
    const ip = f.view().pods.find((p) => p.name === 'kubia')?.ip;
    const caller = f.view().pods.find((p) => p.name === 'client')?.ip;
    f.run(`kubectl exec client -- curl -s ${ip}:8080`);
    const view = f.view();
    expect(view.requests).toMatchObject([
      { from: caller, fromPod: { name: 'client' }, to: { name: 'kubia' }, port: 8080 },
    ]);
    const svg = mapSvg(view, 'en');
    expect(svg).toContain(`from ${caller}`);
    expect(svg.match(/stroke-dasharray="5 4" marker-end/g)).toHaveLength(1);
  });

  it('GIVEN the same sandbox twice WHEN mapped THEN the SVG is byte for byte the same', () => {
    expect(mapSvg(walkthrough(2).view(), 'ko')).toBe(mapSvg(walkthrough(2).view(), 'ko'));
  });
});

describe('map arguments', () => {
  it.each([
    ['', { namespace: 'default', selector: null, text: false }],
    ['-A --text', { namespace: null, selector: null, text: true }],
    ['-n kube-system', { namespace: 'kube-system', selector: null, text: false }],
    ['--namespace=x -l app=a', { namespace: 'x', text: false }],
  ])('GIVEN "%s" THEN %j', (args, expected) => {
    const parsed = parseMapArgs(args);
    expect(parsed.ok && parsed.value).toMatchObject(expected);
  });

  it.each(['--bogus', '-n', "'unclosed", '-l'])('GIVEN "%s" THEN the usage', (args) => {
    expect(parseMapArgs(args)).toEqual({ ok: false, error: { kind: 'usage' } });
  });

  it("GIVEN -l 'env in (' THEN kubectl's BadRequest wording", () => {
    const parsed = parseMapArgs("-l 'env in ('");
    expect(!parsed.ok && parsed.error.kind === 'selector' && parsed.error.message).toMatch(
      /^Error from server \(BadRequest\): Unable to find "\/v1, Resource=pods" that match label selector "env in \("/,
    );
  });
});

describe('map reply', () => {
  it('GIVEN drawing fails WHEN /sandbox map THEN the reply says so and carries the text tree, no file', () => {
    const f = walkthrough(1);
    const request = parseMapArgs('');
    if (!request.ok) throw new Error('args');
    const reply = mapReply(f.cluster(), request.value, 'en', () => ({ ok: false, error: 'boom' }));
    expect(reply.files).toBeUndefined();
    expect(reply.blocks[0]?.text).toContain('could not be drawn');
    expect(reply.blocks[1]).toMatchObject({ kind: 'code' });
    expect(reply.blocks[1]?.text).toContain('pod kubia  Running  READY 1/1');
  });

  it('GIVEN a drawable sandbox WHEN /sandbox map THEN a caption and one PNG file, and nothing in the sandbox changes', () => {
    const f = walkthrough(2);
    const before = JSON.stringify(f.cluster());
    const reply = f.t.send('alice', '/sandbox map');
    expect(reply.ok).toBe(true);
    expect(reply.files?.map((file) => [file.name, file.contentType])).toEqual([
      ['sandbox-map.png', 'image/png'],
    ]);
    expect(JSON.stringify(f.cluster())).toBe(before);
  });

  it('GIVEN bad arguments WHEN /sandbox map THEN an error reply and no file', () => {
    const f = mapFixture();
    expect(f.t.send('alice', '/sandbox map --bogus')).toMatchObject({ ok: false });
    const bad = f.t.send('alice', "/sandbox map -l 'env in ('");
    expect(bad.ok).toBe(false);
    expect(bad.files).toBeUndefined();
  });
});
