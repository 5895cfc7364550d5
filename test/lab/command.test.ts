import { describe, expect, it } from 'vitest';
import { replyText } from '../../src/chat/reply.ts';
import { labStore } from '../../src/store/labs.ts';
import { testApp } from '../helpers/app.ts';
import { cluster, MEMBER } from './replay.ts';

/** `/lab` as members use it, and as they misuse it: each mistake gets one clear sentence. */
const key = { platform: 'console' as const, scope: 'test', user: MEMBER };

describe('/lab', () => {
  it('GIVEN no lab started WHEN /lab check, /lab hint or /lab stop THEN each says no lab is running, and nothing is recorded', () => {
    const t = testApp();
    for (const sub of ['check', 'hint', 'stop']) {
      const reply = t.send(MEMBER, `/lab ${sub}`);
      expect(reply.ok).toBe(false);
      expect(replyText(reply)).toBe(
        'No lab is running. See the labs with `/lab list`, then `/lab start ID`.',
      );
    }
    expect(labStore(t.app.db).progress(key)).toEqual([]);
  });

  it('GIVEN an unknown id WHEN /lab start THEN the reply names it and lists the real ids', () => {
    const t = testApp();
    const reply = t.send(MEMBER, '/lab start selector');
    expect(reply.ok).toBe(false);
    expect(replyText(reply)).toMatch(
      /^There is no lab `selector`\. The labs are: `first-pod`, `sidecar`, .*`selectors`.*\.$/,
    );
  });

  it('GIVEN a lab running WHEN another is started THEN it is refused by name and the second lab leaves no trace', () => {
    const t = testApp();
    expect(t.send(MEMBER, '/lab start labels').ok).toBe(true);
    const reply = t.send(MEMBER, '/lab start selectors');
    expect(reply.ok).toBe(false);
    expect(replyText(reply)).toBe(
      'You are in the middle of lab `labels`. Finish it with `/lab check`, or stop it with `/lab stop`, before starting another.',
    );
    expect(cluster(t).namespaces.map((n) => n.metadata.name)).not.toContain('lab-selectors');
    expect(labStore(t.app.db).active(key)?.labId).toBe('labels');
  });

  it('GIVEN a sandbox one pod short of its limit WHEN a lab seeds two THEN the start is refused with the quota error and changes nothing', () => {
    const t = testApp();
    for (let i = 0; i < 99; i++) t.send(MEMBER, `kubectl run p${i} --image=nginx`);
    const reply = t.send(MEMBER, '/lab start labels');
    expect(reply.ok).toBe(false);
    expect(replyText(reply)).toMatch(
      /^Error from server \(Forbidden\): pods "kubia-manual-v2" is forbidden: exceeded quota/,
    );
    expect(cluster(t).namespaces.map((n) => n.metadata.name)).not.toContain('lab-labels');
    expect(labStore(t.app.db).active(key)).toBeUndefined();
  });

  it.each([['/lab start'], ['/lab start a b'], ['/lab check now'], ['/lab fly']])(
    'GIVEN %s WHEN sent THEN the usage is shown',
    (text) => {
      const reply = testApp().send(MEMBER, text);
      expect(reply.ok).toBe(false);
      expect(replyText(reply)).toBe(
        'Usage: `/lab list`, `/lab start ID`, `/lab check`, `/lab hint`, `/lab restart`, `/lab stop`.',
      );
    },
  );

  it('GIVEN a seeded lab WHEN started THEN the brief names the namespace and its pods, and the member’s own pods are untouched', () => {
    const t = testApp();
    t.send(MEMBER, 'kubectl run mine --image=nginx');
    const text = t.say(MEMBER, '/lab start labels');
    expect(text.split('\n')[0]).toBe('Lab `labels`: Add, show and change labels');
    expect(text).toContain(
      'I set up namespace `lab-labels` with 2 pods: kubia-manual, kubia-manual-v2. Add `-n lab-labels` to your commands.',
    );
    expect(text).toMatch(/\n1\. See the labels now/);
    expect(
      t
        .say(MEMBER, 'kubectl get po -n lab-labels -L env')
        .split('\n')
        .slice(1)
        .map((l) => l.split(/\s+/)[0]),
    ).toEqual(['kubia-manual', 'kubia-manual-v2']);
    expect(t.say(MEMBER, 'kubectl get po mine')).toMatch(/^NAME/);
  });

  it('GIVEN hints asked WHEN the lab is checked, finished and listed THEN the hints and the finish are recorded', () => {
    const t = testApp();
    t.send(MEMBER, '/lab start labels');
    // The hint is about the check that fails first, then the lab's own next hint.
    expect(t.say(MEMBER, '/lab hint')).toBe(
      [
        '💡 The first check that fails: `kubia-manual` has `creation_method=manual`.',
        'Give `kubia-manual` the labels creation_method=manual: `kubectl label po kubia-manual KEY=VALUE -n lab-labels` for each (add `--overwrite` to change a key that already has a value; `KEY-` removes one).',
        'The lab’s own hint 1 of 3: Adding a label: `kubectl label po NAME KEY=VALUE -n lab-labels`.',
      ].join('\n'),
    );
    expect(t.say(MEMBER, '/lab hint')).toMatch(/\nThe lab’s own hint 2 of 3: /);
    expect(t.say(MEMBER, '/lab list')).toContain(
      '▶️ `labels` Add, show and change labels: in progress (2 hints so far)',
    );
    t.send(MEMBER, 'kubectl label po kubia-manual creation_method=manual -n lab-labels');
    const failing = t.say(MEMBER, '/lab check');
    expect(failing.split('\n')).toEqual([
      'Lab `labels`: 1 of 3 checks pass.',
      '✅ `kubia-manual` has `creation_method=manual`',
      '❌ `kubia-manual-v2` is `env=debug` and kept `creation_method=manual`: expected labels of `kubia-manual-v2`: creation_method=manual, env=debug; actual labels of `kubia-manual-v2`: creation_method=manual, env=prod',
      '   → Give `kubia-manual-v2` the labels creation_method=manual, env=debug: `kubectl label po kubia-manual-v2 KEY=VALUE -n lab-labels` for each (add `--overwrite` to change a key that already has a value; `KEY-` removes one).',
      '❌ you showed the labels as columns with `-L creation_method,env`: expected you ran `kubectl get po -L creation_method,env -n lab-labels` since starting the lab; actual no `kubectl get` command run since the lab started',
      '   → This check looks at the commands you ran since the lab started: run `kubectl get po -L creation_method,env -n lab-labels`.',
      '',
      'Not there yet: fix what failed and type `/lab check` again (`/lab hint` if you are stuck).',
    ]);
    t.send(MEMBER, 'kubectl label po kubia-manual-v2 env=debug --overwrite -n lab-labels');
    t.send(MEMBER, 'kubectl get po -n lab-labels -l env');
    expect(t.say(MEMBER, '/lab check')).toContain(
      '❌ you showed the labels as columns with `-L creation_method,env`: expected you ran `kubectl get po -L creation_method,env -n lab-labels` since starting the lab; actual not run yet: `kubectl get` ran 1 time since the lab started, the last `kubectl get po --namespace=lab-labels --selector=env`',
    );
    t.send(MEMBER, 'kubectl get po -n lab-labels -L creation_method,env');
    const passing = t.say(MEMBER, '/lab check');
    expect(passing).toContain('Lab `labels`: 3 of 3 checks pass.');
    expect(passing).toMatch(
      /🎉 Every check passes: lab `labels` is finished, with 2 hints\. You have finished 1 of \d+ labs\.$/,
    );
    expect(t.say(MEMBER, '/lab list')).toContain(
      '✅ `labels` Add, show and change labels: finished (2 hints used)',
    );
    expect(labStore(t.app.db).finishedCount(key)).toBe(1);
    expect(t.send(MEMBER, '/lab check').ok).toBe(false);
  });

  it('GIVEN every hint used WHEN /lab hint again THEN the advice for the failing check comes alone, not counted', () => {
    const t = testApp();
    t.send(MEMBER, '/lab start labels');
    for (let i = 0; i < 3; i++) t.send(MEMBER, '/lab hint');
    expect(t.say(MEMBER, '/lab hint')).toBe(
      [
        '💡 The first check that fails: `kubia-manual` has `creation_method=manual`.',
        'Give `kubia-manual` the labels creation_method=manual: `kubectl label po kubia-manual KEY=VALUE -n lab-labels` for each (add `--overwrite` to change a key that already has a value; `KEY-` removes one).',
      ].join('\n'),
    );
    expect(labStore(t.app.db).active(key)?.hintsUsed).toBe(3);
  });

  it('GIVEN the first check passes WHEN /lab hint THEN the hint is about the next failing check, not the next in order', () => {
    const t = testApp();
    t.send(MEMBER, '/lab start labels');
    t.send(MEMBER, 'kubectl label po kubia-manual creation_method=manual -n lab-labels');
    expect(t.say(MEMBER, '/lab hint')).toMatch(
      /^💡 The first check that fails: `kubia-manual-v2` is `env=debug` and kept `creation_method=manual`\.\nGive `kubia-manual-v2` the labels/,
    );
    t.send(MEMBER, 'kubectl label po kubia-manual-v2 env=debug --overwrite -n lab-labels');
    t.send(MEMBER, 'kubectl get po -n lab-labels -L creation_method,env');
    expect(t.say(MEMBER, '/lab hint')).toBe('Every check passes already: `/lab check` finishes the lab.');
  });

  it('GIVEN a lab stopped half-way WHEN started again THEN its namespace is set up afresh and the member can start another', () => {
    const t = testApp();
    t.send(MEMBER, '/lab start labels');
    t.send(MEMBER, 'kubectl label po kubia-manual-v2 env=debug --overwrite -n lab-labels');
    t.send(MEMBER, 'kubectl run extra --image=nginx -n lab-labels');
    expect(t.say(MEMBER, '/lab stop')).toBe(
      'Stopped lab `labels`. Your sandbox keeps everything you made; `/lab start labels` starts the lab over.',
    );
    expect(t.send(MEMBER, '/lab start labels').ok).toBe(true);
    const pods = cluster(t).pods.filter((p) => p.metadata.namespace === 'lab-labels');
    expect(pods.map((p) => [p.metadata.name, p.metadata.labels])).toEqual([
      ['kubia-manual', {}],
      ['kubia-manual-v2', { creation_method: 'manual', env: 'prod' }],
    ]);
    expect(labStore(t.app.db).progress(key)).toEqual([{ labId: 'labels', hintsUsed: 0, runs: 2 }]);
  });

  it('GIVEN a member who chose Korean WHEN /lab check fails THEN the lines are Korean and kubectl names stay as they are', () => {
    const t = testApp();
    t.send(MEMBER, '/lang ko');
    t.send(MEMBER, '/lab start cleanup');
    t.send(MEMBER, 'kubectl delete po kubia -n lab-cleanup');
    const lines = t.say(MEMBER, '/lab check').split('\n');
    expect(lines[0]).toBe('실습 `cleanup`: 검사 4개 중 2개 통과.');
    expect(lines).toContain(
      '❌ `rel=canary`인 파드가 하나도 없다: 기대 `lab-cleanup`에서 `rel=canary`로 선택되는 파드 0개; 실제 `lab-cleanup`에서 `rel=canary`로 선택되는 파드: kubia-canary, kubia-canary-2',
    );
  });

  it('GIVEN two members WHEN one finishes a lab THEN the other has no progress and no lab namespace', () => {
    const t = testApp();
    t.send(MEMBER, '/lab start cleanup');
    t.send(MEMBER, 'kubectl delete po --all -n lab-cleanup');
    expect(t.say(MEMBER, '/lab check')).toContain('🎉');
    expect(t.say('bob', '/lab list')).toMatch(/^Labs: you have finished 0 of \d+\./);
    expect(t.say('bob', 'kubectl get ns lab-cleanup')).toBe(
      'Error from server (NotFound): namespaces "lab-cleanup" not found',
    );
  });
});
