/**
 * The Slack adapter's reply sink for the worker pool (src/executor/sink.ts): a quiz answer that
 * came with a `response_url` has its confirmation posted there by the worker that recorded it
 * (confirmations.ts), not by the thread that acks the clicks. Named here, apart from the module,
 * so that main can hand it to the pool without loading it.
 */
export const RESPONSE_URL_SINK = 'slack/response_url';

export const SLACK_SINKS: Readonly<Record<string, URL>> = {
  [RESPONSE_URL_SINK]: new URL(
    `./confirmations${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`,
    import.meta.url,
  ),
};
