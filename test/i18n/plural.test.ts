import { describe, expect, it } from 'vitest';
import { catalogue, fill, type MessageKey, t } from '../../src/i18n/catalogue.ts';

describe('English counts with their noun', () => {
  it.each([
    [1, 'Live quiz on Labels: 1 question, no timer.'],
    [3, 'Live quiz on Labels: 3 questions, no timer.'],
    [0, 'Live quiz on Labels: 0 questions, no timer.'],
  ])('GIVEN %i questions WHEN the live quiz is announced THEN the noun agrees', (count, said) => {
    expect(t('en', 'quiz.startedUntimed', { title: 'Labels', count })).toMatch(new RegExp(`^${said}`));
  });

  it('GIVEN {n:day|days} WHEN filled THEN 1 day, 2 days; a missing value is left as written', () => {
    expect(fill('in {n:day|days}', { n: 1 })).toBe('in 1 day');
    expect(fill('in {n:day|days}', { n: 2 })).toBe('in 2 days');
    expect(fill('in {n:day|days}', {})).toBe('in {n:day|days}');
  });
});

/**
 * Every sentence that counts something says "1 pod", "2 pods" in English (Korean needs no
 * plural: "파드 1개", "파드 2개"). Each row: a message, its other values, the counted value, and
 * what English says for 1 and for 2.
 */
describe('Counted nouns agree with 1 and 2', () => {
  const rows: [MessageKey, Record<string, string | number>, string, string, string][] = [
    ['slack.outputTruncated', {}, 'lines', '… and 1 more line, not shown', '… and 2 more lines, not shown'],
    ['lab.listFinished', { id: 'x', title: 'X' }, 'hints', '(1 hint used)', '(2 hints used)'],
    ['lab.listActive', { id: 'x', title: 'X' }, 'hints', '(1 hint so far)', '(2 hints so far)'],
    ['lab.seeded', { namespace: 'lab', pods: 'a' }, 'count', 'with 1 pod: a.', 'with 2 pods: a.'],
    ['lab.finished', { id: 'x', done: 1, total: 3 }, 'hints', 'with 1 hint.', 'with 2 hints.'],
    ['lab.fact.containerCount', { pod: 'p' }, 'count', 'with 1 container', 'with 2 containers'],
    [
      'lab.fact.selectsCount',
      { selector: 'a', namespace: 'n' },
      'count',
      'selects 1 pod in',
      'selects 2 pods in',
    ],
    ['lab.fact.notRan', { last: 'kubectl get po' }, 'count', 'ran 1 time since', 'ran 2 times since'],
    [
      'lab.todo.containerCount',
      { pod: 'p', namespace: 'n' },
      'count',
      'with 1 entry under',
      'with 2 entries under',
    ],
    ['sandbox.resetDone', {}, 'nodes', 'fresh again: 1 node,', 'fresh again: 2 nodes,'],
    [
      'quiz.final.stopped',
      { title: 'T', n: 1 },
      'total',
      'after 1 of 1 question.',
      'after 1 of 2 questions.',
    ],
    ['files.inDm', {}, 'count', 'I sent 1 file to', 'I sent 2 files to'],
    ['files.leftOut', { platform: 'Discord' }, 'count', '1 file was left out', '2 files were left out'],
    ['map.caption', { nodes: 1, scope: 's' }, 'pods', '1 pod on 1 node', '2 pods on 1 node'],
    ['map.caption', { pods: 1, scope: 's' }, 'nodes', '1 pod on 1 node', '1 pod on 2 nodes'],
    ['map.selector', { selector: 'a', matched: 1 }, 'total', '1 of 1 pod match', '1 of 2 pods match'],
    [
      'perf.map.captionOf',
      { name: 'n', nodes: 2, scope: 's' },
      'pods',
      '1 pod on 2 nodes',
      '2 pods on 2 nodes',
    ],
    ['perf.progress.moreMembers', {}, 'count', '…and 1 more member:', '…and 2 more members:'],
    ['slack.filesFailed', { error: 'e' }, 'count', '1 file could not', '2 files could not'],
    ['discord.filesFailed', { error: 'e' }, 'count', '1 file could not', '2 files could not'],
  ];
  it.each(rows)(
    'GIVEN %s WHEN it counts 1 and 2 THEN English agrees and Korean shows the number',
    (key, rest, counted, one, two) => {
      expect(t('en', key, { ...rest, [counted]: 1 })).toContain(one);
      expect(t('en', key, { ...rest, [counted]: 2 })).toContain(two);
      const ko = t('ko', key, { ...rest, [counted]: 2 });
      expect(ko).toContain('2');
      expect(ko).not.toMatch(/\{\w+[:}]/);
    },
  );

  it('GIVEN the whole catalogue THEN no English sentence hedges a count with "(s)"', () => {
    const hedged = Object.entries(catalogue)
      .filter(([, m]) => m.en.includes('(s)'))
      .map(([key]) => key);
    expect(hedged).toEqual([]);
  });

  it('GIVEN a request for an unsimulated type THEN English names no count at all', () => {
    expect(t('en', 'kubectl.unsimulatedType', { types: '`deployments.apps`' })).toMatch(
      /^`deployments\.apps`: known to real Kubernetes, but this sandbox simulates only pods/,
    );
  });
});
