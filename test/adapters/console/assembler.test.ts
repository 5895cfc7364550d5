import { describe, expect, it } from 'vitest';
import { readsStdin } from '../../../src/adapters/console/assembler.ts';

/** Which console lines take the fenced block after them as standard input (DESIGN.md §5). */
describe('readsStdin', () => {
  it.each([
    ['kubectl create -f -', true],
    ['kubectl apply --filename=-', true],
    ['/file save pod.yaml', true],
    ['kubectl delete po web -i', true],
    ['kubectl delete po web --interactive', true],
    ['@bob kubectl delete -i po web', true],
    ['kubectl delete po web', false],
    ['kubectl delete po web --interactive=false', false],
    ['kubectl exec -i web -- sh', false],
    ['kubectl get po -f pod.yaml', false],
  ])('GIVEN %s THEN %s', (line, expected) => {
    expect(readsStdin(line)).toBe(expected);
  });
});
