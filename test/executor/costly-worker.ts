import { CHAT_COMMANDS, KUBECTL_VERBS } from '../../commands/index.ts';
import type { ChatCommand } from '../../src/chat/context.ts';
import { serveJobs } from '../../src/executor/worker-loop.ts';

/**
 * A worker entry for the tests: every real command, plus two that bust a budget on purpose
 * (the bounded-cost work removes the real ones, so the tests bring their own):
 *   /spin ARGS   runs `kubectl ARGS` (its writes enter the transaction), then never returns;
 *   /hog ARGS    runs `kubectl ARGS`, then allocates until the worker's heap is full.
 */
const kubectl = CHAT_COMMANDS.find((c) => c.name === 'kubectl');
if (kubectl === undefined) throw new Error('no kubectl command');

const spin: ChatCommand = {
  name: 'spin',
  run(ctx, args) {
    kubectl.run(ctx, args);
    for (;;) {
      // Busy: JavaScript that never yields, as a runaway simulation would.
    }
  },
};

const hog: ChatCommand = {
  name: 'hog',
  run(ctx, args) {
    kubectl.run(ctx, args);
    const heap: number[][] = [];
    for (let i = 0; ; i++) heap.push(new Array(1_000_000).fill(i));
  },
};

serveJobs([...CHAT_COMMANDS, spin, hog], KUBECTL_VERBS);
