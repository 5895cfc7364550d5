import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatCommand } from '../../../src/chat/context.ts';
import { type Reply, textReply } from '../../../src/chat/reply.ts';
import { ok } from '../../../src/result.ts';
import { appMention, slashCommand } from './fake/payloads.ts';
import {
  ALICE,
  BOB,
  CHANNEL,
  codeOf,
  type Harness,
  sectionTexts,
  startHarness,
  type Transport,
  waitUntil,
} from './harness.ts';

/**
 * Where Slack refuses what the bot sends (a channel it was not invited to, a scope it lacks), the
 * member still hears the result or a sentence saying what went wrong: never silence.
 */
const KUBIA =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: kubia-manual\nspec:\n  containers:\n  - image: luksa/kubia\n    name: kubia\n';
const allText = (p: { text: string; blocks: unknown[] }) => [p.text, ...sectionTexts(p as never)].join('\n');

describe.each<Transport>(['http', 'socket'])(
  'the manifest modal where the bot may not post (%s)',
  (transport) => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness(transport);
    });
    afterAll(async () => {
      await h.close();
      expect(h.guard.outside()).toEqual([]);
    });

    it.each(['not_in_channel', 'channel_not_found'] as const)(
      'GIVEN a channel where posting answers %s WHEN the /kubectl apply modal is submitted THEN the member is told the result through the command’s response_url',
      async (refusal) => {
        const channel = `C0SHUT${refusal.length}`;
        h.fake.state.closedChannels.set(channel, refusal);
        const since = h.fake.state.views.length;
        await h.deliver('slash_commands', slashCommand(h.fake, ALICE, channel, '/kubectl', 'apply'));
        const view = await h.fake.waitForView(since);
        expect(JSON.parse(String(view.private_metadata))).toMatchObject({
          channel,
          responseUrl: expect.stringMatching(/\/response\//),
        });
        const posts = h.fake.state.posts.length;
        const { status } = await h.submitView(
          ALICE,
          view,
          KUBIA.replace('kubia-manual', `pod-${refusal.length}`),
        );
        expect(status).toBe(200);
        const told = await h.fake.waitFor(() => true, posts);
        expect(told).toMatchObject({ via: 'response_url', channel });
        expect(codeOf(told)).toBe(`pod/pod-${refusal.length} created`);
        expect(h.fake.state.refused.map((r) => r.error)).toContain(refusal);
      },
    );

    it('GIVEN a channel answering not_in_channel and a modal kept open 31 minutes WHEN submitted THEN the response_url has expired and the member is told the result by direct message', async () => {
      const channel = 'C0SHUTLATE';
      h.fake.state.closedChannels.set(channel, 'not_in_channel');
      const since = h.fake.state.views.length;
      await h.deliver('slash_commands', slashCommand(h.fake, BOB, channel, '/kubectl', 'apply'));
      const view = await h.fake.waitForView(since);
      const opened = Date.now();
      h.fake.state.clock = () => opened + 31 * 60_000;
      try {
        const posts = h.fake.state.posts.length;
        const { status } = await h.submitView(BOB, view, KUBIA.replace('kubia-manual', 'pod-late'));
        expect(status).toBe(200);
        const told = await h.fake.waitFor(() => true, posts);
        expect(told).toMatchObject({ via: 'chat.postMessage', ephemeral: false });
        expect(h.fake.state.directs.get(told.channel)).toBe(BOB.id);
        expect(allText(told)).toContain(
          'I could not answer you in the channel (not_in_channel), so the answer comes here.',
        );
        expect(codeOf(told)).toBe('pod/pod-late created');
        expect(h.fake.state.refused.map((r) => r.error)).toEqual(
          expect.arrayContaining(['not_in_channel', 'expired_url']),
        );
      } finally {
        h.fake.state.clock = () => Date.now();
      }
    });
  },
);

/** Stands in for `/sandbox`: `/sandbox long N` prints N lines publicly; `/sandbox files` answers with a file. */
const stand: ChatCommand = {
  name: 'sandbox',
  run: (_ctx, args) => {
    const [what, count] = args.split(' ');
    if (what === 'files')
      return ok({
        ...textReply('your export', true, 'private'),
        files: [{ name: 'progress.csv', contentType: 'text/csv', data: new TextEncoder().encode('a,b\n') }],
      } as Reply);
    const lines = Array.from({ length: Number(count) }, (_, i) => `line ${i} ${'x'.repeat(60)}`);
    return ok({
      ok: true,
      blocks: [{ kind: 'code', text: lines.join('\n') }],
      choices: [],
      visibility: 'public',
    });
  },
};

describe('uploads Slack refuses', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('http', { commands: [stand] });
    h.fake.state.missingScopes.set('files.getUploadURLExternal', 'files:write');
  });
  afterAll(async () => {
    await h.close();
    expect(h.guard.outside()).toEqual([]);
  });

  it('GIVEN no files:write WHEN a public output too long for three messages would go as a file THEN a cut reply says why and how many lines were not shown', async () => {
    const since = h.fake.state.posts.length;
    await h.command(ALICE, '/sandbox', 'long 800');
    const texts = () => h.fake.state.posts.slice(since).map(allText).join('\n');
    await h.fake.waitFor((p) => /more lines, not shown here/.test(allText(p)), since);
    expect(texts()).toContain(
      'Slack did not take the output as a file (missing_scope: files:write), so here is as much as fits in a few messages.',
    );
    expect(texts()).toContain('line 0 ');
    expect(h.fake.state.posts.slice(since).every((p) => p.via === 'response_url')).toBe(true);
  });

  it('GIVEN no files:write WHEN a private reply carries a file THEN the member is told privately that it could not be sent', async () => {
    const since = h.fake.state.posts.length;
    await h.command(BOB, '/sandbox', 'files');
    const told = await h.fake.waitFor((p) => allText(p).includes('could not be sent'), since);
    expect(told.ephemeral).toBe(true);
    expect(allText(told)).toContain('1 file could not be sent. Slack answered: missing_scope: files:write');
  });
});

describe('live quizzes in channels that fail', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('http', { timed: true });
  });
  afterAll(async () => {
    await h.close();
    expect(h.guard.outside()).toEqual([]);
  });
  const questionIn = (channel: string) => (p: { via: string; channel: string }) =>
    p.via === 'chat.postMessage' && p.channel === channel;

  it('GIVEN one quiz whose channel is throttled (its posts held) WHEN another channel starts a quiz THEN that quiz is posted meanwhile: each quiz has its own queue', async () => {
    let release = () => {};
    h.fake.state.held.set('C0SLOW', new Promise<void>((resolve) => (release = resolve)));
    await h.command(ALICE, '/quiz', 'start', 'C0SLOW');
    await h.command(BOB, '/quiz', 'start', 'C0FAST');
    const fast = await h.fake.waitFor(questionIn('C0FAST'));
    expect(fast.blocks.length).toBeGreaterThan(0);
    expect(h.fake.state.posts.some(questionIn('C0SLOW'))).toBe(false);
    release();
    await h.fake.waitFor(questionIn('C0SLOW'));
    h.fake.state.held.delete('C0SLOW');
    await h.command(ALICE, '/quiz', 'stop', 'C0SLOW');
    await h.command(BOB, '/quiz', 'stop', 'C0FAST');
    await h.t.app.quiz.runner.idle();
  });

  it('GIVEN a running quiz WHEN its channel starts answering not_in_channel THEN the host is told once, by direct message', async () => {
    const carol = { id: 'U0CAROLHOST', name: 'carol' };
    await h.command(carol, '/quiz', 'start count:2', 'C0GONE');
    await h.fake.waitFor(questionIn('C0GONE'));
    h.fake.state.closedChannels.set('C0GONE', 'not_in_channel');
    await h.tick(10 * 60_000);
    const dms = h.fake.state.posts.filter((p) => p.channel === 'D0CAROLHOST');
    expect(dms).toHaveLength(1);
    expect(allText(dms[0] as never)).toContain(
      'could not post in its channel (An API error occurred: not_in_channel)',
    );
    expect(h.fake.state.refused.filter((r) => r.error === 'not_in_channel').length).toBeGreaterThan(1);
  });
});

describe('the retry policy Podium ships (SLACK_RETRY)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('http');
  });
  afterAll(async () => {
    await h.close();
    expect(h.guard.outside()).toEqual([]);
  });
  const tries = (since: number) =>
    h.fake.state.calls.slice(since).filter((m) => m === 'chat.postEphemeral').length;

  it('GIVEN Slack throttles once (429, Retry-After: 1) WHEN a mention is answered THEN the client waits and tries again, and the answer arrives', async () => {
    h.fake.state.rateLimited.set('chat.postEphemeral', 1);
    const since = h.fake.state.calls.length;
    const answer = await h.mention(ALICE, 'kubectl get ns default');
    expect(answer.via).toBe('chat.postEphemeral');
    expect(codeOf(answer)).toMatch(/^NAME +STATUS +AGE\ndefault +Active/);
    expect(tries(since)).toBe(2);
  });

  it('GIVEN a slash command whose response_url is used up WHEN the answer cannot be delivered after the ack THEN the failure is logged once, and the next command is answered', async () => {
    const logged = h.t.logs.length;
    const payload = slashCommand(h.fake, ALICE, CHANNEL, '/kubectl', 'get ns default');
    const used = h.fake.state.responseUrls.get(payload.response_url.split('/').pop() ?? '');
    if (used === undefined) throw new Error('the fake issued no response_url');
    used.uses = 5;
    const { status } = await h.deliver('slash_commands', payload);
    expect(status).toBe(200);
    await waitUntil(
      () => h.t.logs.slice(logged).some((l) => l.includes('slack listener failed')),
      'the failure',
      10_000,
    );
    expect(h.t.logs.slice(logged).filter((l) => l.includes('slack listener failed'))).toHaveLength(1);
    expect(codeOf(await h.mention(ALICE, 'kubectl get ns default'))).toMatch(
      /^NAME +STATUS +AGE\ndefault +Active/,
    );
  });

  it('GIVEN Slack keeps throttling WHEN a mention is answered THEN the client gives up after three tries (not Slack’s default of ten over half an hour) and the failure is logged', async () => {
    h.fake.state.rateLimited.set('chat.postEphemeral', 10);
    const since = h.fake.state.calls.length;
    const logged = h.t.logs.length;
    await h.deliver('events_api', appMention(h.fake, BOB, CHANNEL, 'kubectl get ns default'));
    await waitUntil(
      () => h.t.logs.slice(logged).some((l) => l.includes('slack listener failed')),
      'the failure',
      20_000,
    );
    expect(tries(since)).toBe(3);
    expect(h.fake.state.rateLimited.get('chat.postEphemeral')).toBe(7);
    h.fake.state.rateLimited.delete('chat.postEphemeral');
  });
});
