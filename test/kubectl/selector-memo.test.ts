import { describe, expect, it } from 'vitest';
import { parseFlags } from '../../src/kubectl/flags.ts';
import { selectorAfresh, selectorOf } from '../../src/kubectl/query.ts';

/**
 * `-l` is parsed once per selector and resource, and the answer kept (at most a few hundred):
 * over more selectors than are kept, each asked twice, the answer equals one parsed afresh,
 * errors included, and no reader can change a kept one.
 */
const SELECTORS = [
  'app=kubia',
  'env in (prod,dev)',
  'app=kubia,env!=dev',
  '!gpu',
  'env notin (a)',
  'x==',
  '',
  ' ',
  'a b',
  '(x)',
];

describe('kept label selectors', () => {
  it('GIVEN 1,000 selectors, each asked twice THEN every answer equals a fresh parse', () => {
    let differences = 0;
    for (let i = 0; i < 1000; i++) {
      const raw = `${SELECTORS[i % SELECTORS.length]}${i % 4 === 0 ? `,k${i}=v` : ''}`;
      const resource = i % 3 === 0 ? 'nodes' : 'pods';
      const line = parseFlags(['-l', raw], [{ name: 'selector', short: 'l', type: 'string' }], 'get');
      if (!line.ok) throw new Error(raw);
      const fresh = JSON.stringify(selectorAfresh(raw, resource));
      for (let k = 0; k < 2; k++)
        if (JSON.stringify(selectorOf(line.value, resource)) !== fresh) differences++;
    }
    expect(differences).toBe(0);
  });

  it('GIVEN a kept selector THEN changing it throws', () => {
    const line = parseFlags(['-l', 'app=kubia'], [{ name: 'selector', short: 'l', type: 'string' }], 'get');
    if (!line.ok) throw new Error('line');
    selectorOf(line.value, 'pods');
    const kept = selectorOf(line.value, 'pods');
    if (!kept.ok || kept.value === null) throw new Error('selector');
    expect(() => kept.value?.requirements.pop()).toThrow(TypeError);
  });
});
