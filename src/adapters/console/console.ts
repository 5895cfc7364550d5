import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { CHAT_COMMANDS } from '../../../commands/index.ts';
import type { App } from '../../chat/context.ts';
import { dispatch } from '../../chat/dispatch.ts';
import { type Reply, replyText } from '../../chat/reply.ts';
import { MessageAssembler } from './assembler.ts';

/**
 * The console chat: a REPL on a terminal, or a script from a pipe. Every member of the "channel"
 * is typed by prefixing a line with `@name `; with `--json` each message gets exactly one line.
 */
export interface ConsoleOptions {
  user: string;
  json: boolean;
  input: Readable;
  output: Writable;
  interactive: boolean;
}

export function runConsole(app: App, options: ConsoleOptions): Promise<void> {
  const assembler = new MessageAssembler();
  const rl = createInterface({ input: options.input, crlfDelay: Number.POSITIVE_INFINITY, terminal: false });
  const prompt = () => {
    if (options.interactive) options.output.write(`${options.user}> `);
  };
  const handle = (message: string) => {
    const { user, text } = speaker(message, options.user);
    const reply = dispatch(app, CHAT_COMMANDS, {
      platform: 'console',
      scope: 'local',
      channel: 'console',
      user,
      userName: user,
      text,
      attachments: [],
    });
    options.output.write(`${options.json ? jsonLine(user, text, reply) : replyText(reply)}\n`);
  };
  prompt();
  rl.on('line', (line) => {
    for (const message of assembler.push(line)) handle(message);
    prompt();
  });
  return new Promise((resolve) => {
    rl.on('close', () => {
      for (const message of assembler.end()) handle(message);
      resolve();
    });
  });
}

/** `@bob kubectl get po` speaks as bob; anything else as the console's own user. */
export function speaker(message: string, defaultUser: string): { user: string; text: string } {
  const match = /^@([\w.-]{1,64})\s+([\s\S]*)$/.exec(message);
  if (match === null) return { user: defaultUser, text: message };
  return { user: match[1] ?? defaultUser, text: match[2] ?? '' };
}

function jsonLine(user: string, input: string, reply: Reply): string {
  return JSON.stringify({
    user,
    input,
    ok: reply.ok,
    text: replyText(reply),
    choices: reply.choices.map((c) => ({ id: c.id, label: c.label })),
  });
}
