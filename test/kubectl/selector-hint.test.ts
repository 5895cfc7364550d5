import { describe, expect, it } from 'vitest';
import { selectorHint } from '../../src/kubectl/selector-hint.ts';
import { tokenize } from '../../src/kubectl/tokenize.ts';
import { testApp } from '../helpers/app.ts';

const tokens = (line: string): string[] => {
  const result = tokenize(line);
  if (!result.ok) throw new Error(result.error);
  return result.value;
};

describe('selectorHint: an unquoted selector split by the tokenizer', () => {
  it.each([
    ['get po -l env in (prod,dev)', '-l env', 'in (prod,dev)', "-l 'env in (prod,dev)'"],
    ['get po -l env notin (prod, dev)', '-l env', 'notin (prod, dev)', "-l 'env notin (prod, dev)'"],
    ['get po -l env in(prod)', '-l env', 'in(prod)', "-l 'env in(prod)'"],
    ["get po -l 'env' in (a,b)", '-l env', 'in (a,b)', "-l 'env in (a,b)'"],
    ['get po -l env in ( prod , dev ) -o wide', '-l env', 'in ( prod , dev )', "-l 'env in ( prod , dev )'"],
    ['delete po -l app=kubia, env=prod', '-l app=kubia,', 'env=prod', "-l 'app=kubia, env=prod'"],
    ['get po -l env != prod', '-l env', '!= prod', "-l 'env != prod'"],
    ['get po --selector env in (a)', '--selector env', 'in (a)', "--selector 'env in (a)'"],
    ['get po --selector=env in (a)', '--selector=env', 'in (a)', "--selector='env in (a)'"],
    ['get po -lenv in (a)', '-lenv', 'in (a)', "-l 'env in (a)'"],
    ['-n kube-system get po -l tier notin (node)', '-l tier', 'notin (node)', "-l 'tier notin (node)'"],
    ['label po -l env in (prod) team=a', '-l env', 'in (prod)', "-l 'env in (prod)'"],
  ])(
    'GIVEN kubectl %s THEN kubectl got %s, %s was stray, and the hint is %s',
    (line, given, stray, quoted) => {
      expect(selectorHint(tokens(line))).toEqual({ given, stray, quoted });
    },
  );

  it.each([
    'get po -l env',
    "get po -l 'env in (prod,dev)'",
    'get po -l env=prod -o wide',
    'get po -l env=prod kubia',
    'label po -l app=kubia env=prod',
    'run web --image=nginx -l app=web, tier=x',
    'get po in (prod,dev)',
  ])('GIVEN kubectl %s THEN no hint', (line) => {
    expect(selectorHint(tokens(line))).toBeNull();
  });
});

describe('the selector hint in chat', () => {
  it("GIVEN get po -l env in (prod,dev) unquoted THEN kubectl's own error, then the hint in English", () => {
    const t = testApp(':memory:', [], { guide: true });
    const reply = t.send('alice', 'kubectl get po -l env in (prod,dev)');
    expect(reply.ok).toBe(false);
    expect(reply.blocks[0]).toEqual({
      kind: 'code',
      text: 'error: name cannot be provided when a selector is specified',
    });
    expect(reply.blocks[1]).toEqual({
      kind: 'text',
      text: "💡 Without quotes the shell splits the selector at its spaces, so kubectl got only `-l env` and took `in (prod,dev)` as more arguments. Quote the whole selector: `-l 'env in (prod,dev)'`",
    });
  });

  it('GIVEN the -l before the type THEN the name error, not a type called "in"; in Korean for a Korean member', () => {
    const t = testApp(':memory:', [], { guide: true });
    t.say('alice', '/lang ko');
    const reply = t.send('alice', 'kubectl get -l env in (prod,dev) po');
    expect(reply.blocks[0]?.text).toBe('error: name cannot be provided when a selector is specified');
    expect(reply.blocks[1]?.text).toContain("셀렉터 전체를 따옴표로 감싸 주세요: `-l 'env in (prod,dev)'`");
  });

  it('GIVEN delete po -l env notin (a) unquoted THEN nothing is deleted', () => {
    const t = testApp(':memory:', [], { guide: true });
    t.say('alice', 'kubectl run kubia --image=luksa/kubia');
    expect(t.say('alice', 'kubectl delete po -l env notin (a)')).toMatch(
      /^error: name cannot be provided when a selector is specified\n\n💡 Without quotes /,
    );
    expect(t.say('alice', 'kubectl get po')).toContain('kubia');
  });

  it('GIVEN the quoted form THEN it works and there is no hint', () => {
    const t = testApp(':memory:', [], { guide: true });
    t.say('alice', 'kubectl run kubia --image=luksa/kubia --labels=env=prod');
    expect(t.say('alice', "kubectl get po -l 'env in (prod,dev)' --no-headers")).toMatch(/^kubia\s/);
  });
});
