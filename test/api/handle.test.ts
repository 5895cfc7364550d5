import { describe, expect, it } from 'vitest';
import { discoveryResponse } from '../../src/api/discovery.ts';
import { handleResource } from '../../src/api/handle.ts';
import { openapiResponse } from '../../src/api/openapi.ts';
import { decodeProtobufObject } from '../../src/api/protobuf.ts';
import { routeOf } from '../../src/api/route.ts';
import { inSandbox } from '../../src/api/sandbox-run.ts';
import type { ApiRequest } from '../../src/api/types.ts';
import { testApp } from '../helpers/app.ts';
import { dumpDatabase, REPLY_TABLES } from '../helpers/dump.ts';

/**
 * The API layer on its own (no sockets): Kubernetes requests in, Kubernetes responses and the
 * store's changes out, in chat's transaction, so what one door writes the other reads.
 */
const KEY = { platform: 'console' as const, scope: 'test', user: 'alice' };

function request(
  method: string,
  path: string,
  body = '',
  contentType = 'application/json',
  accept = 'application/json',
): ApiRequest {
  const [p, q] = path.split('?');
  return { method, path: p ?? '', query: new URLSearchParams(q ?? ''), contentType, accept, body };
}

function call(t: ReturnType<typeof testApp>, r: ApiRequest) {
  const routed = routeOf(r.path);
  if (routed.kind === 'none') throw new Error(`no route: ${r.path}`);
  const handled = inSandbox(t.app, KEY, 10_000, (cluster, ids) =>
    handleResource(cluster, ids, r, routed.route),
  );
  return {
    status: handled.response.status,
    json: JSON.parse(handled.response.body),
    response: handled.response,
  };
}

const pod = (name: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: { app: name } },
    spec: { containers: [{ name: 'c', image: 'nginx' }] },
    ...extra,
  });

describe('the API layer', () => {
  it('GIVEN a POST THEN 201 with the stored pod, and chat lists it; a chat pod is listed by GET', () => {
    const t = testApp();
    const created = call(t, request('POST', '/api/v1/namespaces/default/pods', pod('web')));
    expect(created.status).toBe(201);
    expect(created.json.spec.nodeName).toMatch(/^node0\d$/);
    expect(t.say('alice', 'kubectl get po -o name')).toBe('pod/web');
    t.say('alice', 'kubectl run chat --image=nginx');
    const listed = call(t, request('GET', '/api/v1/namespaces/default/pods'));
    expect(listed.json.items.map((p: { metadata: { name: string } }) => p.metadata.name)).toEqual([
      'chat',
      'web',
    ]);
  });

  it.each([
    [
      'a missing pod',
      'GET',
      '/api/v1/namespaces/default/pods/nope',
      '',
      404,
      'NotFound',
      'pods "nope" not found',
    ],
    [
      'a missing deployment',
      'GET',
      '/apis/apps/v1/namespaces/default/deployments/x',
      '',
      404,
      'NotFound',
      'deployments.apps "x" not found',
    ],
    [
      'a duplicate',
      'POST',
      '/api/v1/namespaces/default/pods',
      pod('kube-proxy-x'),
      201,
      undefined,
      undefined,
    ],
    [
      'an invalid name',
      'POST',
      '/api/v1/namespaces/default/pods',
      pod('Bad_Name'),
      422,
      'Invalid',
      undefined,
    ],
    [
      'a namespace that does not exist',
      'POST',
      '/api/v1/namespaces/nope/pods',
      pod('x'),
      404,
      'NotFound',
      'namespaces "nope" not found',
    ],
    ['bad JSON', 'POST', '/api/v1/namespaces/default/pods', '{', 400, 'BadRequest', undefined],
    [
      'a node',
      'POST',
      '/api/v1/nodes',
      '{"apiVersion":"v1","kind":"Node","metadata":{"name":"n9"}}',
      403,
      'Forbidden',
      undefined,
    ],
    [
      'the default namespace',
      'DELETE',
      '/api/v1/namespaces/default',
      '',
      403,
      'Forbidden',
      'namespaces "default" is forbidden: this namespace may not be deleted',
    ],
    [
      'a bad label selector',
      'GET',
      '/api/v1/pods?labelSelector=env%20in%20(',
      '',
      400,
      'BadRequest',
      undefined,
    ],
    [
      'an unknown field selector',
      'GET',
      '/api/v1/pods?fieldSelector=spec.foo%3Dx',
      '',
      400,
      'BadRequest',
      'field label not supported: spec.foo',
    ],
  ])('GIVEN %s THEN %s answers %i with reason %s', (_name, method, path, body, code, reason, message) => {
    const t = testApp();
    const before = dumpDatabase(t.app.db, REPLY_TABLES);
    const answer = call(t, request(method, path, body));
    expect(answer.status).toBe(code);
    if (reason !== undefined) {
      expect(answer.json).toMatchObject({ kind: 'Status', status: 'Failure', reason, code });
      if (message !== undefined) expect(answer.json.message).toBe(message);
      expect(dumpDatabase(t.app.db, REPLY_TABLES)).toBe(before);
    }
  });

  it('GIVEN the same pod posted twice THEN the second is 409 AlreadyExists', () => {
    const t = testApp();
    call(t, request('POST', '/api/v1/namespaces/default/pods', pod('web')));
    const again = call(t, request('POST', '/api/v1/namespaces/default/pods', pod('web')));
    expect(again.json).toMatchObject({
      reason: 'AlreadyExists',
      code: 409,
      message: 'pods "web" already exists',
      details: { name: 'web', kind: 'pods' },
    });
  });

  it('GIVEN label and annotate patches THEN JSON merge patch sets and removes, and a no-op writes nothing', () => {
    const t = testApp();
    call(t, request('POST', '/api/v1/namespaces/default/pods', pod('web')));
    const merge = 'application/merge-patch+json';
    const labelled = call(
      t,
      request(
        'PATCH',
        '/api/v1/namespaces/default/pods/web',
        '{"metadata":{"labels":{"env":"prod"}}}',
        merge,
      ),
    );
    expect(labelled.json.metadata.labels).toEqual({ app: 'web', env: 'prod' });
    const removed = call(
      t,
      request('PATCH', '/api/v1/namespaces/default/pods/web', '{"metadata":{"labels":{"app":null}}}', merge),
    );
    expect(removed.json.metadata.labels).toEqual({ env: 'prod' });
    const before = dumpDatabase(t.app.db, REPLY_TABLES);
    call(
      t,
      request(
        'PATCH',
        '/api/v1/namespaces/default/pods/web',
        '{"metadata":{"labels":{"env":"prod"}}}',
        merge,
      ),
    );
    expect(dumpDatabase(t.app.db, REPLY_TABLES)).toBe(before);
    expect(t.say('alice', 'kubectl get po web --show-labels --no-headers')).toMatch(/\senv=prod$/);
  });

  it("GIVEN a patch that changes more than images THEN 422 with the API server's Forbidden cause", () => {
    const t = testApp();
    call(t, request('POST', '/api/v1/namespaces/default/pods', pod('web')));
    const smp = 'application/strategic-merge-patch+json';
    const image = call(
      t,
      request(
        'PATCH',
        '/api/v1/namespaces/default/pods/web',
        '{"spec":{"containers":[{"name":"c","image":"nginx:2"}]}}',
        smp,
      ),
    );
    expect(image.json.spec.containers[0].image).toBe('nginx:2');
    const node = call(
      t,
      request('PATCH', '/api/v1/namespaces/default/pods/web', '{"spec":{"restartPolicy":"Never"}}', smp),
    );
    expect(node.status).toBe(422);
    expect(node.json.details.causes[0].field).toBe('spec');
    expect(node.json.message).toContain(
      'pod updates may not change fields other than `spec.containers[*].image`',
    );
  });

  it('GIVEN a PUT of the manifest the pod was made from THEN 422: the whole body replaces the stored object, and it leaves out the node and the token volume', () => {
    const t = testApp();
    call(t, request('POST', '/api/v1/namespaces/default/pods', pod('web')));
    const path = '/api/v1/namespaces/default/pods/web';
    const refused = call(t, request('PUT', path, pod('web').replace('"nginx"', '"nginx:2"')));
    expect(refused.status).toBe(422);
    const message: string = refused.json.message;
    expect(message).toContain('pod updates may not change fields other than');
    for (const line of [
      '- \tVolumes:',
      '+ \tVolumes:        nil,',
      '- \tNodeName:',
      '+ \tNodeName:                     "",',
    ])
      expect(message).toContain(line);
    // Priority admission puts the stored priority back into an update that leaves it out.
    expect(message).not.toContain('Priority:');
    expect(call(t, request('GET', path)).json.spec.containers[0].image).toBe('nginx');
  });

  it('GIVEN a PUT of the stored object with a new image and labels THEN 200 and both change; a body naming another object or namespace is a 400 first', () => {
    const t = testApp();
    call(t, request('POST', '/api/v1/namespaces/default/pods', pod('web')));
    const path = '/api/v1/namespaces/default/pods/web';
    const stored = call(t, request('GET', path)).json;
    stored.spec.containers[0].image = 'nginx:2';
    stored.metadata.labels = { tier: 'x' };
    const replaced = call(t, request('PUT', path, JSON.stringify(stored)));
    expect(replaced.status).toBe(200);
    expect(replaced.json.spec.containers[0].image).toBe('nginx:2');
    expect(replaced.json.metadata.labels).toEqual({ tier: 'x' });
    const renamed = call(t, request('PUT', '/api/v1/namespaces/default/pods/gone', pod('other')));
    expect([renamed.status, renamed.json.message]).toEqual([
      400,
      'the name of the object (other) does not match the name on the URL (gone)',
    ]);
    const moved = JSON.parse(pod('web'));
    moved.metadata.namespace = 'kube-system';
    const elsewhere = call(t, request('PUT', path, JSON.stringify(moved)));
    expect([elsewhere.status, elsewhere.json.message]).toEqual([
      400,
      'the namespace of the object (kube-system) does not match the namespace on the request (default)',
    ]);
  });

  it('GIVEN a PUT body with an unknown field THEN 400 under fieldValidation=Strict, a warning under Warn', () => {
    const t = testApp();
    call(t, request('POST', '/api/v1/namespaces/default/pods', pod('web')));
    const path = '/api/v1/namespaces/default/pods/web';
    const stored = call(t, request('GET', path)).json;
    stored.spec.foo = 'bar';
    const strict = call(t, request('PUT', `${path}?fieldValidation=Strict`, JSON.stringify(stored)));
    expect([strict.status, strict.json.message]).toEqual([
      400,
      'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.foo"',
    ]);
    const warned = call(t, request('PUT', `${path}?fieldValidation=Warn`, JSON.stringify(stored)));
    expect(warned.status).toBe(200);
    expect(warned.response.warnings).toEqual(['unknown field "spec.foo"']);
  });

  it("GIVEN a PUT of the plain manifest to the status subresource THEN 200 with the pod as stored: the spec is not the status endpoint's", () => {
    const t = testApp();
    call(t, request('POST', '/api/v1/namespaces/default/pods', pod('web')));
    const before = call(t, request('GET', '/api/v1/namespaces/default/pods/web')).json;
    const status = call(t, request('PUT', '/api/v1/namespaces/default/pods/web/status', pod('web')));
    expect(status.status).toBe(200);
    expect(status.json).toEqual(before);
  });

  it('GIVEN a PUT to a subresource pods do not have THEN 404, as chat answers replace --subresource=scale; to one they have but the door does not write, 405', () => {
    const t = testApp();
    call(t, request('POST', '/api/v1/namespaces/default/pods', pod('web')));
    const scale = call(t, request('PUT', '/api/v1/namespaces/default/pods/web/scale', pod('web')));
    expect([scale.status, scale.json.message]).toEqual([
      404,
      'the server could not find the requested resource',
    ]);
    const exec = call(t, request('PUT', '/api/v1/namespaces/default/pods/web/exec', pod('web')));
    expect(exec.status).toBe(405);
  });

  it('GIVEN the Table Accept THEN the server computes the cells kubectl prints', () => {
    const t = testApp();
    call(t, request('POST', '/api/v1/namespaces/default/pods', pod('web')));
    const table = call(
      t,
      request(
        'GET',
        '/api/v1/namespaces/default/pods',
        '',
        '',
        'application/json;as=Table;v=v1;g=meta.k8s.io,application/json',
      ),
    );
    expect(table.response.contentType).toBe('application/json;as=Table;v=v1;g=meta.k8s.io');
    expect(table.json.columnDefinitions.map((c: { name: string }) => c.name)).toEqual([
      'Name',
      'Ready',
      'Status',
      'Restarts',
      'Age',
      'IP',
      'Node',
      'Nominated Node',
      'Readiness Gates',
    ]);
    expect(table.json.rows[0].cells.slice(0, 5)).toEqual(['web', '0/1', 'ContainerCreating', '0', '0s']);
    expect(table.json.rows[0].object).toMatchObject({
      kind: 'PartialObjectMetadata',
      metadata: { name: 'web', labels: { app: 'web' } },
    });
  });

  it('GIVEN a request past its time budget THEN it is rolled back and answered 429', () => {
    const t = testApp();
    t.app.sandboxes.open(KEY, t.clock.now);
    const r = request('POST', '/api/v1/namespaces/default/pods', pod('slow'));
    const routed = routeOf(r.path);
    if (routed.kind === 'none') throw new Error('no route');
    const handled = inSandbox(t.app, KEY, -1, (cluster, ids) =>
      handleResource(cluster, ids, r, routed.route),
    );
    expect(handled.response.status).toBe(429);
    expect(JSON.parse(handled.response.body)).toMatchObject({
      kind: 'Status',
      reason: 'TooManyRequests',
      code: 429,
    });
    expect(t.say('alice', 'kubectl get po')).toBe('No resources found in default namespace.');
  });

  it('GIVEN a dry run THEN the answer is the pod and nothing is stored', () => {
    const t = testApp();
    const before = dumpDatabase(t.app.db, REPLY_TABLES);
    t.app.sandboxes.open(KEY, t.clock.now);
    const dry = call(t, request('POST', '/api/v1/namespaces/default/pods?dryRun=All', pod('dry')));
    expect(dry.status).toBe(201);
    expect(t.say('alice', 'kubectl get po')).toBe('No resources found in default namespace.');
    expect(before).not.toBe('');
  });

  it('GIVEN a pod with an unknown field under fieldValidation=Strict THEN 400 in the decoder’s words after the kind (reference/kubectl.md)', () => {
    const t = testApp();
    t.app.sandboxes.open(KEY, t.clock.now);
    const body = JSON.stringify({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'bad', namespace: 'default' },
      spec: { containers: [{ name: 'c', image: 'nginx', bogus: 1 }] },
    });
    const refused = call(t, request('POST', '/api/v1/namespaces/default/pods?fieldValidation=Strict', body));
    expect(refused.status).toBe(400);
    expect(refused.json.message).toBe(
      'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].bogus"',
    );
  });

  it('GIVEN kubectl delete --dry-run=server (DeleteOptions.dryRun in the body, kubectl 1.33) THEN the pod is answered and stays', () => {
    const t = testApp();
    t.say('alice', 'kubectl run web --image=nginx');
    const body = JSON.stringify({ dryRun: ['All'], propagationPolicy: 'Background' });
    const dry = call(t, request('DELETE', '/api/v1/namespaces/default/pods/web', body));
    expect(dry.status).toBe(200);
    expect(dry.json.metadata.name).toBe('web');
    expect(t.say('alice', 'kubectl get po -o name')).toBe('pod/web');
    const gone = call(
      t,
      request('DELETE', '/api/v1/namespaces/default/pods/web', '{"propagationPolicy":"Background"}'),
    );
    expect(gone.status).toBe(200);
    t.advance(60_000);
    expect(t.say('alice', 'kubectl get po')).toBe('No resources found in default namespace.');
  });
});

describe('protobuf bodies', () => {
  it('GIVEN the bytes kubectl create namespace foo sends THEN they read as a Namespace named foo', () => {
    const captured =
      '6b3873000a0f0a0276311209' +
      '4e616d657370616365' +
      '121b0a130a03666f6f12001a0022002a003200380042001200' +
      '1a020a00' +
      '1a00' +
      '2200';
    expect(decodeProtobufObject(Buffer.from(captured, 'hex'))).toEqual({
      ok: true,
      value: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'foo' } },
    });
  });

  it.each([
    ['no magic', '0a0f0a02'],
    ['a length past the end', '6b3873000aff01'],
    ['a varint that never ends', `6b387300${'ff'.repeat(20)}`],
  ])('GIVEN %s THEN the body is refused, not read past its end', (_name, hex) => {
    expect(decodeProtobufObject(Buffer.from(hex, 'hex')).ok).toBe(false);
  });
});

describe('discovery and OpenAPI', () => {
  it("GIVEN kubectl's aggregated Accept THEN /api and /apis answer with the exact aggregated Content-Type", () => {
    const accept = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json';
    const api = discoveryResponse('/api', accept);
    expect(api?.contentType).toBe('application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList');
    const pods = JSON.parse(api?.body ?? '{}').items[0].versions[0].resources.find(
      (r: { resource: string }) => r.resource === 'pods',
    );
    expect(pods).toMatchObject({ scope: 'Namespaced', shortNames: ['po'], categories: ['all'] });
    expect(JSON.parse(discoveryResponse('/apis', 'application/json')?.body ?? '{}').kind).toBe(
      'APIGroupList',
    );
  });

  it('GIVEN /openapi/v3/api/v1 THEN the Pod PATCH operation lists fieldValidation, as kubectl create checks', () => {
    const root = JSON.parse(openapiResponse('/openapi/v3')?.body ?? '{}');
    const url: string = root.paths['api/v1'].serverRelativeURL;
    const doc = JSON.parse(openapiResponse(url.split('?')[0] ?? '')?.body ?? '{}');
    const patch = doc.paths['/api/v1/namespaces/{namespace}/pods/{name}'].patch;
    expect(patch['x-kubernetes-group-version-kind']).toEqual({ group: '', kind: 'Pod', version: 'v1' });
    expect(patch.parameters.map((p: { name: string }) => p.name)).toContain('fieldValidation');
    expect(doc.components.schemas['io.k8s.api.core.v1.PodSpec'].required).toEqual(['containers']);
  });
});
