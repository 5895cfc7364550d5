import { describe, expect, it } from 'vitest';
import { CHAT_COMMANDS } from '../../commands/index.ts';
import { dispatch } from '../../src/chat/dispatch.ts';
import { replyText } from '../../src/chat/reply.ts';
import type { Attachment } from '../../src/chat/request.ts';
import { testApp } from '../helpers/app.ts';
import { dumpDatabase, REPLY_TABLES } from '../helpers/dump.ts';

const NS = (name: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`;
const save = (name: string, content: string) => `/file save ${name}\n\`\`\`yaml\n${content}\`\`\``;

/** A message with files attached, as the Discord and Slack adapters pass uploads. */
function withAttachments(
  t: ReturnType<typeof testApp>,
  user: string,
  text: string,
  attachments: Attachment[],
) {
  return dispatch(t.app, CHAT_COMMANDS, {
    platform: 'console',
    scope: 'test',
    channel: 'general',
    user,
    text,
    attachments,
  });
}

describe('/file', () => {
  it('GIVEN a saved file WHEN it is saved again THEN it is replaced, not duplicated', () => {
    const t = testApp();
    expect(t.say('alice', save('ns.yaml', NS('one')))).toMatch(/^Saved `ns.yaml` \(53 bytes\)/);
    expect(t.say('alice', save('ns.yaml', NS('two')))).toBe(
      'Replaced `ns.yaml` with the new content (53 bytes).',
    );
    expect(t.say('alice', '/file list')).toBe('Your saved files (1 of at most 50):\n• `ns.yaml` (53 bytes)');
    expect(t.say('alice', 'kubectl create -f ns.yaml')).toBe('namespace/two created');
  });

  it('GIVEN 50 saved files WHEN a 51st is saved THEN it is refused and nothing changes, but replacing still works', () => {
    const t = testApp();
    for (let i = 0; i < 50; i++) expect(t.send('alice', save(`f${i}.yaml`, NS(`n${i}`))).ok).toBe(true);
    const before = dumpDatabase(t.app.db, REPLY_TABLES);
    const reply = t.send('alice', save('f50.yaml', NS('n50')));
    expect(reply.ok).toBe(false);
    expect(replyText(reply)).toBe(
      'You already have 50 saved files, the most a sandbox keeps. Delete one with `/file delete NAME` first.',
    );
    expect(dumpDatabase(t.app.db, REPLY_TABLES)).toBe(before);
    expect(t.send('alice', save('f0.yaml', NS('again'))).ok).toBe(true);
  });

  it('GIVEN content over 64 KiB WHEN saved THEN it is refused with its size', () => {
    const t = testApp();
    const big = `${NS('x')}${'# padding\n'.repeat(7000)}`;
    expect(t.say('alice', save('big.yaml', big))).toBe(
      `\`big.yaml\` is ${Buffer.byteLength(big)} bytes; a saved file may be at most 65536 bytes. Nothing was saved.`,
    );
  });

  it.each(['..', '.', '-', 'a'.repeat(65), 'bad name', 'über.yaml', 'a/b'])(
    'GIVEN the name %j WHEN saved THEN it is refused',
    (name) => {
      const t = testApp();
      const reply = t.send('alice', `/file save ${name}\n\`\`\`\n${NS('x')}\`\`\``);
      expect(reply.ok).toBe(false);
    },
  );

  it('GIVEN a member who chose Korean WHEN they save and list THEN the bot answers in Korean', () => {
    const t = testApp();
    t.say('alice', '/lang ko');
    expect(t.say('alice', save('ns.yaml', NS('one')))).toBe(
      '`ns.yaml`을 저장했어요 (53바이트). `kubectl create -f ns.yaml`이나 `kubectl apply -f ns.yaml`로 쓸 수 있어요.',
    );
    expect(t.say('alice', '/file list')).toBe('내 저장 파일 (1개, 최대 50개):\n• `ns.yaml` (53바이트)');
    expect(t.say('alice', '/file show nope')).toBe(
      '`nope`라는 저장 파일이 없어요. `/file list`로 내 파일을 볼 수 있어요.',
    );
  });

  it('GIVEN an attached file and no code block WHEN /file save THEN the attachment is saved', () => {
    const t = testApp();
    const reply = withAttachments(t, 'alice', '/file save up.yaml', [{ name: 'up.yaml', content: NS('up') }]);
    expect(reply.ok).toBe(true);
    expect(t.say('alice', '/file show up.yaml')).toBe(`\`up.yaml\`:\n\n${NS('up').trimEnd()}`);
  });

  it('GIVEN files of one member WHEN another lists or uses them THEN they are not there', () => {
    const t = testApp();
    t.say('alice', save('ns.yaml', NS('one')));
    expect(t.say('bob', '/file list')).toMatch(/^You have no saved files yet/);
    expect(t.say('bob', 'kubectl apply -f ns.yaml')).toBe('error: the path "ns.yaml" does not exist');
  });

  it('GIVEN a sandbox reset WHEN files are listed THEN they went with it', () => {
    const t = testApp();
    t.say('alice', save('ns.yaml', NS('one')));
    t.say('alice', '/sandbox reset --yes');
    expect(t.say('alice', '/file list')).toMatch(/^You have no saved files yet/);
  });
});

describe('kubectl -f reads attachments and saved files', () => {
  it('GIVEN an attachment named in -f WHEN created THEN the attachment is the file', () => {
    const t = testApp();
    const reply = withAttachments(t, 'alice', 'kubectl create -f up.yaml', [
      { name: 'up.yaml', content: NS('up') },
    ]);
    expect(replyText(reply)).toBe('namespace/up created');
  });

  it('GIVEN one attachment and -f - without a code block WHEN created THEN the attachment is standard input', () => {
    const t = testApp();
    const reply = withAttachments(t, 'alice', 'kubectl apply -f -', [
      { name: 'up.yaml', content: 'kind: Pod\n' },
    ]);
    expect(replyText(reply)).toBe(
      'error: error validating "STDIN": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false',
    );
  });

  it('GIVEN a saved file and an attachment of the same name WHEN created THEN the saved file wins', () => {
    const t = testApp();
    t.say('alice', save('ns.yaml', NS('saved')));
    const reply = withAttachments(t, 'alice', 'kubectl create -f ns.yaml', [
      { name: 'ns.yaml', content: NS('attached') },
    ]);
    expect(replyText(reply)).toBe('namespace/saved created');
  });

  it('GIVEN a URL WHEN created THEN the sandbox cannot reach it', () => {
    const t = testApp();
    expect(
      t.say(
        'alice',
        'kubectl create -f https://raw.githubusercontent.com/luksa/kubernetes-in-action/master/Chapter03/kubia-manual.yaml',
      ),
    ).toBe(
      'error: Get "https://raw.githubusercontent.com/luksa/kubernetes-in-action/master/Chapter03/kubia-manual.yaml": dial tcp: lookup raw.githubusercontent.com: no such host',
    );
  });

  it('GIVEN a manifest that fails entirely WHEN created THEN the database is unchanged, row for row', () => {
    const t = testApp();
    t.say('alice', 'kubectl get po');
    const before = dumpDatabase(t.app.db, REPLY_TABLES);
    const reply = t.send(
      'alice',
      'kubectl create -f -\n```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: Bad_Name\nspec:\n  containers:\n  - name: a\n    image: nginx\n```',
    );
    expect(reply.ok).toBe(false);
    expect(dumpDatabase(t.app.db, REPLY_TABLES)).toBe(before);
  });
});
