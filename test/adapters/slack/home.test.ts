import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directMessage, homeOpened } from './fake/payloads.ts';
import { ALICE, BOB, codeOf, type Harness, startHarness, type Transport } from './harness.ts';

/**
 * The app's own pages on Slack, through the real Bolt app against the fake: the Home tab shows a
 * member's pods and their phases, labs and reviews (views.publish, each time it opens), and the
 * Messages tab takes commands as typed (kubectl, a manifest in a code block), answered there.
 */
describe.each(['http', 'socket'] as Transport[])('the app’s Home and Messages tabs over %s', (transport) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(transport);
  });
  afterAll(async () => {
    await h.close();
    expect(h.guard.outside()).toEqual([]);
  });

  const home = async (member: typeof ALICE) => {
    h.fake.state.homes.delete(member.id);
    await h.deliver('events_api', homeOpened(h.fake, member));
    return JSON.stringify(
      await new Promise<unknown>((resolve) => {
        const poll = () => {
          const view = h.fake.state.homes.get(member.id);
          if (view !== undefined) resolve(view);
          else setTimeout(poll, 10);
        };
        poll();
      }),
    );
  };

  it('GIVEN a member with no pods WHEN they open the Home tab THEN it says so and how to start', async () => {
    const view = await home(BOB);
    expect(view).toContain('Pods in your sandbox: 0');
    expect(view).toContain('kubectl run kubia');
  });

  it('GIVEN alice’s pod WHEN she opens the Home tab THEN her pod is listed with its status, and bob’s home does not show it', async () => {
    await h.command(ALICE, '/kubectl', 'run web --image=nginx');
    const view = await home(ALICE);
    expect(view).toContain('Pods in your sandbox: 1');
    expect(view).toMatch(/default +web +0\/1 +ContainerCreating/);
    expect(await home(BOB)).not.toContain('web');
  });

  it('GIVEN the Messages tab WHEN alice types kubectl and pastes a manifest THEN the answers come back in that conversation', async () => {
    const since = h.fake.state.posts.length;
    await h.deliver('events_api', directMessage(h.fake, ALICE, 'kubectl get po web'));
    const table = await h.fake.waitFor((p) => p.channel === `D${ALICE.id.slice(1)}`, since);
    expect(codeOf(table)).toMatch(/^NAME +READY +STATUS/);
    const before = h.fake.state.posts.length;
    await h.deliver(
      'events_api',
      directMessage(
        h.fake,
        ALICE,
        'kubectl apply -f -\n```apiVersion: v1\nkind: Pod\nmetadata:\n  name: dm\nspec:\n  containers:\n  - name: c\n    image: nginx```',
      ),
    );
    const created = await h.fake.waitFor((p) => p.channel === `D${ALICE.id.slice(1)}`, before);
    expect(codeOf(created)).toBe('pod/dm created');
  });
});
