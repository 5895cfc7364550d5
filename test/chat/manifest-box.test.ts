import { describe, expect, it } from 'vitest';
import { manifestBoxOf } from '../../src/chat/manifest-box.ts';

describe('which kubectl lines wait for a pasted manifest', () => {
  it.each([
    ['apply', 'apply', 'kubectl apply -f -'],
    ['apply -f -', 'apply', 'kubectl apply -f -'],
    ['create --filename=-', 'create', 'kubectl create --filename=-'],
    ['replace -f -', 'replace', 'kubectl replace -f -'],
    ['  replace   --force -f -  ', 'replace', 'kubectl replace --force -f -'],
    ['replace -f - --force --grace-period=0', 'replace', 'kubectl replace -f - --force --grace-period=0'],
    ['apply --filename - --dry-run=server', 'apply', 'kubectl apply --filename - --dry-run=server'],
    ['create -f-', 'create', 'kubectl create -f-'],
  ])('GIVEN kubectl %s THEN a box for %s runs %s', (args, verb, commandLine) => {
    expect(manifestBoxOf(args)).toEqual({ verb, commandLine });
  });

  it.each([
    ['replace', 'no -f at all'],
    ['create', 'no -f at all'],
    ['replace -f pod.yaml', 'a file, not stdin'],
    ['replace -f - -f pod.yaml', 'stdin and a file'],
    ['apply -f - -f -', 'stdin twice'],
    ['create deployment web -f -', 'a word that is no flag'],
    ['apply -f - -o yaml', 'a flag value as its own word'],
    ['delete -f -', 'a verb that reads no whole manifest to run'],
    ['get po', 'another verb'],
    [`apply -f - ${'--force '.repeat(40)}`, 'past the word cap'],
  ])('GIVEN kubectl %s (%s) THEN no box', (args) => {
    expect(manifestBoxOf(args)).toBeNull();
  });
});
