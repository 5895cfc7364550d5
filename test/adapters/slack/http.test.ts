import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CHAT_COMMANDS } from '../../../commands/index.ts';
import { dispatch } from '../../../src/chat/dispatch.ts';
import { CHAT_RATE_LIMIT } from '../../../src/chat/rate-limit.ts';
import { replyText } from '../../../src/chat/reply.ts';
import { appMention, form, type Member, postSigned, SIGNING_SECRET, slashCommand } from './fake/payloads.ts';
import type { Posted } from './fake/state.ts';
import {
  ALICE,
  BOB,
  CAROL,
  CHANNEL,
  codeOf,
  type Harness,
  postPublicly,
  sectionTexts,
  startHarness,
  waitUntil,
} from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('http');
  // Most of this file is about how public output renders: the study channel posts it publicly
  // (`/settings output public`); the private default with its Share button is tested at the end.
  postPublicly(h);
});
afterAll(async () => {
  await h.close();
  expect(h.guard.outside()).toEqual([]);
});

/**
 * What the member's own sandbox says, straight from the core (to compare with Slack's copy). The
 * clock then moves on by the rate limit's refill, so setting a scene never trips the limiter.
 */
function direct(member: Member, text: string): string {
  const request = {
    platform: 'slack',
    scope: h.fake.state.team.id,
    channel: CHANNEL,
    user: member.id,
    text,
  } as const;
  const reply = replyText(dispatch(h.t.app, CHAT_COMMANDS, { ...request, attachments: [] }));
  h.t.advance(CHAT_RATE_LIMIT.refillMs);
  return reply;
}

const allText = (p: Posted) => [p.text, ...sectionTexts(p)].join('\n');

describe('Slack over HTTP (signed requests to the real Bolt HTTPReceiver)', () => {
  it('GIVEN a pod made with /kubectl run WHEN a signed /kubectl get po arrives THEN the kubectl table is posted in the channel as code', async () => {
    const created = await h.command(ALICE, '/kubectl', 'run kubia --image=luksa/kubia --port=8080');
    expect(codeOf(created)).toBe('pod/kubia created');
    const table = await h.command(ALICE, '/kubectl', 'get po');
    expect(table).toMatchObject({ via: 'response_url', ephemeral: false, channel: CHANNEL });
    expect(codeOf(table)).toBe(direct(ALICE, 'kubectl get po'));
    expect(codeOf(table)).toMatch(/^NAME {4}READY {3}STATUS/);
    expect(sectionTexts(table)[0]).toMatch(/^```\n/);
  });

  it('GIVEN another member WHEN bob runs /kubectl get po THEN he sees his own empty sandbox, not alice’s pod', async () => {
    const answer = await h.command(BOB, '/kubectl', 'get po');
    expect(codeOf(answer)).toBe('No resources found in default namespace.');
  });

  it.each([
    ['a bad signature', { secret: 'not-the-secret' }],
    ['a stale timestamp (six minutes old)', { timestamp: Math.floor(Date.now() / 1000) - 360 }],
    ['no signature at all', { secret: null }],
  ])(
    'GIVEN %s WHEN a /kubectl run arrives THEN it is refused with 401 and nothing changes',
    async (_name, signing) => {
      const posts = h.fake.state.posts.length;
      const calls = h.fake.state.calls.length;
      const body = form(slashCommand(h.fake, BOB, CHANNEL, '/kubectl', 'run evil --image=nginx'));
      const res = await postSigned(h.eventsUrl, body, signing);
      expect(res.status).toBe(401);
      // Give a wrongly accepted request time to show its effects before checking there are none.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(h.fake.state.posts.length).toBe(posts);
      expect(h.fake.state.calls.slice(calls)).toEqual([]);
      expect(direct(BOB, 'kubectl get po')).toBe('No resources found in default namespace.');
    },
  );

  it('GIVEN a correctly signed request WHEN its body was changed on the way THEN it is refused with 401', async () => {
    const body = form(slashCommand(h.fake, BOB, CHANNEL, '/kubectl', 'get po'));
    const timestamp = Math.floor(Date.now() / 1000);
    const { signature } = await import('./fake/payloads.ts');
    const res = await fetch(h.eventsUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': signature(SIGNING_SECRET, timestamp, body),
      },
      body: body.replace('get+po', 'delete+po+--all'),
    });
    expect(res.status).toBe(401);
  });

  it('GIVEN enough pods WHEN get po -o yaml prints over 10,000 characters THEN it arrives whole, split within Slack’s limits', async () => {
    for (let i = 0; direct(BOB, 'kubectl get po -o yaml').length <= 10_000; i++) {
      direct(BOB, `kubectl run web-${i} --image=nginx --labels=app=web,tier=frontend,env=prod`);
    }
    const since = h.fake.state.posts.length;
    await h.command(BOB, '/kubectl', 'get po -o yaml');
    // The same command at the same simulated time (pod status moves on with the clock).
    const expected = direct(BOB, 'kubectl get po -o yaml');
    const posts = () => h.fake.state.posts.slice(since);
    await waitUntil(() => posts().map(codeOf).join('\n') === expected, 'the whole output');
    expect(h.fake.state.refused).toEqual([]);
    expect(posts().length).toBeGreaterThan(1);
    expect(posts().length).toBeLessThanOrEqual(3);
    for (const p of posts()) for (const s of sectionTexts(p)) expect(s.length).toBeLessThanOrEqual(3000);
  });

  it('GIVEN output too long for three messages WHEN it is public THEN it is uploaded as a file (getUploadURLExternal, upload, complete)', async () => {
    for (let i = 0; direct(CAROL, 'kubectl get po -o yaml').length <= 40_000; i++) {
      direct(CAROL, `kubectl run api-${i} --image=nginx`);
    }
    const file = await h.command(CAROL, '/kubectl', 'get po -o yaml');
    const expected = direct(CAROL, 'kubectl get po -o yaml');
    expect(file).toMatchObject({
      via: 'files',
      channel: CHANNEL,
      file: { name: 'output.txt', content: expected },
    });
    expect(file.text).toBe(
      `The output is ${expected.split('\n').length} lines long, so here it is as a file.`,
    );
    expect(h.fake.state.calls.slice(-2)).toEqual([
      'files.getUploadURLExternal',
      'files.completeUploadExternal',
    ]);
  });

  it('GIVEN pod names that look like mentions WHEN kubectl echoes them THEN nobody is mentioned: < and > arrive escaped', async () => {
    const answer = await h.command(BOB, '/kubectl', "get po '<!channel>' '<!here>' '<@U123>' '@here'");
    // This channel posts output publicly, errors too: the escaping is what keeps it harmless.
    expect(answer.ephemeral).toBe(false);
    const text = allText(answer);
    expect(text).not.toMatch(/<[!@#]/);
    expect(text).toContain('pods "&lt;!channel&gt;" not found');
    expect(text).toContain('pods "&lt;@U123&gt;" not found');
    expect(codeOf(answer)).toBe(direct(BOB, "kubectl get po '<!channel>' '<!here>' '<@U123>' '@here'"));
  });

  it('GIVEN a message that mentions the bot WHEN it carries a kubectl command THEN the answer is posted in the channel', async () => {
    const answer = await h.mention(ALICE, 'kubectl get po kubia');
    expect(answer).toMatchObject({ via: 'chat.postMessage', channel: CHANNEL });
    expect(codeOf(answer)).toBe(direct(ALICE, 'kubectl get po kubia'));
  });

  it('GIVEN a mention inside a thread WHEN it is answered THEN the answer goes to that thread', async () => {
    const since = h.fake.state.posts.length;
    const res = await postSigned(
      h.eventsUrl,
      JSON.stringify(appMention(h.fake, ALICE, CHANNEL, 'kubectl get po kubia', '1736935200.000042')),
      { contentType: 'application/json' },
    );
    expect(res.status).toBe(200);
    const answer = await h.fake.waitFor(() => true, since);
    expect(answer).toMatchObject({ via: 'chat.postMessage', threadTs: '1736935200.000042' });
  });

  it('GIVEN Slack redelivers a mention (x-slack-retry-num: 1) WHEN it arrives THEN it is acked and not run again', async () => {
    const calls = h.fake.state.calls.length;
    const event = appMention(h.fake, CAROL, CHANNEL, 'kubectl run again --image=nginx');
    const res = await postSigned(h.eventsUrl, JSON.stringify(event), {
      contentType: 'application/json',
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    expect(res.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.fake.state.calls.slice(calls)).toEqual([]);
    expect(direct(CAROL, 'kubectl get po again')).toBe(
      'Error from server (NotFound): pods "again" not found',
    );
  });

  it('GIVEN slash-command text as Slack escapes it (&lt; &gt; &amp;) WHEN it arrives THEN kubectl sees what the member typed', async () => {
    // Quoted, as a shell needs them to be arguments (unquoted, < > & are shell operators: below).
    const answer = await h.command(BOB, '/kubectl', "get po '&lt;!here&gt;' 'a&amp;b'");
    expect(codeOf(answer)).toBe(direct(BOB, "kubectl get po '<!here>' 'a&b'"));
  });

  it('GIVEN an unquoted <!here> WHEN it arrives THEN kubectl runs what a shell would, and the note naming the rest pings nobody', async () => {
    const answer = await h.command(BOB, '/kubectl', 'get po &lt;!here&gt; a&amp;b');
    expect(codeOf(answer)).toBe(direct(BOB, 'kubectl get po'));
    expect(allText(answer)).toContain('Chat has no shell, so `&lt;!here&gt; a&amp;b` was not run');
    expect(JSON.stringify(answer)).not.toContain('<!here>');
  });

  it('GIVEN /podium-help WHEN it arrives THEN the help, written for Slack, is answered privately', async () => {
    const answer = await h.command(ALICE, '/podium-help', '');
    expect(answer.ephemeral).toBe(true);
    const text = allText(answer);
    expect(text).toContain('Podium');
    // Slack's own syntax: slash commands with plain words, a mention for a code block.
    expect(text).toContain('`/kubectl get po`');
    expect(text).toContain('`@podium kubectl apply -f -`');
    expect(text).toContain('`/curl localhost:8888`');
    expect(text).toContain('`/podium-help`: this list');
    expect(text).not.toMatch(/command:|args:|• `\/help`/);
  });

  it('GIVEN every slash command and shortcut in slack-app-manifest.yaml WHEN /podium-help THEN each is in the help, /guide too', async () => {
    const manifest = parse(
      readFileSync(new URL('../../../slack-app-manifest.yaml', import.meta.url), 'utf8'),
    ) as {
      features: { slash_commands: { command: string }[]; shortcuts: { name: string; type: string }[] };
    };
    const text = allText(await h.command(ALICE, '/podium-help', ''));
    const missing = manifest.features.slash_commands
      .map((c) => c.command)
      .filter((command) => !text.includes(`\`${command}`));
    expect(missing).toEqual([]);
    expect(text).toContain('`/guide on|off`');
    // A message shortcut is found in a message's More actions menu, by its name.
    const shortcuts = manifest.features.shortcuts.filter((s) => s.type === 'message');
    expect(shortcuts.length).toBeGreaterThan(0);
    for (const shortcut of shortcuts) expect(text).toContain(`More actions menu → *${shortcut.name}*`);
  });

  it('GIVEN /guide off WHEN the member then sends /guide THEN their guide lines are off', async () => {
    const off = await h.command(BOB, '/guide', 'off');
    expect(allText(off)).toContain('Guide lines off');
    expect(allText(await h.command(BOB, '/guide', ''))).toContain('Guide lines are off for you');
  });

  it('GIVEN /kubectl apply with no manifest WHEN it arrives THEN a modal with a multi-line input opens', async () => {
    const since = h.fake.state.views.length;
    const res = await h.deliver('slash_commands', slashCommand(h.fake, ALICE, CHANNEL, '/kubectl', 'apply'));
    expect(res.status).toBe(200);
    const view = await h.fake.waitForView(since);
    expect(view).toMatchObject({ type: 'modal', callback_id: 'podium.manifest' });
    expect(JSON.stringify(view.blocks)).toContain('"multiline":true');
    expect(JSON.parse(String(view.private_metadata))).toEqual({
      channel: CHANNEL,
      command: 'kubectl apply -f -',
      verb: 'apply',
      responseUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/response\/R\d+$/),
    });
  });

  it('GIVEN a channel with the default (private) output WHEN alice runs kubectl THEN only she sees it, with a Share button whose value is only an id; clicking it posts “alice shared:” in the channel, mentions inert', async () => {
    const quiet = 'C0QUIET';
    const own = await h.command(ALICE, '/kubectl', "get po '<!channel>'", quiet);
    expect(own).toMatchObject({ via: 'response_url', ephemeral: true });
    const actions = own.blocks.find((b) => (b as { type: string }).type === 'actions') as {
      elements: { action_id: string; value: string; text: { text: string } }[];
    };
    const button = actions.elements[0];
    expect(button?.text.text).toBe('Share');
    expect(button?.value).toMatch(/^\/share \d+$/);
    h.t.advance(CHAT_RATE_LIMIT.refillMs);
    const shared = await h.click(
      ALICE,
      { ts: '1736935200.000100', channel: quiet, text: own.text, blocks: own.blocks } as never,
      { action_id: button?.action_id ?? '', block_id: 'x', value: button?.value ?? '' },
    );
    expect(shared).toMatchObject({ via: 'response_url', ephemeral: false });
    const text = allText(shared);
    expect(text).toContain('alice shared:');
    expect(text).toContain('pods "&lt;!channel&gt;" not found');
    expect(text).not.toMatch(/<[!@#]/);
  });
});
