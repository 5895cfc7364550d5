import { runTop, TOP_HELP, topCommand, topWithout } from '../../src/kubectl/top.ts';
import type { KubectlVerb } from '../../src/kubectl/verb.ts';

/** `kubectl top pod|node`: what kubectl prints against a cluster without metrics-server. */
export const top: KubectlVerb = {
  name: 'top',
  short: 'Display resource (CPU/memory) usage',
  help: TOP_HELP,
  flags: [],
  subcommand: topCommand,
  run(_ctx, line) {
    const command = topCommand(line.args);
    if (command !== undefined) return runTop(command, line);
    return topWithout(line);
  },
};
