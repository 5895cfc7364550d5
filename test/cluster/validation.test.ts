import { describe, expect, it } from 'vitest';
import { validateObjectName } from '../../src/cluster/validation.ts';
import { testApp } from '../helpers/app.ts';

describe('validation: bad values print with Go %q, as field.Error does', () => {
  it('GIVEN a name with a control character WHEN validated THEN it is escaped as \\x01, not JSON \\u0001', () => {
    expect(validateObjectName('a\u0001b', 'subdomain')[0]).toMatch(
      /^metadata\.name: Invalid value: "a\\x01b": /,
    );
  });

  it('GIVEN a pasted non-breaking space WHEN kubectl run THEN the value shows it as \\u00a0', () => {
    const out = testApp().say('alice', 'kubectl run kubia\u00a0 --image=luksa/kubia');
    // The name, the run label and the container name are all invalid: three causes.
    expect(out).toMatch(
      /^The Pod "kubia\u00a0" is invalid: \n\* metadata\.name: Invalid value: "kubia\\u00a0": /,
    );
    expect(out).toContain('* spec.containers[0].name: Invalid value: "kubia\\u00a0": ');
  });

  it('GIVEN a printable non-ASCII name WHEN validated THEN it stays as typed', () => {
    expect(validateObjectName('파드', 'subdomain')[0]).toMatch(/^metadata\.name: Invalid value: "파드": /);
  });
});
