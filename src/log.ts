import { type DestinationStream, type Logger, pino } from 'pino';
import { scrub, scrubText } from './log-scrub.ts';

export { TOKEN_PATTERN } from './log-scrub.ts';

/**
 * Structured JSON logs on stderr (stdout belongs to the console chat). Anything that looks like a
 * credential is redacted by key; token-shaped strings and token-bearing URL paths are masked and
 * long strings (request bodies) cut, in every message and every logged object (`log-scrub.ts`).
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

export function createLogger(
  level = process.env.LOG_LEVEL ?? 'info',
  destination?: DestinationStream,
): Logger {
  return pino(
    {
      level,
      redact: { paths: [...SECRET_KEYS, ...SECRET_KEYS.map((k) => `*.${k}`)], censor: '[redacted]' },
      serializers: { err: (error: unknown) => scrub(error) },
      formatters: { log: (object) => scrub(object) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          const masked = args.map((a) => (typeof a === 'string' ? scrubText(a, 2_000) : a));
          method.apply(this, masked as Parameters<typeof method>);
        },
      },
    },
    destination ?? pino.destination(2),
  );
}
