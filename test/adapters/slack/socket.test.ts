import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slashCommand } from './fake/payloads.ts';
import { ALICE, BOB, CHANNEL, codeOf, type Harness, postPublicly, startHarness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('socket');
  // This file is about how public output renders: its channel posts output publicly
  // (`/settings output public`); the private default with Share is tested in share tests.
  postPublicly(h);
});
afterAll(async () => {
  await h.close();
  expect(h.guard.outside()).toEqual([]);
});

describe('Slack over Socket Mode (the real SocketModeClient against a fake WebSocket server)', () => {
  it('GIVEN the app started WHEN it connected THEN it asked apps.connections.open with the app token and got hello', () => {
    expect(h.fake.state.calls).toContain('apps.connections.open');
    expect(h.fake.socket.connections).toBe(1);
  });

  it('GIVEN a pod WHEN /kubectl get po arrives in an envelope THEN the envelope is acked and the table is answered', async () => {
    await h.command(ALICE, '/kubectl', 'run kubia --image=luksa/kubia --port=8080');
    const since = h.fake.state.posts.length;
    const { ack } = await h.deliver(
      'slash_commands',
      slashCommand(h.fake, ALICE, CHANNEL, '/kubectl', 'get po'),
    );
    expect(ack).toEqual({});
    const table = await h.fake.waitFor(() => true, since);
    expect(table).toMatchObject({ via: 'response_url', ephemeral: false, channel: CHANNEL });
    expect(codeOf(table).split('\n')).toEqual([
      'NAME    READY   STATUS              RESTARTS   AGE',
      'kubia   0/1     ContainerCreating   0          0s',
    ]);
  });

  it.each([
    ['refresh_requested', 2],
    ['warning', 3],
  ] as const)(
    'GIVEN a connected app WHEN Slack sends disconnect (%s) THEN it reconnects and answers the next command',
    async (reason, count) => {
      h.fake.socket.disconnect(reason);
      await h.fake.socket.connected(count);
      expect(h.fake.socket.connections).toBe(count);
      const answer = await h.command(BOB, '/kubectl', 'get po');
      expect(codeOf(answer)).toBe('No resources found in default namespace.');
    },
  );

  it('GIVEN /kubectl apply WHEN it arrives over the socket THEN the modal opens with the trigger of that command', async () => {
    const since = h.fake.state.views.length;
    await h.deliver('slash_commands', slashCommand(h.fake, ALICE, CHANNEL, '/kubectl', 'apply'));
    const view = await h.fake.waitForView(since);
    expect(view).toMatchObject({ type: 'modal', callback_id: 'podium.manifest' });
    expect(h.fake.state.refused).toEqual([]);
  });
});
