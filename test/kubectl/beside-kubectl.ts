import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenize } from '../../src/kubectl/tokenize.ts';
import { type Door, kubectl, openDoor } from '../api/harness.ts';
import { kubectl133 } from './oracle.ts';

export interface BesideOptions {
  /** The binary's arguments for the chat's (a saved file's name made a path on disk). */
  argsFor?: (args: string[]) => string[];
  /** What both outputs are compared as (trailing blanks, ages). */
  compared?: (text: string) => string;
}

/**
 * Each case run in chat (`kubectl LINE` as alice) and by kubectl 1.33 through the API door on the
 * same sandbox, after `setup`: the outputs must be equal. Skipped where the binary is not installed.
 */
export function besideKubectl133(
  title: string,
  cases: readonly string[],
  setup: (door: Door) => void,
  options: BesideOptions = {},
): void {
  const binary = kubectl133();
  const compared = options.compared ?? ((text: string) => text.trimEnd());
  describe.skipIf(binary === null)(`${title}, chat beside kubectl 1.33 through the API door`, () => {
    let door: Door;
    let config: string;
    beforeAll(async () => {
      door = await openDoor();
      config = door.kubeconfig('alice').path;
      setup(door);
    });
    afterAll(() => door.close());

    it.each(cases)('GIVEN `kubectl %s` THEN chat prints what kubectl prints', async (line) => {
      const args = tokenize(line);
      if (!args.ok) throw new Error(args.error);
      const real = await kubectl(binary ?? '', config, options.argsFor?.(args.value) ?? args.value);
      const chat = door.t.say('alice', `kubectl ${line}`);
      expect(compared(chat)).toBe(compared(`${real.stdout}${real.stderr}`));
    });
  });
}
