import { ApplicationCommandType } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { registrationPayloads } from '../../../src/adapters/discord/commands.ts';
import { MAX_PIECES } from '../../../src/adapters/discord/render.ts';
import { DEFAULT_SETTINGS } from '../../../src/store/settings.ts';
import { EPHEMERAL } from './fake/limits.ts';
import { member } from './fake/payloads.ts';
import { APP_ID, CHANNEL_ID, GUILD_ID, isEphemeral } from './fake/state.ts';
import { codeOf, expectClean, type Harness, startHarness } from './harness.ts';

/**
 * The real discord.js client, logged in to the strict fake on 127.0.0.1: members run slash
 * commands, type into autocompleted options, attach files and fill modals, and every message the
 * bot sends must be one Discord accepts and that pings nobody.
 */
let h: Harness;
let n = 0;
/** A fresh member per test, so each starts with a fresh sandbox. */
const someone = (name: string) => member(`30000000000000000${String(++n).padStart(2, '0')}`, name);

beforeAll(async () => {
  h = await startHarness();
});

/** Output is private by default; a test about public output sets the channel so, then back. */
function publicOutput(on: boolean): void {
  h.app.group.settings.put(
    { platform: 'discord', scope: GUILD_ID, channel: CHANNEL_ID },
    { ...DEFAULT_SETTINGS, output: on ? 'public' : 'private' },
  );
}
afterEach(() => {
  publicOutput(false);
  expectClean(h.fake);
});
afterAll(async () => {
  await h?.close();
});

const POD = (name: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: main
    image: luksa/kubia
    ports:
    - containerPort: 8080
`;

describe('Discord login', () => {
  it('GIVEN the fake WHEN the bot logs in THEN it identifies once, with only the Guilds intent, over 127.0.0.1', () => {
    const { client } = h.bot;
    expect(String(client.options.rest?.api)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api$/);
    expect(h.fake.gateway.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    expect(h.fake.gateway.stats.identifies).toBe(1);
    expect(h.fake.gateway.stats.intents).toEqual([1]);
    expect(client.user.id).toBe(APP_ID);
    expect(client.guilds.cache.has(GUILD_ID)).toBe(true);
  });
});

describe('/kubectl', () => {
  it('GIVEN a pod WHEN /kubectl get po THEN the table arrives publicly in a code block', async () => {
    publicOutput(true);
    const alice = someone('alice');
    await h.fake.command(alice, 'kubectl', { command: 'run kubia --image=luksa/kubia --port=8080' }).reply();
    const handle = h.fake.command(alice, 'kubectl', { command: 'get po' });
    const reply = await handle.reply();
    expect(handle.record.callbacks).toEqual([4]);
    expect(isEphemeral(reply)).toBe(false);
    const table = codeOf(reply.content).split('\n');
    expect(table[0]).toMatch(/^NAME {4}READY {3}STATUS +RESTARTS {3}AGE$/);
    expect(table[1]).toMatch(/^kubia {3}0\/1 {5}\S+/);
  });

  it('GIVEN three backticks in the command option WHEN /kubectl runs it THEN they open no fence: kubectl sees them as characters', async () => {
    const dora = someone('dora');
    await h.fake.command(dora, 'kubectl', { command: 'run web --image=nginx' }).reply();
    const annotated = await h.fake
      .command(dora, 'kubectl', { command: "annotate po web note='```yaml'" })
      .reply();
    expect(codeOf(annotated.content)).toBe('pod/web annotated');
    const missing = await h.fake.command(dora, 'kubectl', { command: "get po '```'" }).reply();
    expect(missing.content.replace(/\u200d/g, '')).toContain(
      'Error from server (NotFound): pods "```" not found',
    );
  });

  it('GIVEN a port-forward WHEN /curl, /wget and /kubectl command:curl reach localhost THEN the pod answers, as in the notes', async () => {
    const ivy = someone('ivy');
    await h.fake.command(ivy, 'kubectl', { command: 'run kubia --image=luksa/kubia --port=8080' }).reply();
    h.clock.now += 60_000;
    const forwarded = await h.fake
      .command(ivy, 'kubectl', { command: 'port-forward kubia 8888:8080' })
      .reply();
    expect(codeOf(forwarded.content)).toContain('Forwarding from 127.0.0.1:8888 -> 8080');
    const curled = await h.fake.command(ivy, 'curl', { args: 'localhost:8888' }).reply();
    expect(codeOf(curled.content)).toBe("You've hit kubia");
    const typedTwice = await h.fake.command(ivy, 'curl', { args: 'curl -s http://127.0.0.1:8888/' }).reply();
    expect(codeOf(typedTwice.content)).toBe("You've hit kubia");
    const inKubectl = await h.fake.command(ivy, 'kubectl', { command: 'curl localhost:8888' }).reply();
    expect(codeOf(inKubectl.content)).toBe("You've hit kubia");
    const wgot = await h.fake.command(ivy, 'wget', { args: '-qO- localhost:8888' }).reply();
    expect(codeOf(wgot.content)).toBe("You've hit kubia");
    const refused = await h.fake.command(ivy, 'curl', { args: 'localhost:7777' }).reply();
    expect(isEphemeral(refused)).toBe(true);
    expect(codeOf(refused.content)).toContain('curl: (7) Failed to connect to localhost port 7777');
    expect(h.say(ivy, 'kubectl logs kubia').match(/Received request/g)).toHaveLength(4);
  });

  it('GIVEN a typo WHEN /kubectl gte po THEN the error is ephemeral, in a code block', async () => {
    const reply = await h.fake.command(someone('typo'), 'kubectl', { command: 'gte po' }).reply();
    expect(reply.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(codeOf(reply.content)).toContain('Did you mean this?\n\tget');
  });

  it('GIVEN alice and bob have pods WHEN alice types "get po ku" THEN autocomplete offers her pods only', async () => {
    const alice = someone('alice');
    const bob = someone('bob');
    for (const name of ['kubia', 'kubia-2', 'web'])
      await h.fake.command(alice, 'kubectl', { command: `run ${name} --image=nginx` }).reply();
    await h.fake.command(bob, 'kubectl', { command: 'run kubia-bob --image=nginx' }).reply();
    const choices = await h.fake
      .autocomplete(alice, 'kubectl', { command: 'get po ku' }, 'command')
      .choices();
    expect(choices).toEqual([
      { name: 'get po kubia', value: 'get po kubia' },
      { name: 'get po kubia-2', value: 'get po kubia-2' },
    ]);
    const logs = await h.fake.autocomplete(alice, 'kubectl', { command: 'logs ' }, 'command').choices();
    expect(logs.map((c) => c.value)).toEqual(['logs kubia', 'logs kubia-2', 'logs web']);
  });

  it('GIVEN a member with no sandbox WHEN they autocomplete THEN they get verbs and no sandbox is created', async () => {
    const carol = someone('carol');
    const choices = await h.fake.autocomplete(carol, 'kubectl', { command: '' }, 'command').choices();
    expect(choices.map((c) => c.value)).toEqual(expect.arrayContaining(['run', 'get', 'delete']));
    expect(h.app.sandboxes.exists({ platform: 'discord', scope: GUILD_ID, user: carol.id })).toBe(false);
  });
});

describe('manifests', () => {
  it('GIVEN a slow attachment WHEN /kubectl has a file THEN the bot defers within the window and then answers', async () => {
    h.fake.options.ackWindowMs = 300;
    const file = h.fake.attachment('notes.txt', 'hello', 600);
    const handle = h.fake.command(someone('slow'), 'kubectl', { command: 'get po', file });
    h.fake.options.ackWindowMs = 3000;
    const followups = await handle.followups(1);
    expect(handle.record.callbacks).toEqual([5]);
    // `get po -f notes.txt` names both a type and a file, which kubectl refuses (as kubectl 1.33
    // does): a private error, so the public "thinking…" gives way to it.
    expect(handle.record.original?.deleted).toBe(true);
    expect(followups[0]?.flags).toBe(EPHEMERAL);
    expect(codeOf(followups[0]?.content ?? '')).toContain('you may not specify resource arguments as well');
  });

  it.each([
    ['a PNG', 'screenshot.png', 'PNG-bytes', '`screenshot.png` is image/png, not a text file'],
    [
      'a file over the message limit',
      'huge.yaml',
      'x'.repeat(300_000),
      'That message is too long (300000 bytes',
    ],
  ])(
    'GIVEN %s attached WHEN /kubectl create THEN it is refused privately at once, before any public "thinking…", and nothing is fetched',
    async (_what, name, text, said) => {
      const fay = someone('fay');
      const handle = h.fake.command(fay, 'kubectl', {
        command: 'create',
        file: h.fake.attachment(name, text),
      });
      const reply = await handle.answer();
      expect(handle.record.callbacks).toEqual([4]);
      expect(reply.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(reply.content).toContain(said);
      expect(h.say(fay, 'kubectl get po')).toBe('No resources found in default namespace.');
    },
  );

  it('GIVEN an attached manifest WHEN /kubectl create THEN the pod is created', async () => {
    publicOutput(true);
    const dave = someone('dave');
    const file = h.fake.attachment('kubia-manual.yaml', POD('kubia-manual'));
    const handle = h.fake.command(dave, 'kubectl', { command: 'create', file });
    const reply = await handle.reply();
    expect(handle.record.callbacks).toEqual([5]);
    expect(codeOf(reply.content)).toBe('pod/kubia-manual created');
    const table = await h.fake.command(dave, 'kubectl', { command: 'get po' }).reply();
    expect(codeOf(table.content)).toContain('kubia-manual');
  });

  it('GIVEN /apply WHEN the member fills the modal THEN its text is the stdin of kubectl apply -f -', async () => {
    const erin = someone('erin');
    const handle = h.fake.command(erin, 'apply');
    const modal = await handle.modal();
    expect(handle.record.callbacks).toEqual([9]);
    expect(modal).toMatchObject({
      title: 'kubectl apply -f -',
      components: [
        { type: 18, label: 'Manifest (YAML or JSON)', component: { type: 4, style: 2, max_length: 4000 } },
      ],
    });
    const box = (modal.components as { component: { custom_id: string } }[])[0]?.component.custom_id ?? '';
    const submit = h.fake.submitModal(erin, modal, { [box]: `\`\`\`yaml\n${POD('from-modal')}\`\`\`` });
    const reply = await submit.reply();
    expect(codeOf(reply.content)).toBe('pod/from-modal created');
  });

  it('GIVEN /kubectl replace --force -f - and no file WHEN the member fills the modal THEN that very line runs with its text as stdin', async () => {
    publicOutput(true);
    const gus = someone('gus');
    await h.fake.command(gus, 'kubectl', { command: 'run web --image=nginx' }).reply();
    const handle = h.fake.command(gus, 'kubectl', { command: 'replace --force -f -' });
    const modal = await handle.modal();
    expect(handle.record.callbacks).toEqual([9]);
    expect(modal).toMatchObject({ title: 'kubectl replace --force -f -' });
    const box = (modal.components as { component: { custom_id: string } }[])[0]?.component.custom_id ?? '';
    const submit = h.fake.submitModal(gus, modal, { [box]: POD('web') });
    const reply = await submit.reply();
    expect(codeOf(reply.content)).toBe('pod "web" deleted from default namespace\npod/web replaced');
  });

  it('GIVEN /file save without a file WHEN the member fills the modal THEN the manifest is saved for kubectl create -f NAME', async () => {
    const fay = someone('fay');
    const handle = h.fake.command(fay, 'file save', { name: 'web.yaml' });
    const modal = await handle.modal();
    expect(modal.title).toBe('/file save web.yaml');
    const box = (modal.components as { component: { custom_id: string } }[])[0]?.component.custom_id ?? '';
    const saved = await h.fake.submitModal(fay, modal, { [box]: POD('web') }).answer();
    expect(saved.content).toContain('web.yaml');
    const created = await h.fake.command(fay, 'kubectl', { command: 'create -f web.yaml' }).reply();
    expect(codeOf(created.content)).toBe('pod/web created');
  });

  it('GIVEN a file attached to /file save WHEN saved THEN /file show autocompletes its name and shows it', async () => {
    const gus = someone('gus');
    const file = h.fake.attachment('anything.yaml', POD('att'));
    const handle = h.fake.command(gus, 'file save', { name: 'att.yaml', file });
    expect((await handle.answer()).content).toContain('att.yaml');
    expect(handle.record.callbacks).toEqual([5]);
    const choices = await h.fake.autocomplete(gus, 'file show', { name: 'at' }, 'name').choices();
    expect(choices).toEqual([{ name: 'att.yaml', value: 'att.yaml' }]);
    expect(h.say(gus, '/file show att.yaml')).toContain('name: att');
  });
});

describe('rendering', () => {
  it('GIVEN output of about 6,000 characters WHEN shown THEN it arrives as several valid code blocks, never rejected', async () => {
    const frank = someone('frank');
    for (const name of ['one', 'two'])
      await h.fake.command(frank, 'kubectl', { command: `run ${name} --image=nginx` }).reply();
    // Annotations (lines of at most ~500 characters) pad `get po -o yaml` to about 6,000 characters,
    // whatever the printer's details.
    const budget = Math.floor((6000 - h.say(frank, 'kubectl get po -o yaml').length) / 2);
    const keys = Math.ceil(budget / 500);
    const pairs = Array.from(
      { length: keys },
      (_, i) => `k${i}=${'n'.repeat(Math.floor(budget / keys) - 12)}`,
    );
    for (const name of ['one', 'two'])
      await h.fake.command(frank, 'kubectl', { command: `annotate pod ${name} ${pairs.join(' ')}` }).reply();
    const expected = h.say(frank, 'kubectl get po -o yaml');
    expect(expected.length).toBeGreaterThan(5500);
    expect(expected.length).toBeLessThan(6500);
    const handle = h.fake.command(frank, 'kubectl', { command: 'get po -o yaml' });
    const first = await handle.reply();
    // Follow-ups arrive one by one; wait until the pieces, put back together, are the whole output.
    const contents = await h.fake.waitFor(() => {
      const all = [first, ...handle.record.followups].map((m) => m.content);
      return all.map((c) => c.slice(4, -4)).join('\n') === expected ? all : null;
    });
    expect(contents.length).toBeGreaterThan(2);
    expect(contents.length).toBeLessThanOrEqual(MAX_PIECES);
    for (const c of contents) expect(c.length).toBeLessThanOrEqual(2000);
    expect(codeOf(...contents)).toBe(expected);
  });

  it('GIVEN output far over 2,000 characters WHEN shown THEN it arrives as a text file', async () => {
    const gina = someone('gina');
    const expected = h.say(gina, 'kubectl get po -A -o json');
    expect(expected.length).toBeGreaterThan(MAX_PIECES * 2000);
    const reply = await h.fake.command(gina, 'kubectl', { command: 'get po -A -o json' }).reply();
    expect(reply.files).toMatchObject([{ name: 'output.txt', text: expected }]);
  });

  it('GIVEN an annotation "@everyone <@&123> <@42>" WHEN describe shows it THEN the text is there and nobody is pinged', async () => {
    const hank = someone('hank');
    await h.fake.command(hank, 'kubectl', { command: 'run web --image=nginx' }).reply();
    await h.fake
      .command(hank, 'kubectl', { command: "annotate pod web note='@everyone <@&123> <@42>'" })
      .reply();
    const reply = await h.fake.command(hank, 'kubectl', { command: 'describe po web' }).reply();
    expect(codeOf(reply.content)).toMatch(/^Annotations: +note: @everyone <@&123> <@42>$/m);
    expect(reply.allowedMentions).toEqual({ parse: [] });
    // expectClean (afterEach) checks every message: `allowed_mentions` parses nothing, nothing pings.
  });

  it('GIVEN a manifest whose annotation holds ``` WHEN printed THEN the code block stays closed', async () => {
    publicOutput(true);
    const ivan = someone('ivan');
    const manifest = POD('fenced').replace(
      '  name: fenced\n',
      "  name: fenced\n  annotations:\n    note: 'a ``` b'\n",
    );
    await h.fake
      .command(ivan, 'kubectl', { command: 'create', file: h.fake.attachment('p.yaml', manifest) })
      .reply();
    const reply = await h.fake.command(ivan, 'kubectl', { command: 'get po fenced -o yaml' }).reply();
    expect(reply.content.split('```')).toHaveLength(3);
    expect(codeOf(reply.content)).toContain('    note: a `\u200d`\u200d` b\n');
  });
});

describe('/help and the member’s language', () => {
  it('GIVEN Discord WHEN /help THEN every line teaches a slash command as Discord types it, never a plain kubectl message', async () => {
    const reply = await h.fake.command(someone('helpme'), 'help').reply();
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.content).toContain('`/kubectl command:get po`');
    expect(reply.content).toContain('`/curl args:localhost:8888`');
    expect(reply.content).toContain('`/sandbox reset confirm:True`');
    expect(reply.content).toContain('`/apply`');
    // Discord never reads plain messages: no line may tell the member to type one.
    expect(reply.content).not.toMatch(/• `kubectl |• `curl |--yes|`\/podium-help`/);
  });

  it('GIVEN every command registered on Discord WHEN /help THEN each is in the help as Discord types it (the message command by its name)', async () => {
    const reply = await h.fake.command(someone('allcmds'), 'help').reply();
    const missing = registrationPayloads()
      .map((c) => (c.type === ApplicationCommandType.Message ? `**${c.name}**` : `\`/${c.name}`))
      .filter((shown) => !reply.content.includes(shown));
    expect(missing).toEqual([]);
    expect(reply.content).toContain('`/guide state:on|off`');
  });

  it('GIVEN /guide state:off WHEN the member then runs /guide alone THEN their guide lines are off', async () => {
    const gil = someone('gil');
    const off = await h.fake.command(gil, 'guide', { state: 'off' }).reply();
    expect(off.content).toMatch(/^Guide lines off: .* `\/guide state:on` brings them back\.$/);
    const now = await h.fake.command(gil, 'guide').reply();
    expect(now.content).toBe('Guide lines are off for you. `/guide state:on` turns them on.');
    expect(isEphemeral(now)).toBe(true);
  });

  it('GIVEN a member whose Discord app is in Korean and who chose no language WHEN /help THEN the help is Korean; after /lang language:en it is English', async () => {
    const minji = { ...someone('minji'), locale: 'ko' };
    const korean = await h.fake.command(minji, 'help').reply();
    expect(korean.content).toMatch(/^Podium: 파드 챕터를 위한/);
    expect(korean.content).toContain('Discord 앱의 언어를 따라요');
    const error = await h.fake.command(minji, 'kubectl', { command: 'gte po' }).reply();
    expect(error.content).toContain('Did you mean this?');
    await h.fake.command(minji, 'lang', { language: 'en' }).reply();
    const english = await h.fake.command(minji, 'help').reply();
    expect(english.content).toMatch(/^Podium: your own practice cluster/);
  });

  it('GIVEN a Discord app in a language Podium does not speak (fr) WHEN /help THEN the bot’s default language is used', async () => {
    const reply = await h.fake.command({ ...someone('amelie'), locale: 'fr' }, 'help').reply();
    expect(reply.content).toMatch(/^Podium: your own practice cluster/);
  });
});
