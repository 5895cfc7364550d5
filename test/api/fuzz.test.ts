import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpDatabase, REPLY_TABLES } from '../helpers/dump.ts';
import { type Door, openDoor } from './harness.ts';
import { raw } from './http.ts';

/**
 * Acceptance 4 (hostile input): 1,000 requests a seeded generator makes from bad JSON, huge and
 * deep bodies, broken patches, bad selectors, path tricks and odd methods and media types. The
 * door must answer every one (an error always as a Status with its HTTP code), never crash,
 * and leave the database exactly as it was; afterwards it still serves kubectl's requests.
 */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return {
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}

const PODS = '/api/v1/namespaces/default/pods';
const deep = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;

interface Hostile {
  method: string;
  path: string;
  body?: string;
  headers?: Record<string, string>;
  token: boolean;
}

function hostile(g: ReturnType<typeof generator>, i: number): Hostile {
  const selectors = [
    'env in (',
    '!!x',
    'a=b=c',
    '=',
    'x notin',
    `${'a'.repeat(300)}=b`,
    'env in (a,b',
    ',',
    'a,,b',
    '(',
    'metadata.name',
    'k=\u0000',
  ];
  const paths = [
    '/api/v1/namespaces/../pods',
    '/api/v1/namespaces/%2e%2e/pods',
    '//api//v1//pods',
    '/api/v1/namespaces/default/pods/%2F..%2F..',
    `/api/v1/namespaces/default/pods/${'x'.repeat(5000)}`,
    '/api/v1/namespaces/default/pods/kubia/log/extra/more',
    '/shared/../api/v1/pods',
    '/shared/%00/api/v1/pods',
    '/apis/../../etc/passwd',
    '/api/v1/namespaces/default/pods/kubia/exec?command=sh',
    '/openapi/v3/../v2',
    '/api/v1/namespaces/default/pods/%zz',
    `/api/v1/${'a/'.repeat(40)}`,
    '/api/v1/namespaces/default/pods/nope?watch=true&fieldSelector=spec.foo%3Dx',
  ];
  const bodies = [
    '{',
    '[]',
    'null',
    '"pod"',
    deep(2000),
    '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"Bad_Name"},"spec":{"containers":[]}}',
    '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","namespace":"kube-system"},"spec":{"containers":[{"name":"c","image":"x"}]}}',
    '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","labels":{"a":1}},"spec":{"containers":[{"name":"c","image":"x"}]}}',
    '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"c","image":"x","ports":[{"containerPort":"80"}]}]}}',
    '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"c","image":"x"}],"foo":1}}',
    '{"__proto__":{"polluted":true},"kind":"Pod"}',
    '\u0000\u0001\u0002',
  ];
  const patches = [
    '{"metadata":{"labels":{"bad key!":"x"}}}',
    '{"spec":{"containers":[{"image":"x"}]}}',
    '{"spec":{"containers":[{"name":"kubia","image":""}]}}',
    '{"spec":{"nodeName":"node02"}}',
    '{"metadata":{"name":"other"}}',
    '{"$patch":"explode"}',
    '{"metadata":{"$unknown":1}}',
    deep(100),
    '{"metadata":{"annotations":{"k":5}}}',
    '[]',
    'nope',
  ];
  const patchTypes = [
    'application/merge-patch+json',
    'application/strategic-merge-patch+json',
    'application/json-patch+json',
    'application/apply-patch+yaml',
    'text/plain',
  ];
  const token = i % 17 !== 0;
  switch (g.int(7)) {
    case 0:
      return {
        method: 'POST',
        path: `${PODS}?fieldValidation=Strict`,
        body: g.pick(bodies),
        token,
        headers: {
          'Content-Type': g.pick(['application/json', 'application/vnd.kubernetes.protobuf', 'text/html']),
        },
      };
    case 1:
      return {
        method: 'PATCH',
        path: `${PODS}/kubia`,
        body: g.pick(patches),
        token,
        headers: { 'Content-Type': g.pick(patchTypes) },
      };
    case 2: {
      const which = g.pick(['labelSelector', 'fieldSelector']);
      return { method: 'GET', path: `${PODS}?${which}=${encodeURIComponent(g.pick(selectors))}`, token };
    }
    case 3:
      return {
        method: g.pick(['GET', 'DELETE', 'PUT', 'POST']),
        path: g.pick(paths),
        token,
        ...(g.int(2) === 0 ? { body: g.pick(bodies) } : {}),
      };
    case 4:
      return { method: g.pick(['TRACE', 'OPTIONS', 'PROPFIND', 'HEAD']), path: PODS, token };
    case 5:
      return { method: 'PUT', path: `${PODS}/kubia`, body: g.pick(bodies), token };
    default:
      return i % 250 === 0
        ? { method: 'POST', path: PODS, body: `{"a":"${'x'.repeat(1_100_000)}"}`, token }
        : { method: 'DELETE', path: `${PODS}/nope`, token, body: g.pick(bodies) };
  }
}

describe('1,000 hostile HTTP requests', () => {
  let door: Door;
  let token: string;
  beforeAll(async () => {
    door = await openDoor({ rate: { burst: 100_000, refillMs: 1 } });
    token = door.kubeconfig('alice').token;
    door.t.say('alice', 'kubectl run kubia --image=luksa/kubia');
  });
  afterAll(() => door.close());

  it('GIVEN the fuzz requests THEN each is answered (errors as Status), nothing crashes and nothing changes', async () => {
    const before = dumpDatabase(door.t.app.db, REPLY_TABLES);
    const g = generator(18);
    const statuses = new Map<number, number>();
    for (let batch = 0; batch < 50; batch++) {
      const sent = Array.from({ length: 20 }, (_, j) => hostile(g, batch * 20 + j));
      const answers = await Promise.all(
        sent.map((h) =>
          raw(door.url, door.tls.ca, {
            method: h.method,
            path: h.path,
            ...(h.token ? { token } : {}),
            ...(h.body === undefined ? {} : { body: h.body }),
            ...(h.headers === undefined ? {} : { headers: h.headers }),
          }),
        ),
      );
      answers.forEach((a, j) => {
        statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
        if (a.status >= 400 && sent[j]?.method !== 'HEAD') {
          const status = JSON.parse(a.body);
          expect(status).toMatchObject({ kind: 'Status', status: 'Failure', code: a.status });
        }
      });
    }
    console.log(`fuzz: 1000 requests, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(1000);
    expect(dumpDatabase(door.t.app.db, REPLY_TABLES)).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const after = await raw(door.url, door.tls.ca, { path: `${PODS}/kubia`, token });
    expect(after.status).toBe(200);
    expect(door.t.say('alice', 'kubectl get po -o name')).toBe('pod/kubia');
  });
});
