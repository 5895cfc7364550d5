import { type DestinationStream, type Logger, pino } from 'pino';

/**
 * Structured JSON logs on stderr (stdout belongs to the console chat). Anything that looks like a
 * credential is redacted by key, and token-shaped strings are masked in every message.
 */
const SECRET_KEYS = [
  'token',
  'DISCORD_TOKEN',
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  'SLACK_SIGNING_SECRET',
  'signingSecret',
  'authorization',
  'password',
  'secret',
];

export const TOKEN_PATTERN = /\b(xox[abposr]-[\w-]+|xapp-[\w-]+|[MNO][\w-]{23,}\.[\w-]{6}\.[\w-]{27,})\b/g;

export function createLogger(
  level = process.env.LOG_LEVEL ?? 'info',
  destination?: DestinationStream,
): Logger {
  return pino(
    {
      level,
      redact: { paths: [...SECRET_KEYS, ...SECRET_KEYS.map((k) => `*.${k}`)], censor: '[redacted]' },
      hooks: {
        logMethod(args, method) {
          const masked = args.map((a) =>
            typeof a === 'string' ? a.replace(TOKEN_PATTERN, '[redacted]') : a,
          );
          method.apply(this, masked as Parameters<typeof method>);
        },
      },
    },
    destination ?? pino.destination(2),
  );
}
