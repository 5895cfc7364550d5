import { describe, expect, it } from 'vitest';
import { pickParticle } from '../../src/i18n/particles.ts';
import { readAloudEnding } from '../../src/i18n/read-aloud.ts';

describe('readAloudEnding: how a Korean speaker reads the end of a value', () => {
  it.each([
    ['1', '일'],
    ['80', '팔십'],
    ['8080', '팔천팔십'],
    ['10000', '일만'],
    ['0', '영'],
    ['007', '칠'],
    ['db-1', '일'],
    ['v1.27', '이십칠'],
    ['8888:8080', '팔천팔십'],
    ['cleanup', '클린업'],
    ['lab-cleanup', '클린업'],
    ['web', '웹'],
    ['kubia', '쿠비아'],
    ['kubia-manual.yaml', '야믈'],
    ['`web`', '웹'],
    ["'env in (web)'", '웹'],
    ['파드', '드'],
    ['TCP', '피'],
    ['k8s', '에스'],
    ['db-a', '에이'],
    ['kubeAPI', '에이피아이'],
    ['nodeName', '엄'],
    ['creationMethod', '아'],
  ])('GIVEN %s THEN it is read ending in %s', (text, reading) => {
    expect(readAloudEnding(text)).toBe(reading);
  });

  it.each([
    // [word, final sound class]: c = a final consonant other than ㄹ, l = ㄹ, v = a vowel
    ['item', 'c'],
    ['string', 'c'],
    ['name', 'c'],
    ['line', 'c'],
    ['secret', 'c'],
    ['stack', 'c'],
    ['app', 'c'],
    ['file', 'l'],
    ['table', 'l'],
    ['manual', 'l'],
    ['label', 'l'],
    ['kubectl', 'l'],
    ['pod', 'v'],
    ['server', 'v'],
    ['busybox', 'v'],
    ['help', 'v'],
    ['port', 'v'],
    ['node', 'v'],
    ['nginx', 'v'],
    ['canary', 'v'],
    ['prod', 'v'],
    ['gpu', 'v'],
  ])('GIVEN the word %s THEN its particles are those after class %s', (word, sound) => {
    const expected = { c: ['을', '으로'], l: ['을', '로'], v: ['를', '로'] }[sound];
    expect([pickParticle(word, '을/를'), pickParticle(word, '으로/로')]).toEqual(expected);
  });

  it('GIVEN a very long value THEN only its tail is read', () => {
    expect(readAloudEnding(`${'x'.repeat(1_000_000)} web`)).toBe('웹');
  });
});

describe('pickParticle', () => {
  it.each([
    ['db-1', '이에요/예요', '이에요'],
    ['kubia', '이에요/예요', '예요'],
    ['80', '으로/로', '으로'],
    ['1', '으로/로', '로'],
    ['lab-cleanup', '을/를', '을'],
    ['web', '이/가', '이'],
    ['kubia', '와/과', '와'],
    ['web', '와/과', '과'],
    ['1분 뒤', '이에요/예요', '예요'],
    ['web', '이라는/라는', '이라는'],
    ['kubia', '이라는/라는', '라는'],
    ['manual', '으로는/로는', '로는'],
    ['web', '으로는/로는', '으로는'],
  ])('GIVEN %s and {%s} THEN %s', (before, pair, expected) => {
    expect(pickParticle(before, pair)).toBe(expected);
  });

  it('GIVEN a pair it does not know THEN it throws (a catalogue mistake, caught by the catalogue test)', () => {
    expect(() => pickParticle('web', '을/가')).toThrow(/unknown particle/);
  });
});
