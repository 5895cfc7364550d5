import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenize } from '../../src/kubectl/tokenize.ts';
import { type Door, kubectl, openDoor } from '../api/harness.ts';
import { kubectl133 } from './oracle.ts';
import { verbSandbox } from './verb-sandbox.ts';

/**
 * `--allow-missing-template-keys` on every verb that prints with `-o jsonpath|go-template`
 * (src/kubectl/template-keys-flag.ts): a missing key prints nothing by default, and with `=false`
 * is the printer's error.
 */
const VERBS = [
  'run y --image=nginx --dry-run=client',
  'run y --image=nginx --dry-run=server',
  'run y --image=nginx --dry-run=client --expose --port=80',
  'label po web a=b --dry-run=client',
  'label po web a=b --dry-run=server',
  'annotate po web a=b --dry-run=client',
  `patch po web -p '{}' --dry-run=client`,
  `patch po web --type=json -p '[{"op":"add","path":"/metadata/labels/q","value":"1"}]' --dry-run=client`,
  'set image po web web=nginx:1.27 --dry-run=client',
];
const OUTPUTS = [
  `-o jsonpath='{.missing}'`,
  `-o jsonpath='{.missing}' --allow-missing-template-keys=false`,
  `-o go-template='{{.missing}}' --allow-missing-template-keys=false`,
  `-o go-template='{{.missing}}' --allow-missing-template-keys=true`,
  `-o jsonpath='{.metadata.name}' --allow-missing-template-keys=false`,
];
const CASES = VERBS.flatMap((verb) => OUTPUTS.map((output) => `${verb} ${output}`));

describe('--allow-missing-template-keys in chat', () => {
  it.each([
    ['run y --image=nginx --dry-run=client'],
    ['label po web a=b --dry-run=client'],
    ['annotate po web a=b --dry-run=client'],
    [`patch po web -p '{}' --dry-run=client`],
    ['set image po web web=nginx:1.27 --dry-run=client'],
  ])('GIVEN `%s -o jsonpath={.missing}` THEN nothing by default, the printer’s error with =false', (verb) => {
    const box = verbSandbox();
    box.kubectl('run web --image=nginx');
    expect(box.kubectl(`${verb} -o jsonpath='{.missing}'`)).toEqual({ text: '', ok: true });
    const strict = box.kubectl(`${verb} -o jsonpath='{.missing}' --allow-missing-template-keys=false`);
    expect(strict.ok).toBe(false);
    expect(strict.text).toMatch(
      /^error: error executing jsonpath "\{\.missing\}": Error executing template: missing is not found\./,
    );
  });
});

const BINARY = kubectl133();

/** Dry runs change nothing, so chat and the binary can take turns on one pod and must agree. */
describe.skipIf(BINARY === null)(
  '--allow-missing-template-keys, chat beside kubectl 1.33 through the API door',
  () => {
    let door: Door;
    let config: string;
    beforeAll(async () => {
      door = await openDoor();
      config = door.kubeconfig('alice').path;
      door.t.say('alice', 'kubectl run web --image=nginx');
    });
    afterAll(() => door.close());

    it.each(CASES)('GIVEN `kubectl %s` THEN chat prints what kubectl prints', async (line) => {
      const args = tokenize(line);
      if (!args.ok) throw new Error(args.error);
      const chat = door.t.say('alice', `kubectl ${line}`);
      const real = await kubectl(BINARY ?? '', config, args.value);
      expect(chat).toBe(`${real.stdout}${real.stderr}`.trimEnd());
    });
  },
);
