import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { member } from './fake/payloads.ts';
import { isEphemeral } from './fake/state.ts';
import { codeOf, expectClean, type Harness, startHarness } from './harness.ts';

/**
 * Slash commands in a member's direct messages with the bot (the commands are registered for the
 * BotDM context too): the interaction has no guild and no member, only a `user` and a DM channel.
 * The member's DM sandbox is their own, apart from the one they have in the server.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterEach(() => {
  expectClean(h.fake);
});
afterAll(async () => {
  await h?.close();
});

describe('Discord: commands in direct messages', () => {
  it('GIVEN a member in their DMs with the bot WHEN they run /kubectl THEN it is answered there, in a sandbox apart from the server’s', async () => {
    const dana = member('300000000000000980', 'dana');
    const dm = { dm: true };
    const created = h.fake.command(dana, 'kubectl', { command: 'run solo --image=nginx' }, dm);
    expect(created.record.payload.guild_id).toBeUndefined();
    expect(created.record.payload.member).toBeUndefined();
    expect(codeOf((await created.reply()).content)).toBe('pod/solo created');
    const inDm = await h.fake.command(dana, 'kubectl', { command: 'get po -o name' }, dm).reply();
    expect(codeOf(inDm.content)).toBe('pod/solo');
    const inServer = await h.fake.command(dana, 'kubectl', { command: 'get po solo' }).reply();
    expect(codeOf(inServer.content)).toBe('Error from server (NotFound): pods "solo" not found');
  });

  it('GIVEN the DMs WHEN /help THEN the Discord help comes, privately', async () => {
    const reply = await h.fake.command(member('300000000000000981', 'eli'), 'help', {}, { dm: true }).reply();
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.content).toContain('`/kubectl command:get po`');
  });
});
