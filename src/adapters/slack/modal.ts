import type { types } from '@slack/bolt';
import { MANIFEST_VERBS, type ManifestVerb, manifestBoxOf } from '../../chat/manifest-box.ts';
import { t } from '../../i18n/catalogue.ts';
import type { Lang } from '../../i18n/lang.ts';
import { SLACK } from './limits.ts';

/**
 * The manifest modal: `/kubectl apply` (or `apply -f -`, `create -f -`, `replace --force -f -`:
 * src/chat/manifest-box.ts decides) with no manifest opens a multi-line box named for the verb;
 * submitting it runs the command as typed with the box's text as the fenced stdin.
 * The modal has no channel of its own, so where to answer rides in `private_metadata`.
 */
export const MODAL = { callbackId: 'podium.manifest', block: 'manifest', input: 'yaml' } as const;

export interface ModalContext {
  channel: string;
  /** The command line to run, e.g. `kubectl apply -f -`. */
  command: string;
  verb: ManifestVerb;
  /**
   * The opening slash command's `response_url`: where the answer goes when the bot may not post
   * in the channel (not invited, no scope). A view submission carries none of its own.
   */
  responseUrl?: string;
}

/**
 * The box a `/kubectl` line opens, if any. A line too long to ride in the view (its hint and its
 * `private_metadata`) runs as typed instead.
 */
export function opensManifestModal(kubectlArgs: string): { verb: ManifestVerb; command: string } | null {
  const box = manifestBoxOf(kubectlArgs);
  if (box === null || box.commandLine.length > BOX_COMMAND_MAX) return null;
  return { verb: box.verb, command: box.commandLine };
}

/** Under the hint's 2,000 characters with its prose, and `private_metadata`'s 3,000 with the rest. */
const BOX_COMMAND_MAX = 1000;

export function manifestModal(context: ModalContext, lang: Lang): types.View {
  return {
    type: 'modal',
    callback_id: MODAL.callbackId,
    private_metadata: JSON.stringify(context),
    title: { type: 'plain_text', text: t(lang, `slack.manifestTitle.${context.verb}`) },
    submit: { type: 'plain_text', text: t(lang, `slack.manifestSubmit.${context.verb}`) },
    close: { type: 'plain_text', text: t(lang, 'slack.applyClose') },
    blocks: [
      {
        type: 'input',
        block_id: MODAL.block,
        label: { type: 'plain_text', text: t(lang, 'slack.manifestLabel') },
        hint: { type: 'plain_text', text: t(lang, 'slack.manifestHint', { command: context.command }) },
        element: {
          type: 'plain_text_input',
          action_id: MODAL.input,
          multiline: true,
          max_length: SLACK.plainTextInput,
          placeholder: { type: 'plain_text', text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: kubia' },
        },
      },
    ],
  };
}

export function modalContext(privateMetadata: string): ModalContext | null {
  try {
    const parsed: unknown = JSON.parse(privateMetadata);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { channel, command, verb, responseUrl } = parsed as Record<string, unknown>;
    if (typeof channel !== 'string' || typeof command !== 'string') return null;
    // A modal opened before the verb rode along was always apply's.
    const named = MANIFEST_VERBS.find((v) => v === verb) ?? 'apply';
    const context = { channel, command, verb: named };
    return typeof responseUrl === 'string' ? { ...context, responseUrl } : context;
  } catch {
    return null;
  }
}

/**
 * The message the submission dispatches: the command, then the manifest as a fenced block. A
 * member who pasted the fences too (```yaml ... ```) gets them removed rather than doubled.
 */
export function manifestMessage(command: string, manifest: string): string {
  const body = manifest
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0/g, ' ')
    .replace(/^\s*```[\w-]*[ \t]*\n/, '')
    .replace(/\n```\s*$/, '\n');
  return `${command}\n\`\`\`\n${body.endsWith('\n') ? body : `${body}\n`}\`\`\``;
}
