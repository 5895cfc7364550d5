import type { types } from '@slack/bolt';
import type { Choice, Reply } from '../../chat/reply.ts';
import { t } from '../../i18n/catalogue.ts';
import type { Lang } from '../../i18n/lang.ts';
import { SLACK } from './limits.ts';

/**
 * Answer buttons. The route lives in the button itself, not in memory: `value` is the text the
 * click dispatches (a `Choice.action`), so buttons keep working after a restart. A multiple
 * selection is checkboxes (a multi-select menu past ten options) and a submit button; the picked
 * options' values are the actions, combined by `combinedAction`.
 */
export const ACTION_IDS = {
  /** `podium.choice.N`: one answer button; its value is the action to dispatch. */
  choice: /^podium\.choice\.\d+$/,
  pick: 'podium.pick',
  submit: 'podium.submit',
} as const;

export function choiceBlocks(reply: Reply, lang: Lang): types.ActionsBlock[] {
  const choices = reply.choices.slice(0, SLACK.selectOptions);
  // A revealed question's text marks the right answers ✅; its buttons go.
  if (choices.length === 0 || reply.choicesClosed === true) return [];
  const tag = blockTag(reply);
  if (reply.multiSelect === true) {
    return [
      { type: 'actions', block_id: `podium.multi.${tag}`, elements: [picker(choices, lang), submit(lang)] },
    ];
  }
  const rows: types.ActionsBlock[] = [];
  for (let i = 0; i < choices.length; i += SLACK.actionsElements) {
    const row = choices.slice(i, i + SLACK.actionsElements);
    rows.push({
      type: 'actions',
      block_id: `podium.choices.${rows.length}.${tag}`,
      elements: row.map((c, j) => button(c, i + j)),
    });
  }
  return rows;
}

const button = (choice: Choice, index: number): types.Button => ({
  type: 'button',
  action_id: `podium.choice.${index}`,
  text: { type: 'plain_text', text: cut(choice.label, SLACK.buttonText), emoji: true },
  value: choice.action,
});

function picker(choices: Choice[], lang: Lang): types.Checkboxes | types.MultiStaticSelect {
  const options: types.PlainTextOption[] = choices.map((c) => ({
    text: { type: 'plain_text', text: cut(c.label, SLACK.buttonText), emoji: true },
    value: c.action,
  }));
  if (options.length <= SLACK.checkboxOptions)
    return { type: 'checkboxes', action_id: ACTION_IDS.pick, options };
  return {
    type: 'multi_static_select',
    action_id: ACTION_IDS.pick,
    placeholder: { type: 'plain_text', text: t(lang, 'slack.pickChoices') },
    options,
  };
}

const submit = (lang: Lang): types.Button => ({
  type: 'button',
  action_id: ACTION_IDS.submit,
  style: 'primary',
  text: { type: 'plain_text', text: t(lang, 'slack.submitChoices') },
  value: 'submit',
});

/**
 * The text a multiple selection dispatches: the picked actions share everything but their last
 * word (`/quiz answer 3 a`, `/quiz answer 3 c`), which is joined with commas
 * (`/quiz answer 3 a,c`). With nothing picked the shared part alone goes, and the command says
 * what is missing.
 */
export function combinedAction(picked: readonly string[], all: readonly string[]): string {
  const source = picked.length > 0 ? picked : all;
  const first = source[0];
  if (first === undefined) return '';
  const prefix = first.slice(0, first.search(/\S+$/)).trimEnd();
  if (picked.length === 0) return prefix;
  // In the order the choices were offered, whatever order they were ticked in.
  const ordered = [...picked].sort((a, b) => all.indexOf(a) - all.indexOf(b));
  const lasts = ordered.map((a) => a.slice(a.search(/\S+$/)));
  return `${prefix} ${lasts.join(',')}`;
}

/**
 * Slack keeps a checkbox's state per block id across an update, so a message that changes gets
 * new block ids: a short hash of what the buttons do.
 */
function blockTag(reply: Reply): string {
  const source = `${reply.choices.map((c) => c.action).join('\n')}|${reply.deadline ?? ''}`;
  let hash = 2166136261;
  for (let i = 0; i < source.length; i++) hash = Math.imul(hash ^ source.charCodeAt(i), 16777619);
  return (hash >>> 0).toString(36);
}

function cut(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
