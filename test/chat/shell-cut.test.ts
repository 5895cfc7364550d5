import { describe, expect, it } from 'vitest';
import { shellCut } from '../../src/chat/shell-cut.ts';
import { testApp } from '../helpers/app.ts';

describe('a shell operator in a kubectl line (chat has no shell)', () => {
  it.each([
    ['get po kubia -o yaml > kubia.yaml', 'get po kubia -o yaml', '> kubia.yaml', true],
    ['get po kubia -o yaml >> k.yaml', 'get po kubia -o yaml', '>> k.yaml', true],
    ['get po|grep kubia', 'get po', '|grep kubia', false],
    ['get po && get ns', 'get po', '&& get ns', false],
    ['get po; get ns', 'get po', '; get ns', false],
    ['logs web 2> err.txt', 'logs web', '2> err.txt', true],
    ['create -f - < pod.yaml', 'create -f -', '< pod.yaml', false],
  ])('GIVEN %j THEN kubectl gets %j and %j is cut', (line, kubectl, cut, redirect) => {
    expect(shellCut(line)).toEqual({ kubectl, cut, redirect });
  });

  it.each([
    "get po -o jsonpath='{.items[*].metadata.name}|x'",
    'get po -l "a|b"',
    'get po -l app\\|x',
    'get po web2 -o name',
  ])('GIVEN %j (quoted, escaped or no operator) THEN nothing is cut', (line) => {
    expect(shellCut(line)).toBeNull();
  });

  it('GIVEN only 2>&1 THEN it is dropped without a word', () => {
    expect(shellCut('logs web 2>&1')).toEqual({ kubectl: 'logs web', cut: null, redirect: false });
  });

  it('GIVEN a long tail with backticks THEN the note shows at most 60 characters, none of them backticks', () => {
    const cut = shellCut(`get po | ${'`x` '.repeat(40)}`)?.cut ?? '';
    expect([...cut].length).toBe(60);
    expect(cut).not.toContain('`');
  });

  it('GIVEN the book’s `-o yaml > file` WHEN sent THEN kubectl prints the pod and the member is told no file was written', () => {
    const t = testApp();
    t.say('alice', 'kubectl run kubia --image=luksa/kubia');
    const text = t.say('alice', 'kubectl get po kubia -o yaml > kubia.yaml');
    expect(text).toMatch(/^apiVersion: v1\nkind: Pod\n/);
    expect(text).not.toContain('not found');
    expect(text).toMatch(/Chat has no shell, so `> kubia.yaml` was not run and no file was written\./);
    t.say('alice', '/lang ko');
    expect(t.say('alice', 'kubectl get po | grep kubia')).toMatch(
      /^NAME .*\nkubia .*\n\n채팅에는 셸이 없어서 `\| grep kubia` 부분은 실행하지 않았어요\./s,
    );
  });
});
