import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';

describe('labs that coach', () => {
  it('GIVEN a lab running WHEN /sandbox reset is asked and confirmed THEN the member is asked whether to restart the lab, with buttons', () => {
    const t = testApp();
    t.send('learner', '/lab start labels');
    expect(t.say('learner', '/sandbox reset')).toContain(
      'You are in lab `labels`, and a reset takes its setup too.',
    );
    const reset = t.send('learner', '/sandbox reset --yes');
    expect(reset.blocks.at(-1)?.text).toBe(
      'You are in lab `labels`, and a reset takes its setup too. Restart the lab from the beginning (`/lab restart`), or stop it (`/lab stop`)?',
    );
    expect(reset.choices.map((c) => [c.label, c.action])).toEqual([
      ['Restart lab labels', '/lab restart'],
      ['Stop lab labels', '/lab stop'],
    ]);
    expect(t.say('learner', 'kubectl get po -n lab-labels')).toBe(
      'No resources found in lab-labels namespace.',
    );
    expect(t.say('learner', '/lab restart')).toMatch(
      /^Lab `labels` starts over\.\n\nLab `labels`: Add, show and change labels/,
    );
    expect(t.say('learner', 'kubectl get po -n lab-labels -o name')).toBe(
      'pod/kubia-manual\npod/kubia-manual-v2',
    );
  });

  it('GIVEN no lab WHEN /sandbox reset --yes THEN no question and no buttons', () => {
    const t = testApp();
    const reset = t.send('learner', '/sandbox reset --yes');
    expect(reset.choices).toEqual([]);
    expect(reset.blocks).toHaveLength(1);
  });

  it('GIVEN a Korean member WHEN a check fails THEN the advice under it is in Korean and names the command', () => {
    const t = testApp();
    t.send('learner', '/lang ko');
    t.send('learner', '/lab start labels');
    const text = t.say('learner', '/lab check');
    expect(text).toContain(
      '   → `kubia-manual`에 레이블 creation_method=manual을 붙여 주세요: 하나씩 `kubectl label po kubia-manual 키=값 -n lab-labels`',
    );
  });
});
