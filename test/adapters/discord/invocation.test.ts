import { describe, expect, it } from 'vitest';
import { commandPayloads } from '../../../src/adapters/discord/commands.ts';
import { createIdTable } from '../../../src/adapters/discord/custom-id.ts';
import {
  type FileOption,
  type OptionValue,
  planOf,
  withStdin,
} from '../../../src/adapters/discord/invocation.ts';
import { combineActions, createSelections } from '../../../src/adapters/discord/selections.ts';

const definitions = commandPayloads();
const plan = (
  command: string,
  subcommand: string | null,
  values: Record<string, OptionValue>,
  file: FileOption | null = null,
) => planOf(definitions, { command, subcommand, values: new Map(Object.entries(values)), file });
const file = (name: string): FileOption => ({ name, url: 'http://127.0.0.1/x', size: 10 });

describe('slash command → chat text', () => {
  it.each([
    ['kubectl', null, { command: 'get po -o wide' }, 'kubectl get po -o wide'],
    ['kubectl', null, { command: 'kubectl get po' }, 'kubectl get po'],
    ['kubectl', null, { command: 'kubectl' }, 'kubectl'],
    ['quiz', 'start', { seconds: 20, count: 5, topic: 'labels' }, '/quiz start labels 5 20'],
    ['quiz', 'start', { topic: 'labels' }, '/quiz start labels'],
    ['quiz', 'start', { topic: 'labels', seconds: 30 }, '/quiz start labels seconds:30'],
    ['quiz', 'start', { count: 3 }, '/quiz start count:3'],
    ['quiz', 'topics', {}, '/quiz topics'],
    ['quiz', 'answer', { answer: 'env in (prod,dev)' }, '/quiz answer env in (prod,dev)'],
    ['quiz', 'leaderboard', {}, '/quiz leaderboard'],
    ['lab', 'start', { name: 'selectors' }, '/lab start selectors'],
    ['lab', 'check', {}, '/lab check'],
    ['sandbox', 'reset', { confirm: true }, '/sandbox reset --yes'],
    ['sandbox', 'map', {}, '/sandbox map'],
    ['sandbox', 'map', { selector: 'env!=prod', text: true }, "/sandbox map -l 'env!=prod' --text"],
    ['sandbox', 'map', { namespace: 'dev', 'all-namespaces': true }, '/sandbox map -n dev -A'],
    ['sandbox', 'map', { context: 'bob', text: true }, '/sandbox map --text --context bob'],
    ['sandbox', 'reset', { confirm: false }, '/sandbox reset'],
    ['file', 'show', { name: 'pod.yaml' }, '/file show pod.yaml'],
    ['lang', null, { language: 'ko' }, '/lang ko'],
    ['help', null, {}, '/help'],
  ] as const)('GIVEN /%s %s %o THEN %s', (command, subcommand, values, text) => {
    expect(plan(command, subcommand, values)).toEqual({
      kind: 'dispatch',
      text,
      file: null,
    });
  });

  it('GIVEN /kubectl with a file and no -f WHEN planned THEN -f names the attachment, quoted when needed', () => {
    expect(plan('kubectl', null, { command: 'create' }, file('pod.yaml'))).toMatchObject({
      text: 'kubectl create -f pod.yaml',
    });
    expect(plan('kubectl', null, { command: 'apply' }, file("my pod's.yaml"))).toMatchObject({
      text: `kubectl apply -f 'my pod'"'"'s.yaml'`,
    });
    expect(plan('kubectl', null, { command: 'create -f -' }, file('x.yaml'))).toMatchObject({
      text: 'kubectl create -f -',
    });
    expect(plan('kubectl', null, { command: 'apply --filename=x.yaml' }, file('x.yaml'))).toMatchObject({
      text: 'kubectl apply --filename=x.yaml',
    });
  });

  it('GIVEN /apply, or /file save without a file WHEN planned THEN a modal for the stdin of the command', () => {
    expect(plan('apply', null, {})).toEqual({ kind: 'modal', commandLine: 'kubectl apply -f -' });
    expect(plan('file', 'save', { name: 'pod.yaml' })).toEqual({
      kind: 'modal',
      commandLine: '/file save pod.yaml',
    });
    expect(plan('file', 'save', { name: 'pod.yaml' }, file('a.yaml'))).toMatchObject({
      kind: 'dispatch',
      text: '/file save pod.yaml',
      file: file('a.yaml'),
    });
  });

  it('GIVEN /kubectl with a line that waits for a pasted manifest and no file WHEN planned THEN a modal for that very line', () => {
    expect(plan('kubectl', null, { command: 'replace --force -f -' })).toEqual({
      kind: 'modal',
      commandLine: 'kubectl replace --force -f -',
    });
    expect(plan('kubectl', null, { command: 'kubectl replace -f -' })).toEqual({
      kind: 'modal',
      commandLine: 'kubectl replace -f -',
    });
    expect(plan('kubectl', null, { command: 'replace -f -' }, file('x.yaml'))).toMatchObject({
      kind: 'dispatch',
      text: 'kubectl replace -f -',
    });
    expect(plan('kubectl', null, { command: 'replace -f pod.yaml' })).toMatchObject({ kind: 'dispatch' });
  });

  it('GIVEN a box or file body WHEN made stdin THEN one fenced block, CRLF normalised, an outer fence unwrapped', () => {
    expect(withStdin('kubectl apply -f -', 'a: 1\r\nb: 2')).toBe('kubectl apply -f -\n```\na: 1\nb: 2\n```');
    expect(withStdin('kubectl apply -f -', '```yaml\na: 1\n```\n')).toBe(
      'kubectl apply -f -\n```\na: 1\n```',
    );
    expect(withStdin('/file save x', '')).toBe('/file save x\n```\n```');
  });
});

describe('custom ids', () => {
  it('GIVEN texts of any length WHEN encoded THEN ≤ 100 characters and decoded back', () => {
    const ids = createIdTable();
    for (const text of ['', '/quiz answer #4.2 B', 'x'.repeat(97), 'y'.repeat(98), 'z'.repeat(500)]) {
      const id = ids.encode('c', text);
      expect(id.length).toBeLessThanOrEqual(100);
      expect(ids.decode(id)).toEqual({ kind: 'c', text });
    }
  });

  it('GIVEN a short action WHEN encoded THEN it survives a restart (a fresh table decodes it)', () => {
    const id = createIdTable().encode('f', '/file save pod.yaml');
    expect(createIdTable().decode(id)).toEqual({ kind: 'f', text: '/file save pod.yaml' });
    expect(createIdTable().decode(createIdTable().encode('c', 'w'.repeat(200)))).toBeNull();
    expect(createIdTable().decode('something else')).toBeNull();
  });
});

describe('multi-select', () => {
  it('GIVEN picked actions WHEN combined THEN the last words are joined with commas', () => {
    expect(combineActions(['/quiz answer #4.2 A', '/quiz answer #4.2 C'])).toBe('/quiz answer #4.2 A,C');
    expect(combineActions(['/quiz answer #4.2 B'])).toBe('/quiz answer #4.2 B');
  });

  it('GIVEN a pick WHEN taken THEN it is returned once, per member and message', () => {
    const selections = createSelections();
    selections.put('m1', 'u1', ['a']);
    selections.put('m1', 'u1', ['a', 'b']);
    selections.put('m1', 'u2', ['c']);
    expect(selections.take('m1', 'u1')).toEqual(['a', 'b']);
    expect(selections.take('m1', 'u1')).toBeNull();
    expect(selections.take('m1', 'u2')).toEqual(['c']);
  });
});
