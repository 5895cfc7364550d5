import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { kubectl133 } from './oracle.ts';
import { verbSandbox } from './verb-sandbox.ts';

const BINARY = kubectl133();

/** `name → description` for each command line (`  name   description`) of a top-level help. */
const commandLines = (help: string): Map<string, string> =>
  new Map(
    help
      .split('\n')
      .map((line) => /^ {2}([a-z-]+) +(\S.*)$/.exec(line))
      .filter((m) => m !== null)
      .map((m) => [m[1] ?? '', m[2] ?? '']),
  );

describe.skipIf(BINARY === null)('kubectl --help beside kubectl 1.33', () => {
  it('GIVEN kubectl --help THEN every command the chat answers, config too, has kubectl 1.33 line', () => {
    const real = commandLines(spawnSync(BINARY ?? '', ['--help'], { encoding: 'utf8' }).stdout);
    const help = verbSandbox().kubectl('--help').text;
    const chat = commandLines(help);
    expect(chat.get('config')).toBe(real.get('config'));
    for (const [name, short] of chat) expect([name, short]).toEqual([name, real.get(name)]);
    const names = [...chat.keys()];
    expect(names.slice(names.indexOf('api-versions'), names.indexOf('api-versions') + 3)).toEqual([
      'api-versions',
      'config',
      'version',
    ]);
    expect(help).toContain(`  config          ${real.get('config')}\n`);
  });
});
