import { describe, expect, it } from 'vitest';
import { unquotedJson } from '../../src/guide/unquoted-json.ts';

/** A JSON flag's value typed without quotes, found in the line as typed (src/guide/unquoted-json.ts). */
describe('unquoted JSON in a command line', () => {
  it.each([
    ['patch', 'patch po x -p {"a":"b"}', '{a:b}', `patch po x -p '{"a":"b"}'`],
    [
      'patch',
      'patch po x --patch {"a":1} --dry-run=client',
      '{a:1}',
      `patch po x --patch '{"a":1}' --dry-run=client`,
    ],
    ['patch', 'patch po x --patch={"a":1}', '{a:1}', `patch po x --patch='{"a":1}'`],
    ['patch', 'patch po x -p={"a":1}', '{a:1}', `patch po x -p='{"a":1}'`],
    ['patch', 'patch po x -p{"a":1}', '{a:1}', `patch po x -p'{"a":1}'`],
    // A quoted part with a space stays one word, as the shell keeps it.
    ['patch', 'patch po x -p {"a":"b c"}', '{a:b c}', `patch po x -p '{"a":"b c"}'`],
    [
      'patch',
      'patch po x --type=json -p [{"op":"remove","path":"/a"}]',
      '[{op:remove,path:/a}]',
      `patch po x --type=json -p '[{"op":"remove","path":"/a"}]'`,
    ],
    // A chat app's typographic quotes are the shell's quotes too; the fix has plain ones.
    ['patch', 'patch po x -p {“a”:“b”}', '{a:b}', `patch po x -p '{"a":"b"}'`],
    [
      'run',
      'run y --image=nginx --overrides={"apiVersion":"v1"}',
      '{apiVersion:v1}',
      `run y --image=nginx --overrides='{"apiVersion":"v1"}'`,
    ],
    // Given twice, the flag's last value is the one kubectl reads.
    ['patch', `patch po x -p '{"a":1}' -p {"b":2}`, '{b:2}', `patch po x -p '{"a":1}' -p '{"b":2}'`],
  ])('GIVEN `%s` as `%s` THEN kubectl got %s and the fix is %s', (verb, line, given, fixed) => {
    expect(unquotedJson(verb, line)).toEqual({ given, fixed });
  });

  it.each([
    ['patch', `patch po x -p '{"a":"b"}'`],
    ['patch', 'patch po x -p "{a:b}"'],
    ['patch', `patch po x -p {"a":1} -p '{"b":2}'`],
    ['patch', 'patch po x -p metadata:'],
    ['patch', 'patch po x --patchy={"a":1}'],
    // A single quote cannot go inside single quotes; a backslash would change its meaning there.
    ['patch', `patch po x -p {"a":"it's"}`],
    ['patch', 'patch po x -p {\\"a\\":1}'],
    ['patch', 'patch po x -p {"a:1}'],
    ['patch', 'patch po x -p'],
    ['get', 'get po {x}'],
    ['run', 'run y --image=busybox -- sh -c {echo} --overrides={"a":1}'],
    ['run', 'run y --image=nginx -p {"a":1}'],
  ])('GIVEN `%s` as `%s` THEN there is no unquoted JSON value to fix', (verb, line) => {
    expect(unquotedJson(verb, line)).toBeNull();
  });

  it('GIVEN a line of many thousand words THEN it is read in linear time and left alone', () => {
    const line = `patch po x ${'a '.repeat(50_000)}-p {"a":1}`;
    const started = performance.now();
    expect(unquotedJson('patch', line)).toBeNull();
    expect(performance.now() - started).toBeLessThan(200);
  });
});
