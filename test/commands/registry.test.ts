import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHAT_COMMANDS, KUBECTL_VERBS } from '../../commands/index.ts';

/** Every command module must be listed in commands/index.ts: a forgotten file is a dead feature. */
const dir = (sub: string) => new URL(`../../commands/${sub}/`, import.meta.url).pathname;
const modules = (sub: string) => readdirSync(dir(sub)).filter((f) => f.endsWith('.ts') && f !== 'index.ts');

describe('command registry', () => {
  it.each(modules('kubectl'))(
    'GIVEN commands/kubectl/%s THEN every verb it exports is in KUBECTL_VERBS',
    async (file) => {
      const exported = Object.values(await import(`${dir('kubectl')}${file}`)).filter(
        (v): v is { name: string; run: unknown } =>
          typeof v === 'object' && v !== null && 'run' in v && 'flags' in v,
      );
      expect(exported.length).toBeGreaterThan(0);
      for (const verb of exported) expect(KUBECTL_VERBS).toContain(verb);
    },
  );

  it.each(modules('chat'))(
    'GIVEN commands/chat/%s THEN every command it exports is in CHAT_COMMANDS',
    async (file) => {
      const exported = Object.values(await import(`${dir('chat')}${file}`)).filter(
        (v): v is { name: string; run: unknown } =>
          typeof v === 'object' && v !== null && 'run' in v && 'name' in v,
      );
      expect(exported.length).toBeGreaterThan(0);
      for (const command of exported) expect(CHAT_COMMANDS).toContain(command);
    },
  );

  it('GIVEN the registries THEN no two verbs or commands share a name', () => {
    const verbs = KUBECTL_VERBS.map((v) => v.name);
    const chats = CHAT_COMMANDS.map((c) => c.name);
    expect(new Set(verbs).size).toBe(verbs.length);
    expect(new Set(chats).size).toBe(chats.length);
  });
});
