/** A platform-neutral answer. Adapters turn blocks into code blocks, sections or plain lines. */
export type Block = { kind: 'text'; text: string } | { kind: 'code'; text: string };

/** An answer button: clicking it dispatches `action` as if the member had typed it. */
export interface Choice {
  id: string;
  label: string;
  action: string;
}

export type Visibility = 'public' | 'private';

export interface Reply {
  ok: boolean;
  blocks: Block[];
  choices: Choice[];
  visibility: Visibility;
  /** The choices are a multiple selection (a select menu / checkboxes, then a submit). */
  multiSelect?: boolean;
  /** Epoch ms when answering closes; adapters render a native countdown. */
  deadline?: number;
}

export const textReply = (text: string, ok = true, visibility: Visibility = 'public'): Reply => ({
  ok,
  blocks: [{ kind: 'text', text }],
  choices: [],
  visibility,
});

export const codeReply = (text: string, ok = true): Reply => ({
  ok,
  blocks: [{ kind: 'code', text }],
  choices: [],
  visibility: 'public',
});

/** The reply as plain text: kubectl output verbatim, blocks separated by a blank line. */
export function replyText(reply: Reply): string {
  return reply.blocks.map((b) => b.text).join('\n\n');
}
