import type { Reply } from '../../chat/reply.ts';
import { BUDGET } from './limits.ts';
import { type RenderContext, renderWithin } from './render.ts';

/** What one message posted to a `response_url` carries. */
export interface ResponseBody {
  response_type: 'in_channel' | 'ephemeral';
  replace_original: false;
  text: string;
  blocks: ReturnType<typeof renderWithin>[number]['blocks'];
}

/**
 * A reply as the messages it posts to a `response_url`, in order: a public one in the channel, a
 * private one to the member alone, never replacing the message clicked. The platform thread's
 * `respondWith` and the workers' reply sink (confirmations.ts) both send exactly these.
 */
export function responseBodies(reply: Reply, render: RenderContext): ResponseBody[] {
  const type = reply.visibility === 'public' ? 'in_channel' : 'ephemeral';
  return renderWithin(reply, render, BUDGET.messages).map((message) => ({
    response_type: type,
    replace_original: false,
    text: message.text,
    blocks: message.blocks,
  }));
}
