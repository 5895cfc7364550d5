import { describe, expect, it } from 'vitest';
import { CHAT_COMMANDS } from '../../commands/index.ts';
import type { ChatCommand } from '../../src/chat/context.ts';
import { dispatch } from '../../src/chat/dispatch.ts';
import { replyText, textReply } from '../../src/chat/reply.ts';
import { ok } from '../../src/result.ts';
import { testApp } from '../helpers/app.ts';
import { tempDbPath } from '../helpers/console.ts';

/**
 * Durability as chosen in store/db.ts: quiz answers and lab results commit with
 * synchronous=FULL (fsynced before the member is told), sandbox commands with NORMAL.
 */
const probe = (name: string, durable: boolean): ChatCommand => ({
  name,
  durable,
  run: (ctx) => ok(textReply(String(ctx.app.db.pragma('synchronous', { simple: true })))),
});

describe('durability per command', () => {
  it('GIVEN a durable command and a plain one WHEN each commits THEN the durable one runs with FULL (2) and the plain one with NORMAL (1)', () => {
    const t = testApp(tempDbPath());
    const commands = [probe('answer', true), probe('look', false)];
    const send = (text: string) =>
      replyText(
        dispatch(t.app, commands, {
          platform: 'console',
          scope: 'test',
          channel: 'general',
          user: 'alice',
          text,
          attachments: [],
        }),
      );
    expect(send('/answer')).toBe('2');
    expect(send('/look')).toBe('1');
    expect(send('/answer')).toBe('2');
  });

  it('GIVEN the chat commands WHEN listed THEN the quiz and the lab are durable and kubectl is not', () => {
    const durable = CHAT_COMMANDS.filter((c) => c.durable === true).map((c) => c.name);
    expect(durable.sort()).toEqual(['lab', 'quiz']);
  });
});
