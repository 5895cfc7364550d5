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

describe("the guide's look before a pattern", () => {
  it('GIVEN every golden transcript, whole and line by line, and every error line the table knows THEN no text a pattern matches is passed over', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { GUIDE_LINES } = await import('../../src/guide/lines.ts');
    const { mayMatch } = await import('../../src/guide/guide.ts');
    const dir = join(new URL('.', import.meta.url).pathname, '../golden/__golden__');
    const texts = readdirSync(dir).flatMap((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      return [text, ...text.split('\n'), ...text.split('\n$ ')];
    });
    // Lines that do match, in the middle of other output and after a carriage return.
    texts.push(
      'NAME\nerror: the path "x.yaml" does not exist',
      'a\rerror: resource name may not be empty',
      'No resources found in default namespace.',
      ' No resources found',
    );
    let passedOver = 0;
    let matched = 0;
    for (const entry of GUIDE_LINES) {
      if (entry.output === undefined) continue;
      for (const text of texts) {
        if (entry.output.exec(text) === null) continue;
        matched++;
        if (!mayMatch(entry.output, text, () => text.includes('error: '))) passedOver++;
      }
    }
    expect(matched).toBeGreaterThan(10);
    expect(passedOver).toBe(0);
  });
});
