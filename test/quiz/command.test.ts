import { describe, expect, it } from 'vitest';
import { formatProblem, loadBanks } from '../../src/quiz/banks.ts';
import { grade } from '../../src/quiz/grade.ts';
import type { Question } from '../../src/quiz/question.ts';

/**
 * Command questions (#14): the answer is a kubectl command, run in a scratch sandbox prepared by
 * the question's setup and compared with the sample's result, so every correct spelling is right.
 */
const banks = loadBanks();
if (!banks.ok) throw new Error(banks.error.map(formatProblem).join('\n'));
const all = banks.value.flatMap((b) => b.questions);
const byId = (id: string): Question => {
  const q = all.find((x) => x.id === id);
  if (q === undefined) throw new Error(`no ${id}`);
  return q;
};
const verdict = (id: string, answer: string) => {
  const graded = grade(byId(id), answer);
  return graded.ok ? graded.value.correct : graded.error.code;
};

describe('command questions', () => {
  it('GIVEN the banks THEN there are at least 15 command questions and each one’s sample is right', () => {
    const commands = all.filter((q) => q.kind === 'command');
    expect(commands.length).toBeGreaterThanOrEqual(15);
    for (const q of commands) if (q.kind === 'command') expect(verdict(q.id, q.sample), q.id).toBe(true);
  });

  it.each([
    ['cmd-004', 'kubectl delete po -l rel=canary'],
    ['cmd-004', 'kubectl delete pods --selector=rel=canary'],
    ['cmd-004', 'k delete po -l rel=canary --wait=false'],
    ['cmd-004', 'kubectl delete po web-dev'],
    ['cmd-005', 'kubectl delete pod/web-prod pod/web-dev'],
    ['cmd-001', 'kubectl get pods --selector=!env'],
    ['cmd-013', 'kubectl get po -L env -L app'],
    ['cmd-014', 'kubectl logs -p crash'],
    ['cmd-007', 'kubectl label --overwrite pods web env=debug'],
  ])('GIVEN %s WHEN answered `%s` THEN it is right', (id, answer) => {
    expect(verdict(id, answer)).toBe(true);
  });

  it.each([
    ['cmd-004', 'kubectl delete po -L rel=canary'],
    ['cmd-004', 'kubectl delete po --all'],
    ['cmd-005', 'kubectl delete po web-prod,web-dev'],
    ['cmd-006', 'kubectl delete po -all'],
    ['cmd-007', 'kubectl label po web env=debug'],
    ['cmd-010', 'kubectl label po kubia mycompany.com/owner=kim'],
    ['cmd-013', 'kubectl get po -l env,app'],
    ['cmd-015', 'kubectl port-forward kubia 8080:8888'],
  ])('GIVEN %s WHEN answered `%s` THEN it is wrong', (id, answer) => {
    expect(verdict(id, answer)).toBe(false);
  });

  it('GIVEN a command question WHEN the answer is not a kubectl command THEN it is refused, not recorded', () => {
    expect(verdict('cmd-004', 'B')).toBe('notCommand');
    expect(verdict('cmd-004', 'rm -rf /')).toBe('notCommand');
    expect(verdict('cmd-004', "kubectl delete po -l 'rel=canary")).toBe('notCommand');
  });

  it('GIVEN two members’ answers WHEN graded THEN nothing carries over: each runs in a fresh scratch sandbox', () => {
    expect(verdict('cmd-005', 'kubectl delete po web-prod')).toBe(false);
    expect(verdict('cmd-005', 'kubectl delete po web-dev')).toBe(false);
    expect(verdict('cmd-005', 'kubectl delete po web-prod web-dev')).toBe(true);
  });
});
