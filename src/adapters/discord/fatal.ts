/**
 * The gateway close codes after which discord.js gives up for good (its UNRECOVERABLE_CLOSE_CODES)
 * and what the operator should do about each. Without this the client just stops: the process
 * ran out of work and Node ended it with exit code 13 and not a word.
 */
const FATAL_CLOSES: Readonly<Record<number, string>> = {
  4004: 'authentication failed: the bot token was reset or revoked; put the new token in DISCORD_TOKEN and start again',
  4010: 'invalid shard: start Podium without a shard setting',
  4011: 'sharding required: the bot is in too many servers for one gateway connection',
  4012: 'invalid API version: this Podium speaks a gateway version Discord no longer accepts; update Podium',
  4013: 'invalid intents: update Podium',
  4014: 'disallowed intents: the bot asked for an intent not enabled for it (Developer Portal → Bot → Privileged Gateway Intents); Podium needs none, so update Podium',
};

/** One line for a fatal close, or null for a code discord.js recovers from by itself. */
export function fatalClose(code: number): string | null {
  const what = FATAL_CLOSES[code];
  return what === undefined ? null : `Discord closed the gateway with code ${code} (${what})`;
}
