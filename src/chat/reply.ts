/** A platform-neutral answer. Adapters turn blocks into code blocks, sections or plain lines. */
export type Block = { kind: 'text'; text: string } | { kind: 'code'; text: string };

/** An answer button: clicking it dispatches `action` as if the member had typed it. */
export interface Choice {
  id: string;
  label: string;
  action: string;
  /** A right answer, marked once the question is revealed (Discord: a green button). */
  right?: boolean;
}

export type Visibility = 'public' | 'private';

/**
 * A file the reply carries (a picture, an export, a kubeconfig). Adapters attach it (Discord),
 * upload it (Slack; to the member's DM when the reply is private) or write it to disk (console,
 * listed in the JSON line as `files: [{name, path, content}]`, content for text files).
 */
export interface ReplyFile {
  name: string;
  /** A MIME type: `image/png`, `text/csv`, `text/markdown`, `application/yaml`. */
  contentType: string;
  data: string | Uint8Array;
}

export interface Reply {
  ok: boolean;
  blocks: Block[];
  choices: Choice[];
  visibility: Visibility;
  /** The choices are a multiple selection (a select menu / checkboxes, then a submit). */
  multiSelect?: boolean;
  /**
   * The choices are shown as they were but can no longer be clicked (a revealed question): Discord
   * disables the buttons and colours the right ones; Slack shows none (the text marks them ✅).
   */
  choicesClosed?: boolean;
  /** Epoch ms when answering closes; adapters render a native countdown. */
  deadline?: number;
  /** Files that go with the reply; see ReplyFile. */
  files?: ReplyFile[];
  /**
   * The member's own output (kubectl, curl): dispatch makes it private with a Share button, or
   * public where the channel says so (src/group/share.ts). Never reaches an adapter.
   */
  shareable?: boolean;
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
