import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatCommand } from '../../../src/chat/context.ts';
import { type Reply, textReply } from '../../../src/chat/reply.ts';
import { ok } from '../../../src/result.ts';
import { slashCommand } from './fake/payloads.ts';
import {
  ALICE,
  BOB,
  CHANNEL,
  codeOf,
  type Harness,
  sectionTexts,
  startHarness,
  type Transport,
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
    expect(allText(told)).toContain(
      '1 file(s) could not be sent. Slack answered: missing_scope: files:write',
    );
  });
});

void CHANNEL;
