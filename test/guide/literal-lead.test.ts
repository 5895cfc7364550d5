import { describe, expect, it } from 'vitest';
import { literalLead } from '../../src/guide/guide.ts';

/**
 * The guide looks for the literal a pattern must start with before running it over a long
 * output: the literal must be one that every match really begins with.
 */
describe("the literal a guide pattern's matches begin with", () => {
  it.each([
    [/^error: the path "(?<file>[^"\n]{1,128})" does not exist$/m, 'error: the path "'],
    [/^No resources found/, 'No resources found'],
    [/^error: resource name may not be empty$/m, 'error: resource name may not be empty'],
    [/^Error from server \(NotFound\): nodes/, 'Error from server '],
    [/^abc?d/m, 'ab'],
    [/^abc*d/, 'ab'],
    [/^abc{0,2}d/, 'ab'],
    [/^abc+d/, 'abc'],
    [/^ab|cd/m, ''],
    [/^(?:ab|cd)e/, ''],
    [/^a[|]b/, 'a'],
    [/^error: x/i, ''],
    [/error: x/, ''],
    [/^\* metadata/m, ''],
  ])('GIVEN %s THEN the lead is %j', (pattern, lead) => {
    expect(literalLead(pattern)).toBe(lead);
  });
});
