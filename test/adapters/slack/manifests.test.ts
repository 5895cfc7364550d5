import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Member } from './fake/payloads.ts';
import { slashCommand } from './fake/payloads.ts';
import {
  CHANNEL,
  codeOf,
  type Harness,
  postPublicly,
  sectionTexts,
  startHarness,
  type Transport,
} from './harness.ts';

const KUBIA = `apiVersion: v1
kind: Pod
metadata:
  name: kubia-manual
spec:
  containers:
  - image: luksa/kubia
    name: kubia
    ports:
    - containerPort: 8080
      protocol: TCP
`;

const BROKEN = `apiVersion: v1
kind: Pod
metadata:
  name: [oops
`;

describe.each<Transport>(['http', 'socket'])('manifests over Slack (%s)', (transport) => {
  let h: Harness;
  const dana: Member = { id: `U0DANA${transport.toUpperCase()}`, name: 'dana' };
  beforeAll(async () => {
    h = await startHarness(transport);
    // This file is about how public output renders: its channel posts output publicly
    // (`/settings output public`); the private default with Share is tested in share tests.
    postPublicly(h);
  });
  afterAll(async () => {
    await h.close();
    expect(h.guard.outside()).toEqual([]);
  });

  const openModal = async (member: Member) => {
    const since = h.fake.state.views.length;
    await h.deliver('slash_commands', slashCommand(h.fake, member, CHANNEL, '/kubectl', 'apply'));
    return h.fake.waitForView(since);
  };

  it('GIVEN the /kubectl apply modal WHEN a bad manifest is submitted THEN the error shows under the box and nothing is created', async () => {
    const view = await openModal(dana);
    const { status, ack } = await h.submitView(dana, view, BROKEN);
    expect(status).toBe(200);
    expect(ack).toEqual({
      response_action: 'errors',
      errors: {
        manifest:
          "error: error parsing STDIN: error converting YAML to JSON: yaml: line 4: did not find expected ',' or ']'",
      },
    });
    expect(codeOf(await h.command(dana, '/kubectl', 'get po'))).toBe(
      'No resources found in default namespace.',
    );
  });

  it('GIVEN the /kubectl apply modal WHEN a pod manifest is submitted THEN the modal closes, the channel hears “created” and the pod exists', async () => {
    const view = await openModal(dana);
    const since = h.fake.state.posts.length;
    const { status, ack } = await h.submitView(dana, view, `\`\`\`yaml\n${KUBIA}\`\`\``);
    expect(status).toBe(200);
    expect(ack === null || JSON.stringify(ack) === '{}').toBe(true);
    const created = await h.fake.waitFor(() => true, since);
    expect(created).toMatchObject({ via: 'chat.postMessage', channel: CHANNEL });
    expect(codeOf(created)).toBe('pod/kubia-manual created');
    const listed = codeOf(await h.command(dana, '/kubectl', 'get po kubia-manual'));
    expect(listed.split('\n')[1]).toMatch(/^kubia-manual +0\/1 +ContainerCreating +0 +0s$/);
  });

  const gus = (n: number): Member => ({ id: `U0GUS${n}${transport.toUpperCase()}`, name: 'gus' });
  const labelled = KUBIA.replace(
    '  name: kubia-manual\n',
    '  name: kubia-manual\n  labels:\n    tier: web\n',
  );

  /** gus's pod from KUBIA, then the box `/kubectl ARGS` opens, checked to be replace's. */
  const replaceBox = async (member: Member, args: string, command: string) => {
    expect(codeOf(await h.mention(member, `kubectl apply -f -\n\`\`\`yaml\n${KUBIA}\`\`\``))).toBe(
      'pod/kubia-manual created',
    );
    const since = h.fake.state.views.length;
    await h.deliver('slash_commands', slashCommand(h.fake, member, CHANNEL, '/kubectl', args));
    const view = await h.fake.waitForView(since);
    expect(view).toMatchObject({
      type: 'modal',
      callback_id: 'podium.manifest',
      title: { text: 'Replace with a manifest' },
      submit: { text: 'Replace' },
    });
    expect(JSON.stringify(view.blocks)).toContain(`Runs ${command} with this text`);
    expect(JSON.parse(String(view.private_metadata))).toMatchObject({ command, verb: 'replace' });
    return view;
  };

  it('GIVEN /kubectl replace -f - with no manifest WHEN a changed pod is submitted in its box THEN replace answers (a PUT of a bare manifest may not change a pod’s spec), not apply', async () => {
    const member = gus(1);
    const view = await replaceBox(member, 'replace -f -', 'kubectl replace -f -');
    const { ack } = await h.submitView(member, view, labelled);
    expect(JSON.stringify(ack)).toContain(
      'The Pod \\"kubia-manual\\" is invalid: spec: Forbidden: pod updates may not change fields',
    );
  });

  it('GIVEN /kubectl replace --force -f - with no manifest WHEN a changed pod is submitted in its box THEN the pod is deleted and created again, labelled', async () => {
    const member = gus(2);
    const view = await replaceBox(member, 'replace --force -f -', 'kubectl replace --force -f -');
    const posted = h.fake.state.posts.length;
    const { ack } = await h.submitView(member, view, labelled);
    expect(ack === null || JSON.stringify(ack) === '{}' ? null : ack).toBeNull();
    expect(codeOf(await h.fake.waitFor(() => true, posted))).toBe(
      'pod "kubia-manual" deleted from default namespace\npod/kubia-manual replaced',
    );
    const shown = codeOf(await h.command(member, '/kubectl', 'get po kubia-manual --show-labels'));
    expect(shown).toContain('tier=web');
  });

  it('GIVEN a message mentioning the bot WHEN it carries apply -f - and a fenced manifest THEN the pod is created', async () => {
    const erin: Member = { id: `U0ERIN${transport.toUpperCase()}`, name: 'erin' };
    const answer = await h.mention(erin, `kubectl apply -f -\n\`\`\`yaml\n${KUBIA}\`\`\``);
    expect(answer).toMatchObject({ via: 'chat.postMessage', channel: CHANNEL });
    expect(codeOf(answer)).toBe('pod/kubia-manual created');
  });

  it.each([
    ['with its rich-text blocks', true],
    ['as text only (no blocks)', false],
  ])(
    'GIVEN a block pasted in Slack’s composer (fences glued to the first and last lines), sent %s WHEN @podium kubectl apply -f - THEN the pod is created',
    async (_how, blocks) => {
      const fay: Member = { id: `U0FAY${blocks ? 'B' : 'T'}${transport.toUpperCase()}`, name: 'fay' };
      const answer = await h.mention(fay, `kubectl apply -f -\n\`\`\`${KUBIA}\`\`\``, CHANNEL, { blocks });
      expect(codeOf(answer)).toBe('pod/kubia-manual created');
      const shown = codeOf(await h.command(fay, '/kubectl', 'get po kubia-manual -o yaml'));
      expect(shown).toContain('  - image: luksa/kubia\n');
    },
  );

  it('GIVEN a composer block holding < & > WHEN /file save takes it from the rich-text blocks THEN the saved file holds the raw characters, decoded once', async () => {
    const gus: Member = { id: `U0GUS${transport.toUpperCase()}`, name: 'gus' };
    const annotated = KUBIA.replace(
      '  name: kubia-manual\n',
      "  name: amp\n  annotations:\n    note: 'a<b&c>d &amp;'\n",
    );
    const saved = await h.mention(gus, `/file save amp.yaml\n\`\`\`${annotated}\`\`\``);
    expect(saved.ephemeral || saved.via === 'chat.postMessage').toBe(true);
    await h.mention(gus, 'kubectl create -f amp.yaml');
    const described = codeOf(await h.command(gus, '/kubectl', 'describe po amp'));
    expect(described).toContain('Annotations:      note: a<b&c>d &amp;\n');
  });

  it('GIVEN an annotation “<!channel> @here <@U123>” WHEN describe shows it THEN it mentions no one', async () => {
    await h.command(dana, '/kubectl', "annotate po kubia-manual note='<!channel> @here <@U123>'");
    const described = await h.command(dana, '/kubectl', 'describe po kubia-manual');
    const raw = [described.text, ...sectionTexts(described)].join('\n');
    expect(raw).toContain('note: &lt;!channel&gt; @here &lt;@U123&gt;');
    expect(raw).not.toMatch(/<[!@#]/);
    expect(codeOf(described)).toContain('Annotations:      note: <!channel> @here <@U123>');
  });
});
