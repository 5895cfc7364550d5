import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replyText } from '../../src/chat/reply.ts';
import { SandboxStore } from '../../src/store/sandboxes.ts';
import { testApp } from '../helpers/app.ts';
import { dumpDatabase, REPLY_TABLES } from '../helpers/dump.ts';
import { kubectlLine, singleObjectLine } from './commands.ts';

const SEED = 20251115;
const podIPs = (text: string) =>
  text
    .split('\n')
    .slice(1)
    .map((row) => row.split(/\s{2,}/)[6]);

describe('sandbox properties (seeded)', () => {
  it('GIVEN any sequence of commands THEN no two pods ever share an IP', () => {
    fc.assert(
      fc.property(fc.array(kubectlLine, { minLength: 1, maxLength: 25 }), (lines) => {
        const t = testApp();
        for (const line of lines) {
          t.send('alice', line);
          t.advance(3_000);
        }
        const ips = podIPs(t.say('alice', 'kubectl get po -A -o wide')).filter(
          (ip) => ip !== undefined && ip !== '<none>',
        );
        const podNetwork = ips.filter((ip) => ip?.startsWith('10.244.'));
        expect(new Set(podNetwork).size).toBe(podNetwork.length);
      }),
      { seed: SEED, numRuns: 40 },
    );
  });

  it('GIVEN any single-object command that fails WHEN it runs THEN the database is unchanged, row for row', () => {
    fc.assert(
      fc.property(fc.array(kubectlLine, { maxLength: 10 }), singleObjectLine, (setup, line) => {
        const t = testApp();
        for (const l of setup) t.send('alice', l);
        const before = dumpDatabase(t.app.db, REPLY_TABLES);
        const reply = t.send('alice', line);
        if (!reply.ok) expect(dumpDatabase(t.app.db, REPLY_TABLES)).toBe(before);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it("GIVEN two members WHEN one runs any commands THEN the other's view never changes", () => {
    fc.assert(
      fc.property(
        fc.array(kubectlLine, { maxLength: 10 }),
        fc.array(kubectlLine, { minLength: 1, maxLength: 20 }),
        (bobSetup, aliceLines) => {
          const t = testApp();
          for (const l of bobSetup) t.send('bob', l);
          const views = [
            'kubectl get po -A -o wide --show-labels',
            'kubectl get no --show-labels',
            'kubectl get ns',
          ];
          const before = views.map((v) => replyText(t.send('bob', v)));
          for (const l of aliceLines) t.send('alice', l);
          expect(views.map((v) => replyText(t.send('bob', v)))).toEqual(before);
        },
      ),
      { seed: SEED, numRuns: 40 },
    );
  });

  it("GIVEN bob shared his sandbox WHEN alice runs any commands at it (--context=bob), shares and answers THEN bob's sandbox, files, labs and quiz answers never change", () => {
    fc.assert(
      fc.property(
        fc.array(kubectlLine, { maxLength: 10 }),
        fc.array(kubectlLine, { minLength: 1, maxLength: 20 }),
        (bobSetup, aliceLines) => {
          const t = testApp();
          for (const l of bobSetup) t.send('bob', l);
          t.send('bob', '/sandbox share on');
          t.send('bob', '/lab start first-pod');
          t.send('bob', '/quiz practice labels');
          const bobsRows = () =>
            [
              'objects',
              'saved_files',
              'port_forwards',
              'lab_runs',
              'quiz_attempts',
              'quiz_cards',
              'quiz_solo',
            ]
              .map((table) =>
                JSON.stringify(
                  t.app.db
                    .prepare(
                      table === 'objects' || table === 'saved_files' || table === 'port_forwards'
                        ? `SELECT * FROM ${table} WHERE sandbox_id IN (SELECT id FROM sandboxes WHERE user_id = 'bob') ORDER BY 1, 2, 3`
                        : `SELECT * FROM ${table} WHERE user_id = 'bob' ORDER BY 1, 2, 3`,
                    )
                    .all(),
                ),
              )
              .join('\n');
          const before = bobsRows();
          for (const [i, l] of aliceLines.entries()) {
            const line =
              i % 2 === 0 ? l.replace(/^kubectl /, 'kubectl --context=bob ') : `${l} --context bob`;
            const reply = t.send('alice', line);
            // Whatever a look says, a Share of it is alice's own (her id, her name).
            const share = reply.choices.find((c) => c.id === 'share');
            if (share !== undefined && i % 3 === 0) t.send('alice', share.action);
          }
          t.send('alice', '/quiz answer A');
          t.send('alice', '/lab check');
          expect(bobsRows()).toEqual(before);
        },
      ),
      { seed: SEED, numRuns: 40 },
    );
  });

  it('GIVEN any sequence of commands THEN the cached sandbox equals what SQLite holds', () => {
    fc.assert(
      fc.property(fc.array(kubectlLine, { minLength: 1, maxLength: 25 }), (lines) => {
        const t = testApp();
        for (const line of lines) {
          t.send('alice', line);
          t.advance(2_000);
        }
        const key = { platform: 'console' as const, scope: 'test', user: 'alice' };
        if (!t.app.sandboxes.exists(key)) return;
        const sandbox = t.app.sandboxes.open(key, t.clock.now);
        const byName = <T extends { metadata: { name: string } }>(xs: readonly T[]) =>
          [...xs].sort((a, b) => JSON.stringify(a.metadata).localeCompare(JSON.stringify(b.metadata)));
        const normalize = (c: ReturnType<SandboxStore['load']>) => ({
          pods: byName(c.pods),
          nodes: byName(c.nodes),
          namespaces: byName(c.namespaces),
          forwards: [...c.forwards].sort((a, b) => a.localPort - b.localPort),
          files: [...c.files].sort((a, b) => a.name.localeCompare(b.name)),
        });
        const cached = normalize(t.app.sandboxes.load(sandbox, t.clock.now));
        const stored = normalize(new SandboxStore(t.app.db).load(sandbox, t.clock.now));
        expect(JSON.parse(JSON.stringify(cached))).toEqual(JSON.parse(JSON.stringify(stored)));
      }),
      { seed: SEED, numRuns: 40 },
    );
  });
});
