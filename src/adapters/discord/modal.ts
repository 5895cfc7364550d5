import {
  LabelBuilder,
  ModalBuilder,
  type ModalSubmitInteraction,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { t } from '../../i18n/catalogue.ts';
import type { Lang } from '../../i18n/lang.ts';

/**
 * The box members paste a manifest into (`/apply`, `/kubectl command:replace -f -`, `/file save
 * NAME` without a file): one paragraph text input, up to Discord's 4,000 characters. Its title is
 * the command line the box feeds (so it names the verb typed), and its custom_id carries that line, so a submit after a restart still works.
 */
const TITLE_MAX = 45;
const TEXT_MAX = 4000;
const BOX_ID = 'body';

export function manifestModal(customId: string, commandLine: string, lang: Lang): ModalBuilder {
  const title = commandLine.length <= TITLE_MAX ? commandLine : `${commandLine.slice(0, TITLE_MAX - 1)}…`;
  const box = new TextInputBuilder()
    .setCustomId(BOX_ID)
    .setStyle(TextInputStyle.Paragraph)
    .setRequired(true)
    .setMaxLength(TEXT_MAX);
  return new ModalBuilder()
    .setCustomId(customId)
    .setTitle(title)
    .addLabelComponents(
      new LabelBuilder().setLabel(t(lang, 'discord.manifestBox')).setTextInputComponent(box),
    );
}

export const boxText = (interaction: ModalSubmitInteraction): string =>
  interaction.fields.getTextInputValue(BOX_ID);
