import { describe, expect, it } from 'vitest';
import { verbSandbox } from './verb-sandbox.ts';

/** `--request-timeout`, as kubectl 1.33 answers it against Podium's API door. */
const INVALID =
  'error: Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)';

describe('kubectl --request-timeout', () => {
  const box = verbSandbox();
  box.kubectl('run web --image=nginx');

  it.each([
    'get po -o name --request-timeout=5',
    'get po -o name --request-timeout=0',
    'get po -o name --request-timeout=1.5s',
    '--request-timeout 5s get po -o name',
  ])('GIVEN %s THEN the answer is the one without it', (line) => {
    expect(box.kubectl(line)).toEqual({ text: 'pod/web', ok: true });
  });

  it.each([
    'get po --request-timeout=x',
    'get po --request-timeout=-1',
    'get po --request-timeout=x -o bogus',
    'version --request-timeout=x',
    'explain pods --request-timeout=x',
    'api-resources --request-timeout=x',
    'api-versions --request-timeout=x',
    'delete po web --request-timeout=x',
  ])('GIVEN %s THEN kubectl refuses it when it builds a client, and nothing changes', (line) => {
    expect(box.kubectl(line)).toEqual({ text: INVALID, ok: false });
    expect(box.kubectl('get po -o name').text).toBe('pod/web');
  });

  it('GIVEN no client to build, or a missing argument said first THEN not the timeout', () => {
    expect(box.kubectl('version --client --request-timeout=x').ok).toBe(true);
    expect(box.kubectl('get --request-timeout=x').text).toMatch(
      /^You must specify the type of resource to get/,
    );
    expect(box.kubectl('logs --request-timeout=x').text).toMatch(/^error: expected 'logs/);
    expect(box.kubectl('api-versions x --request-timeout=x').text).toBe(
      "error: unexpected arguments: [x]\nSee 'kubectl api-versions -h' for help and examples",
    );
  });
});
