import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SLASH_COMMANDS } from '../../../src/adapters/slack/commands.ts';
import { APPLY_SHORTCUT } from '../../../src/adapters/slack/listeners.ts';

interface Manifest {
  display_information: { name: string; description: string; long_description: string };
  features: {
    slash_commands: { command: string; description: string; usage_hint?: string; should_escape: boolean }[];
    shortcuts: { name: string; type: string; callback_id: string; description: string }[];
    app_home: Record<string, boolean>;
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[] };
    interactivity: { is_enabled: boolean };
    socket_mode_enabled: boolean;
  };
}

const manifest = parse(
  readFileSync(new URL('../../../slack-app-manifest.yaml', import.meta.url), 'utf8'),
) as Manifest;

describe('the checked-in Slack app manifest', () => {
  it('GIVEN the adapter’s slash commands THEN the manifest declares exactly those, within Slack’s lengths', () => {
    const commands = manifest.features.slash_commands;
    expect(commands.map((c) => c.command).sort()).toEqual(Object.keys(SLASH_COMMANDS).sort());
    for (const c of commands) {
      expect(c.command.length).toBeLessThanOrEqual(32);
      expect(c.usage_hint?.length ?? 0).toBeLessThanOrEqual(1000);
      expect(c.should_escape).toBe(false);
    }
    expect(commands.map((c) => c.command)).not.toContain('/help');
  });

  it('GIVEN what the adapter calls THEN the bot scopes, the events it listens to, interactivity and Socket Mode are there', () => {
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(
      [
        'app_mentions:read',
        'chat:write',
        'chat:write.public',
        'commands',
        'files:write',
        'im:history',
        'im:write',
        'usergroups:read',
        'users:read',
      ].sort(),
    );
    expect(manifest.settings.event_subscriptions.bot_events).toEqual([
      'app_mention',
      'app_home_opened',
      'message.im',
    ]);
    expect(manifest.features.app_home).toEqual({
      home_tab_enabled: true,
      messages_tab_enabled: true,
      messages_tab_read_only_enabled: false,
    });
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  it('GIVEN the adapter’s message shortcut THEN the manifest declares it, with the same callback id', () => {
    expect(manifest.features.shortcuts).toEqual([
      expect.objectContaining({ name: 'Apply manifest', type: 'message', callback_id: APPLY_SHORTCUT }),
    ]);
  });

  it('GIVEN Slack’s limits on the app’s name and descriptions THEN they fit (35, 140, 4000 characters)', () => {
    expect(manifest.display_information.name.length).toBeLessThanOrEqual(35);
    expect(manifest.display_information.description.length).toBeLessThanOrEqual(140);
    expect(manifest.display_information.long_description.length).toBeLessThanOrEqual(4000);
  });
});
