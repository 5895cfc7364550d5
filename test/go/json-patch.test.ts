import { describe, expect, it } from 'vitest';
import { applyJsonPatch, decodeJsonPatch } from '../../src/go/json-patch.ts';
import type { JsonObject, JsonValue } from '../../src/go/json-value.ts';

/**
 * The patch applied to a small document, as evanphx/json-patch v4.12.0 (kubectl 1.33, the 1.34 API
 * server) applies it, its copies limited to 1 MiB.
 */
function patched(doc: JsonObject, ops: JsonValue, copyLimit = 1 << 20): JsonValue | string {
  const decoded = decodeJsonPatch(ops);
  if (!decoded.ok) return decoded.error;
  const applied = applyJsonPatch(structuredClone(doc), decoded.value, copyLimit);
  return applied.ok ? applied.value.doc : applied.error;
}

const DOC: JsonObject = { a: { b: [1, 2, 3] }, k: 'v' };

describe('RFC 6902 JSON patch with the library kubectl 1.33 uses', () => {
  it.each<[string, JsonValue, JsonValue | string]>([
    [
      // For add, -1 is the new last place (the list is one longer), so -2 goes before the last item.
      'a negative index counts from the end',
      [{ op: 'add', path: '/a/b/-2', value: 9 }],
      { a: { b: [1, 2, 9, 3] }, k: 'v' },
    ],
    ['"-" appends', [{ op: 'add', path: '/a/b/-', value: 9 }], { a: { b: [1, 2, 3, 9] }, k: 'v' }],
    [
      'replace of an absent key adds it',
      [{ op: 'replace', path: '/n', value: 1 }],
      { a: { b: [1, 2, 3] }, k: 'v', n: 1 },
    ],
    ['replace of the root with a scalar does nothing', [{ op: 'replace', path: '', value: 5 }], DOC],
    [
      'copy of an absent key copies null',
      [{ op: 'copy', from: '/zz', path: '/c' }],
      { a: { b: [1, 2, 3] }, k: 'v', c: null },
    ],
    [
      '~1 and ~0 unescape in a token',
      [{ op: 'add', path: '/x~1y~0z', value: 1 }],
      { a: { b: [1, 2, 3] }, k: 'v', 'x/y~z': 1 },
    ],
    ['an absent value is null', [{ op: 'add', path: '/n' }], { a: { b: [1, 2, 3] }, k: 'v', n: null }],
    ['null is no patch', null, DOC],
    [
      'an index that is not a number',
      [{ op: 'add', path: '/a/b/x', value: 1 }],
      `error in add for path: '/a/b/x': value was not a proper array index: 'x': strconv.Atoi: parsing "x": invalid syntax`,
    ],
    [
      'remove past the end',
      [{ op: 'remove', path: '/a/b/3' }],
      "error in remove for path: '/a/b/3': Unable to access invalid index: 3: invalid index referenced",
    ],
    [
      'a path that is not a string',
      [{ op: 'replace', path: 7 }],
      'replace operation failed to decode path: json: cannot unmarshal number into Go value of type string',
    ],
    [
      'move without from',
      [{ op: 'move', path: '/x' }],
      'move operation failed to decode from: operation, missing from field: missing value',
    ],
    ['a test that fails', [{ op: 'test', path: '/k', value: 'w' }], 'testing value /k failed: test failed'],
    ['a string patch', 'x', 'json: cannot unmarshal string into Go value of type jsonpatch.Patch'],
    // Once pinned by the API server's own copy with other words (test/cluster/patch.test.ts):
    // patch.go partialDoc.remove wraps ErrMissing "Unable to remove nonexistent key: %s" (the key,
    // not the path), and Patch.remove wraps that as "error in remove for path: '%s'".
    [
      'remove of an absent key',
      [{ op: 'remove', path: '/a/zz' }],
      "error in remove for path: '/a/zz': Unable to remove nonexistent key: zz: missing value",
    ],
    // Patch.replace: a key the container cannot get is "doc is missing key: %s", unquoted.
    [
      'replace past the end of a list',
      [{ op: 'replace', path: '/a/b/5', value: 1 }],
      'replace operation does not apply: doc is missing key: /a/b/5: missing value',
    ],
    [
      'move from an absent key names the key',
      [{ op: 'move', from: '/a/zz', path: '/m' }],
      "error in move for path: 'zz': Unable to remove nonexistent key: zz: missing value",
    ],
    ['an unknown op', [{ op: 'bogus', path: '/x' }], 'Unexpected kind: bogus'],
  ])('GIVEN %s THEN the document or error is the library’s', (_name, ops, expected) => {
    expect(patched(DOC, ops)).toEqual(expected);
  });

  it('GIVEN copies that double the document each time THEN the total copied is capped, not built', () => {
    const ops = [{ op: 'add', path: '/d', value: 'x'.repeat(1000) }];
    for (let i = 0; i < 40; i++) ops.push({ op: 'copy', from: '', path: `/d${i}` } as never);
    // A copy from the root: the path "" names no container, so it is refused at once.
    expect(patched({}, ops)).toBe('copy operation does not apply: doc is missing from path: : missing value');
    const doubling: JsonValue[] = [{ op: 'add', path: '/a', value: { v: 'x'.repeat(1000) } }];
    for (let i = 0; i < 40; i++) doubling.push({ op: 'copy', from: '/a', path: `/a/c${i}` });
    const started = performance.now();
    const result = patched({}, doubling);
    expect(result).toMatch(
      /^Unable to complete the copy, the accumulated size increase of copy is \d+, exceeding the limit 1048576$/,
    );
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('GIVEN a copy limit THEN a copy past it fails and one within it is made', () => {
    const ops = [{ op: 'copy', from: '/k', path: '/c' }];
    // The copy's size is its JSON: "v" is 3 bytes.
    expect(patched(DOC, ops, 2)).toBe(
      'Unable to complete the copy, the accumulated size increase of copy is 3, exceeding the limit 2',
    );
    expect(patched(DOC, ops, 3)).toEqual({ ...DOC, c: 'v' });
  });
});
