import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  ContextMenuCommandBuilder,
  InteractionContextType,
  type RESTPostAPIApplicationCommandsJSONBody,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  SlashCommandBuilder,
  type SlashCommandSubcommandBuilder,
} from 'discord.js';
import { SETTINGS } from '../../group/settings-table.ts';
import { type MessageKey, t } from '../../i18n/catalogue.ts';

/**
 * The slash commands, built with discord.js' builders (which check Discord's limits when
 * `toJSON` runs). Every description comes from the catalogue, in English with a Korean
 * localization. The text each invocation stands for is derived from these definitions
 * (`invocation.ts`): options become words in the order they are declared here.
 */
type Describable = {
  setDescription(text: string): unknown;
  setDescriptionLocalizations(map: { ko: string }): unknown;
};

function described<T extends Describable>(builder: T, key: MessageKey): T {
  builder.setDescription(t('en', key));
  builder.setDescriptionLocalizations({ ko: t('ko', key) });
  return builder;
}

const command = (name: string, key: MessageKey) =>
  described(new SlashCommandBuilder().setName(name), key)
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);

const sub = (name: string, key: MessageKey) => (s: SlashCommandSubcommandBuilder) =>
  described(s.setName(name), key);

const SETTING_NAMES = ['lang', ...SETTINGS.map((s) => s.name)];

/** A string option's max_length: Discord allows up to 6,000. */
const TEXT_MAX = 6000;

const kubectl = command('kubectl', 'discord.kubectl')
  .addStringOption((o) =>
    described(o.setName('command'), 'discord.kubectl.command')
      .setRequired(true)
      .setAutocomplete(true)
      .setMaxLength(TEXT_MAX),
  )
  .addAttachmentOption((o) => described(o.setName('file'), 'discord.kubectl.file'));

const apply = command('apply', 'discord.apply');

/** `/curl args:…` and `/wget args:…`: the programs the notes use after a port-forward. */
const onMachine = (name: 'curl' | 'wget') =>
  command(name, `discord.${name}`).addStringOption((o) =>
    described(o.setName('args'), `discord.${name}.args`).setRequired(true).setMaxLength(TEXT_MAX),
  );
const curl = onMachine('curl');
const wget = onMachine('wget');

const topic = (s: SlashCommandSubcommandBuilder) =>
  s.addStringOption((o) => described(o.setName('topic'), 'discord.quiz.topic').setAutocomplete(true));

const quiz = command('quiz', 'discord.quiz')
  .addSubcommand((s) =>
    topic(sub('start', 'discord.quiz.start')(s))
      .addIntegerOption((o) =>
        described(o.setName('count'), 'discord.quiz.count').setMinValue(1).setMaxValue(50),
      )
      .addIntegerOption((o) =>
        described(o.setName('seconds'), 'discord.quiz.seconds').setMinValue(5).setMaxValue(600),
      ),
  )
  .addSubcommand((s) => topic(sub('practice', 'discord.quiz.practice')(s)))
  .addSubcommand(sub('review', 'discord.quiz.review'))
  .addSubcommand(sub('stop', 'discord.quiz.stop'))
  .addSubcommand(sub('leaderboard', 'discord.quiz.leaderboard'))
  .addSubcommand(sub('stats', 'discord.quiz.stats'))
  .addSubcommand((s) =>
    sub(
      'answer',
      'discord.quiz.answer',
    )(s).addStringOption((o) =>
      described(o.setName('answer'), 'discord.quiz.answer.text').setRequired(true).setMaxLength(TEXT_MAX),
    ),
  )
  .addSubcommand(sub('next', 'discord.quiz.next'))
  .addSubcommand(sub('topics', 'discord.quiz.topics'));

const lab = command('lab', 'discord.lab')
  .addSubcommand(sub('list', 'discord.lab.list'))
  .addSubcommand((s) =>
    sub(
      'start',
      'discord.lab.start',
    )(s).addStringOption((o) =>
      described(o.setName('name'), 'discord.lab.name').setRequired(true).setAutocomplete(true),
    ),
  )
  .addSubcommand(sub('check', 'discord.lab.check'))
  .addSubcommand(sub('hint', 'discord.lab.hint'))
  .addSubcommand(sub('stop', 'discord.lab.stop'));

const sandbox = command('sandbox', 'discord.sandbox')
  .addSubcommand((s) =>
    sub(
      'reset',
      'discord.sandbox.reset',
    )(s).addBooleanOption((o) => described(o.setName('confirm'), 'discord.sandbox.confirm')),
  )
  .addSubcommand((s) =>
    sub(
      'map',
      'discord.sandbox.map',
    )(s)
      .addStringOption((o) =>
        described(o.setName('selector'), 'discord.sandbox.map.selector').setMaxLength(256),
      )
      .addStringOption((o) =>
        described(o.setName('namespace'), 'discord.sandbox.map.namespace').setMaxLength(63),
      )
      .addBooleanOption((o) => described(o.setName('all-namespaces'), 'discord.sandbox.map.all'))
      .addBooleanOption((o) => described(o.setName('text'), 'discord.sandbox.map.text'))
      .addStringOption((o) =>
        described(o.setName('context'), 'discord.sandbox.map.context').setMaxLength(64),
      ),
  )
  .addSubcommand((s) =>
    sub(
      'share',
      'discord.sandbox.share',
    )(s).addStringOption((o) =>
      described(o.setName('state'), 'discord.sandbox.share.state').addChoices(
        { name: 'on', value: 'on' },
        { name: 'off', value: 'off' },
      ),
    ),
  )
  .addSubcommand((s) =>
    sub(
      'kubeconfig',
      'discord.sandbox.kubeconfig',
    )(s).addStringOption((o) =>
      described(o.setName('action'), 'discord.sandbox.kubeconfig.action').addChoices({
        name: 'revoke',
        value: 'revoke',
      }),
    ),
  );

/** `/progress [view:group|export]`: oneself, the group, or the group's files. */
const progress = command('progress', 'discord.progress').addStringOption((o) =>
  described(o.setName('view'), 'discord.progress.view').addChoices(
    { name: 'group', value: 'group' },
    { name: 'export', value: 'export' },
  ),
);

const fileName = (s: SlashCommandSubcommandBuilder) =>
  s.addStringOption((o) =>
    described(o.setName('name'), 'discord.file.name')
      .setRequired(true)
      .setAutocomplete(true)
      .setMaxLength(100),
  );

const file = command('file', 'discord.file')
  .addSubcommand((s) =>
    fileName(sub('save', 'discord.file.save')(s)).addAttachmentOption((o) =>
      described(o.setName('file'), 'discord.file.attachment'),
    ),
  )
  .addSubcommand(sub('list', 'discord.file.list'))
  .addSubcommand((s) => fileName(sub('show', 'discord.file.show')(s)))
  .addSubcommand((s) => fileName(sub('delete', 'discord.file.delete')(s)));

const lang = command('lang', 'discord.lang').addStringOption((o) =>
  described(o.setName('language'), 'discord.lang.language')
    .setRequired(true)
    .addChoices({ name: '한국어', value: 'ko' }, { name: 'English', value: 'en' }),
);

const help = command('help', 'discord.help');

/** `/guide [state:on|off]`: the member's own 💡 line; without `state`, which one is in force. */
const guide = command('guide', 'discord.guide').addStringOption((o) =>
  described(o.setName('state'), 'discord.guide.state').addChoices(
    { name: 'on', value: 'on' },
    { name: 'off', value: 'off' },
  ),
);

const settings = command('settings', 'discord.settings')
  .addStringOption((o) =>
    described(o.setName('name'), 'discord.settings.name').addChoices(
      ...SETTING_NAMES.map((name) => ({ name, value: name })),
    ),
  )
  .addStringOption((o) => described(o.setName('value'), 'discord.settings.value').setMaxLength(100));

export const SLASH_COMMANDS = [
  kubectl,
  apply,
  curl,
  wget,
  quiz,
  lab,
  sandbox,
  file,
  lang,
  guide,
  help,
  settings,
  progress,
] as const;

/** The slash commands' definitions; `toJSON` throws if a builder breaks one of Discord's limits. */
export function commandPayloads(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return SLASH_COMMANDS.map((c) => c.toJSON());
}

/**
 * "Apply manifest" in a message's Apps menu: applies the code block of any message (a
 * teammate's YAML, a pasted snippet) to the member's own sandbox. Discord gives the target
 * message's content to a message command without the message-content intent.
 */
export const APPLY_MESSAGE_COMMAND = t('en', 'apply.fromMessage.name');
const applyFromMessage = new ContextMenuCommandBuilder()
  .setName(APPLY_MESSAGE_COMMAND)
  .setNameLocalizations({ ko: t('ko', 'apply.fromMessage.name') })
  .setType(ApplicationCommandType.Message)
  .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
  .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);

/** Everything registered: the slash commands, then the message command. */
export function registrationPayloads(): RESTPostAPIApplicationCommandsJSONBody[] {
  return [...commandPayloads(), applyFromMessage.toJSON()];
}
