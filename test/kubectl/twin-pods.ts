import { afterAll, beforeAll } from 'vitest';
import { tokenize } from '../../src/kubectl/tokenize.ts';
import { type Door, kubectl, openDoor, tempFile } from '../api/harness.ts';

/**
 * Chat and a real kubectl side by side through the API door, on twin pods: chat acts on pod `web`
 * (nginx) in namespace `a`, the binary on the same pod in `b`, so each sees the pod as the other
 * did and a command that changes it can be compared on its first run. `files` are saved in chat
 * and written to disk for the binary (a line naming one gets its path). Registers the door's
 * set-up and tear-down in the calling `describe`; returns the runner for one command line.
 */
export function twinPods(
  binary: string,
  files: Readonly<Record<string, string>> = {},
): (line: string) => Promise<{ chat: string; real: string }> {
  let door: Door;
  let config: string;
  const paths = new Map<string, string>();
  beforeAll(async () => {
    door = await openDoor();
    config = door.kubeconfig('alice').path;
    for (const ns of ['a', 'b']) {
      door.t.say('alice', `kubectl create ns ${ns}`);
      door.t.say('alice', `kubectl run web --image=nginx -n ${ns}`);
    }
    for (const [name, content] of Object.entries(files)) {
      door.t.say('alice', `/file save ${name}\n\`\`\`yaml\n${content}\`\`\``);
      paths.set(name, tempFile(name, content));
    }
  });
  afterAll(() => door.close());
  return async (line) => {
    const args = tokenize(line);
    if (!args.ok) throw new Error(args.error);
    const chat = door.t.say('alice', `kubectl ${line} -n a`);
    // The binary reads the same files from disk.
    const realArgs = args.value.map((a) => paths.get(a) ?? a);
    const real = await kubectl(binary, config, [...realArgs, '-n', 'b']);
    return { chat, real: `${real.stdout}${real.stderr}`.trimEnd() };
  };
}
