import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { CHAT_COMMANDS, KUBECTL_VERBS } from '../../../commands/index.ts';
import type { App } from '../../chat/context.ts';
import { replyText } from '../../chat/reply.ts';
import { type Executor, inProcessExecutor, serve } from '../../executor/executor.ts';
import { t } from '../../i18n/catalogue.ts';
import { MessageAssembler } from './assembler.ts';
import { fileWriter, type WrittenFile } from './files.ts';
import { consoleOutbox, jsonLine } from './outbox.ts';

/**
 * The console chat: a REPL on a terminal, or a script from a pipe. Every member of the "channel"
 * is typed by prefixing a line with `@name `; with `--json` each message gets exactly one line,
 * and what a live quiz posts on its own gets lines of its own, from "podium" (`outbox.ts`).
 */
export interface ConsoleOptions {
  user: string;
  json: boolean;
  input: Readable;
  output: Writable;
  interactive: boolean;
  /** Where commands run; in process by default. */
  executor?: Executor;
  /** Where a reply's files are written (`data/files` beside the default database). */
  filesDir: string;
  /** Where the greeting goes (stderr), unless `json`: scripted readers see only JSON lines. */
  greeting?: Writable;
}

export function runConsole(app: App, options: ConsoleOptions): Promise<void> {
  const assembler = new MessageAssembler();
  const rl = createInterface({ input: options.input, crlfDelay: Number.POSITIVE_INFINITY, terminal: false });
  const runner = app.quiz.runner;
  const executor = options.executor ?? inProcessExecutor(app, CHAT_COMMANDS, KUBECTL_VERBS);
  const writeFiles = fileWriter(options.filesDir);
  runner.attach('console', consoleOutbox(options.output, options.json));
  const prompt = () => {
    if (options.interactive) options.output.write(`${options.user}> `);
  };
  // Messages are handled one after another, each followed by whatever it made a live quiz post
  // (the next question, a reveal), so a script's output comes out in a stable order.
  const handle = async (message: string) => {
    const { user, text } = speaker(message, options.user);
    const reply = await serve(app, executor, {
      platform: 'console',
      scope: 'local',
      channel: 'console',
      user,
      userName: user,
      username: user,
      // The console's own user runs the bot: a moderator; `@name` members are members.
      role: user === options.user ? 'moderator' : 'member',
      text,
      attachments: [],
    });
    const files = writeFiles(reply);
    const shown = options.json
      ? jsonLine(user, text, reply, false, files)
      : replyText(reply) + filePaths(files);
    options.output.write(`${shown}\n`);
    await runner.idle();
  };
  let queue = runner.idle();
  const then = (work: () => Promise<void>) => {
    queue = queue.then(work).catch((error: unknown) => app.log.error({ err: error }, 'console failed'));
  };
  let quitting = false;
  if (!options.json) options.greeting?.write(`${greeting(app, options.user)}\n`);
  prompt();
  rl.on('line', (line) =>
    then(async () => {
      // `/quit` (or `/exit`) ends the session like Ctrl-D, unless it is a line of an open code
      // block; lines already read after it are not run.
      if (quitting) return;
      if (!assembler.inBlock() && /^\/(?:quit|exit)\s*$/i.test(line.trim())) {
        quitting = true;
        rl.close();
        return;
      }
      for (const message of assembler.push(line)) await handle(message);
      prompt();
      await nextTurn();
    }),
  );
  return new Promise((resolve) => {
    rl.on('close', () =>
      then(async () => {
        for (const message of assembler.end()) await handle(message);
        // A quiz still running stays in the database and resumes at the next start.
        runner.shutdown();
        await runner.idle();
        resolve();
      }),
    );
  });
}

/** One line: what this is, how to begin and how to leave, in the console user's language. */
function greeting(app: App, user: string): string {
  const lang = app.members.lang({ platform: 'console', scope: 'local', user }) ?? app.defaultLang;
  return t(lang, 'console.greeting');
}

/** In a terminal each file is a line naming where it was written, to open with an image viewer. */
const filePaths = (files: readonly WrittenFile[]): string => files.map((f) => `\n[file] ${f.path}`).join('');

/** `@bob kubectl get po` speaks as bob; anything else as the console's own user. */
export function speaker(message: string, defaultUser: string): { user: string; text: string } {
  const match = /^@([\w.-]{1,64})\s+([\s\S]*)$/.exec(message);
  if (match === null) return { user: defaultUser, text: message };
  return { user: match[1] ?? defaultUser, text: match[2] ?? '' };
}

/**
 * Lines piped in all at once would otherwise run back to back as one chain of promises, never
 * letting the event loop turn: what waits for a turn (the finalizers that free a picture's native
 * memory, 27 MB for a 100-pod map) would wait for the last line, as it never does between a chat
 * platform's messages. Forty 100-pod maps piped in grew the process to 1.2 GB; with a turn after
 * each line it stayed at 206-226 MB.
 */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
