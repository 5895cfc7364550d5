import type { types } from '@slack/bolt';
import { t } from '../../i18n/catalogue.ts';
import type { Lang } from '../../i18n/lang.ts';
import { SLACK } from './limits.ts';

/**
 * The manifest modal: `/kubectl apply` (or `apply -f -`, `create -f -`) with no manifest opens a
 * multi-line box; submitting it runs the same command with the box's text as the fenced stdin.
 * The modal has no channel of its own, so where to answer rides in `private_metadata`.
 */
export const MODAL = { callbackId: 'podium.manifest', block: 'manifest', input: 'yaml' } as const;

export interface ModalContext {
  channel: string;
  /** The command line to run, e.g. `kubectl apply -f -`. */
  command: string;
  /**
   * The opening slash command's `response_url`: where the answer goes when the bot may not post
   * in the channel (not invited, no scope). A view submission carries none of its own.
   */
  responseUrl?: string;
}

/** `apply`, `apply -f -`, `create -f -` (also spelt `--filename=-`), and nothing else. */
export function opensManifestModal(kubectlArgs: string): string | null {
  const words = kubectlArgs.trim().split(/\s+/);
  const [verb, ...rest] = words;
  if (verb !== 'apply' && verb !== 'create') return null;
  const stdin = rest.join(' ');
  if (verb === 'apply' && stdin === '') return 'kubectl apply -f -';
  if (/^(-f|--filename)(\s+|=)-$/.test(stdin)) return `kubectl ${verb} -f -`;
  return null;
}

export function manifestModal(context: ModalContext, lang: Lang): types.View {
  return {
    type: 'modal',
    callback_id: MODAL.callbackId,
    private_metadata: JSON.stringify(context),
    title: { type: 'plain_text', text: t(lang, 'slack.applyTitle') },
    submit: { type: 'plain_text', text: t(lang, 'slack.applySubmit') },
    close: { type: 'plain_text', text: t(lang, 'slack.applyClose') },
    blocks: [
      {
        type: 'input',
        block_id: MODAL.block,
        label: { type: 'plain_text', text: t(lang, 'slack.manifestLabel') },
        hint: { type: 'plain_text', text: t(lang, 'slack.manifestHint') },
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
    const { channel, command, responseUrl } = parsed as Record<string, unknown>;
    if (typeof channel !== 'string' || typeof command !== 'string') return null;
    return typeof responseUrl === 'string' ? { channel, command, responseUrl } : { channel, command };
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
