import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { invitePermissions } from '../../../src/adapters/discord/permissions.ts';

describe('the invite URL in docs/discord.md', () => {
  it('GIVEN the permissions the bot checks before a live quiz THEN the invite asks for exactly those', () => {
    const doc = readFileSync(new URL('../../../docs/discord.md', import.meta.url), 'utf8');
    const asked = /oauth2\/authorize\?[^\s]*permissions=(\d+)/.exec(doc)?.[1];
    expect(asked).toBe(String(invitePermissions()));
    expect(doc).toContain(`Permissions (\`${invitePermissions()}\`)`);
  });
});
