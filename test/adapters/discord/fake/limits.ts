/**
 * What real Discord refuses, checked the way Discord does (error code 50035 "Invalid Form Body"
 * with a path per problem). Sources: discord-api-docs resources/message.mdx (content 2,000;
 * embeds 10 and 6,000 in total), components/reference.mdx (5 action rows of 5 buttons or one
 * select, custom_id 100, label 80, select options 25), interactions/receiving-and-responding.mdx
 * (autocomplete 25 choices of 100; modal title 45, 1–5 components, text input 4,000) and
 * interactions/application-commands.mdx (names, descriptions, 25 options, 4,000 chars a command).
 */
export interface Problem {
  path: string;
  message: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export const EPHEMERAL = 64;
export const EMPTY_MESSAGE = 'Cannot send an empty message';
const ALLOWED_FLAGS = EPHEMERAL | 4 | 4096;

function maxLength(out: Problem[], path: string, value: unknown, max: number, min = 0): void {
  if (value === undefined || value === null) {
    if (min > 0) out.push({ path, message: 'This field is required' });
    return;
  }
  if (typeof value !== 'string') out.push({ path, message: 'Must be a string.' });
  else if (value.length > max) out.push({ path, message: `Must be ${max} or fewer in length.` });
  else if (value.length < min) out.push({ path, message: `Must be ${min} or more in length.` });
}

/** A message body for create (`POST`, callback 4) or edit (`PATCH`, callback 7). */
export function messageProblems(body: Json, options: { creating: boolean; files: number }): Problem[] {
  const out: Problem[] = [];
  maxLength(out, 'content', body.content, 2000);
  const embeds = list(body.embeds);
  if (embeds.length > 10) out.push({ path: 'embeds', message: 'Must be 10 or fewer in length.' });
  let embedChars = 0;
  embeds.forEach((e, i) => {
    embedChars += embedProblems(out, `embeds.${i}`, isObject(e) ? e : {});
  });
  if (embedChars > 6000) out.push({ path: 'embeds', message: 'Embed size exceeds maximum size of 6000' });
  componentProblems(out, list(body.components));
  const flags = typeof body.flags === 'number' ? body.flags : 0;
  if ((flags & ~ALLOWED_FLAGS) !== 0) out.push({ path: 'flags', message: 'Invalid flags.' });
  if (body.allowed_mentions !== undefined) allowedMentionsProblems(out, body.allowed_mentions);
  const empty =
    (str(body.content) ?? '').trim() === '' &&
    embeds.length === 0 &&
    list(body.components).length === 0 &&
    options.files === 0 &&
    list(body.sticker_ids).length === 0;
  if (options.creating && empty) out.push({ path: '', message: EMPTY_MESSAGE });
  return out;
}

function embedProblems(out: Problem[], path: string, embed: Json): number {
  maxLength(out, `${path}.title`, embed.title, 256);
  maxLength(out, `${path}.description`, embed.description, 4096);
  const fields = list(embed.fields);
  if (fields.length > 25) out.push({ path: `${path}.fields`, message: 'Must be 25 or fewer in length.' });
  let chars = (str(embed.title) ?? '').length + (str(embed.description) ?? '').length;
  fields.forEach((f, i) => {
    const field = isObject(f) ? f : {};
    maxLength(out, `${path}.fields.${i}.name`, field.name, 256, 1);
    maxLength(out, `${path}.fields.${i}.value`, field.value, 1024, 1);
    chars += (str(field.name) ?? '').length + (str(field.value) ?? '').length;
  });
  const footer = isObject(embed.footer) ? embed.footer : {};
  const author = isObject(embed.author) ? embed.author : {};
  maxLength(out, `${path}.footer.text`, footer.text, 2048);
  maxLength(out, `${path}.author.name`, author.name, 256);
  return chars + (str(footer.text) ?? '').length + (str(author.name) ?? '').length;
}

function componentProblems(out: Problem[], rows: unknown[]): void {
  if (rows.length > 5) out.push({ path: 'components', message: 'Must be 5 or fewer in length.' });
  const ids = new Set<string>();
  rows.forEach((r, i) => {
    const row = isObject(r) ? r : {};
    const path = `components.${i}`;
    if (row.type !== 1) {
      out.push({ path: `${path}.type`, message: 'Value must be one of {1}.' });
      return;
    }
    const children = list(row.components);
    if (children.length < 1 || children.length > 5)
      out.push({ path: `${path}.components`, message: 'Must be between 1 and 5 in length.' });
    const selects = children.filter((c) => isObject(c) && c.type !== 2).length;
    if (selects > 0 && children.length > 1)
      out.push({ path: `${path}.components`, message: 'A select menu must be alone in its action row.' });
    children.forEach((c, j) => {
      const child = isObject(c) ? c : {};
      const at = `${path}.components.${j}`;
      const customId = str(child.custom_id);
      if (child.type === 2) buttonProblems(out, at, child);
      else if (child.type === 3) selectProblems(out, at, child);
      else out.push({ path: `${at}.type`, message: 'Invalid component type in an action row.' });
      if (customId !== undefined) {
        if (ids.has(customId))
          out.push({ path: `${at}.custom_id`, message: 'Component custom id cannot be duplicated' });
        ids.add(customId);
      }
    });
  });
}

function buttonProblems(out: Problem[], path: string, button: Json): void {
  const style = button.style;
  if (typeof style !== 'number' || style < 1 || style > 6)
    out.push({ path: `${path}.style`, message: 'Value must be one of {1, 2, 3, 4, 5, 6}.' });
  maxLength(out, `${path}.label`, button.label, 80);
  if (button.label === undefined && button.emoji === undefined)
    out.push({ path: `${path}.label`, message: 'A button needs a label or an emoji.' });
  if (style === 5) maxLength(out, `${path}.url`, button.url, 512, 1);
  else maxLength(out, `${path}.custom_id`, button.custom_id, 100, 1);
}

function selectProblems(out: Problem[], path: string, select: Json): void {
  maxLength(out, `${path}.custom_id`, select.custom_id, 100, 1);
  maxLength(out, `${path}.placeholder`, select.placeholder, 150);
  const options = list(select.options);
  if (options.length < 1 || options.length > 25)
    out.push({ path: `${path}.options`, message: 'Must be between 1 and 25 in length.' });
  const min = typeof select.min_values === 'number' ? select.min_values : 1;
  const max = typeof select.max_values === 'number' ? select.max_values : 1;
  if (min < 0 || min > 25) out.push({ path: `${path}.min_values`, message: 'Must be between 0 and 25.' });
  if (max < 1 || max > 25 || max > options.length || max < min)
    out.push({ path: `${path}.max_values`, message: 'Must be between 1 and the number of options.' });
  options.forEach((o, i) => {
    const option = isObject(o) ? o : {};
    maxLength(out, `${path}.options.${i}.label`, option.label, 100, 1);
    maxLength(out, `${path}.options.${i}.value`, option.value, 100, 1);
    maxLength(out, `${path}.options.${i}.description`, option.description, 100);
  });
}

function allowedMentionsProblems(out: Problem[], value: unknown): void {
  const mentions = isObject(value) ? value : {};
  for (const p of list(mentions.parse)) {
    if (p !== 'users' && p !== 'roles' && p !== 'everyone')
      out.push({ path: 'allowed_mentions.parse', message: 'Value must be one of {users, roles, everyone}.' });
  }
}

/** Callback 8: autocomplete choices. */
export function autocompleteProblems(data: Json): Problem[] {
  const out: Problem[] = [];
  const choices = list(data.choices);
  if (choices.length > 25) out.push({ path: 'data.choices', message: 'Must be 25 or fewer in length.' });
  choices.forEach((c, i) => {
    const choice = isObject(c) ? c : {};
    maxLength(out, `data.choices.${i}.name`, choice.name, 100, 1);
    if (typeof choice.value === 'string') maxLength(out, `data.choices.${i}.value`, choice.value, 100);
  });
  return out;
}

/** Callback 9: a modal. */
export function modalProblems(data: Json): Problem[] {
  const out: Problem[] = [];
  maxLength(out, 'data.custom_id', data.custom_id, 100, 1);
  maxLength(out, 'data.title', data.title, 45, 1);
  const components = list(data.components);
  if (components.length < 1 || components.length > 5)
    out.push({ path: 'data.components', message: 'Must be between 1 and 5 in length.' });
  components.forEach((c, i) => {
    const component = isObject(c) ? c : {};
    const path = `data.components.${i}`;
    if (component.type === 18) {
      maxLength(out, `${path}.label`, component.label, 45, 1);
      maxLength(out, `${path}.description`, component.description, 100);
      textInputProblems(out, `${path}.component`, isObject(component.component) ? component.component : {});
    } else if (component.type === 1) {
      const [input] = list(component.components);
      textInputProblems(out, `${path}.components.0`, isObject(input) ? input : {});
    } else if (component.type !== 10) {
      out.push({ path: `${path}.type`, message: 'Invalid top-level modal component.' });
    }
  });
  return out;
}

function textInputProblems(out: Problem[], path: string, input: Json): void {
  if (input.type !== 4) return;
  maxLength(out, `${path}.custom_id`, input.custom_id, 100, 1);
  if (input.style !== 1 && input.style !== 2)
    out.push({ path: `${path}.style`, message: 'Value must be one of {1, 2}.' });
  for (const key of ['min_length', 'max_length'] as const) {
    const n = input[key];
    if (n !== undefined && (typeof n !== 'number' || n < (key === 'min_length' ? 0 : 1) || n > 4000))
      out.push({ path: `${path}.${key}`, message: 'Must be between 0 and 4000.' });
  }
  maxLength(out, `${path}.placeholder`, input.placeholder, 100);
  maxLength(out, `${path}.value`, input.value, 4000);
}

const NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** A bulk command overwrite (`PUT .../commands`). */
export function commandProblems(body: unknown): Problem[] {
  const out: Problem[] = [];
  const commands = list(body);
  if (!Array.isArray(body)) out.push({ path: '', message: 'Must be an array.' });
  if (commands.length > 100) out.push({ path: '', message: 'Must be 100 or fewer in length.' });
  const names = new Set<string>();
  commands.forEach((c, i) => {
    const command = isObject(c) ? c : {};
    const name = str(command.name) ?? '';
    if (names.has(name)) out.push({ path: `${i}.name`, message: 'Application command names must be unique' });
    names.add(name);
    // A user or message command (types 2, 3): a name of 1-32 characters (spaces and capitals
    // allowed) and no description or options.
    if (command.type === 2 || command.type === 3) {
      if (name.length < 1 || name.length > 32)
        out.push({ path: `${i}.name`, message: 'Command name is invalid' });
      if (command.description !== undefined && command.description !== '')
        out.push({
          path: `${i}.description`,
          message: 'Description must be empty for user and message commands',
        });
      if (command.options !== undefined) out.push({ path: `${i}.options`, message: 'Must be empty' });
      return;
    }
    const chars = optionProblems(out, `${i}`, command, 0);
    if (chars > 4000) out.push({ path: `${i}`, message: 'Command exceeds maximum size (4000)' });
  });
  return out;
}

/** A command or option: its name, description, choices and options; returns its character count. */
function optionProblems(out: Problem[], path: string, option: Json, depth: number): number {
  const name = str(option.name) ?? '';
  if (!NAME.test(name) || name !== name.toLowerCase())
    out.push({ path: `${path}.name`, message: 'Command name is invalid' });
  maxLength(out, `${path}.description`, option.description, 100, 1);
  const localized = isObject(option.description_localizations) ? option.description_localizations : {};
  for (const [locale, text] of Object.entries(localized))
    maxLength(out, `${path}.description_localizations.${locale}`, text, 100, 1);
  let chars = name.length + (str(option.description) ?? '').length;
  const choices = list(option.choices);
  if (choices.length > 25) out.push({ path: `${path}.choices`, message: 'Must be 25 or fewer in length.' });
  if (choices.length > 0 && option.autocomplete === true)
    out.push({ path: `${path}.autocomplete`, message: 'Autocomplete cannot be set with choices.' });
  choices.forEach((c, j) => {
    const choice = isObject(c) ? c : {};
    maxLength(out, `${path}.choices.${j}.name`, choice.name, 100, 1);
    chars += (str(choice.name) ?? '').length + String(choice.value ?? '').length;
  });
  const options = list(option.options);
  if (options.length > 25) out.push({ path: `${path}.options`, message: 'Must be 25 or fewer in length.' });
  let optionalSeen = false;
  const subs = options.filter((o) => isObject(o) && (o.type === 1 || o.type === 2)).length;
  if (subs > 0 && subs !== options.length)
    out.push({ path: `${path}.options`, message: 'Subcommands cannot be mixed with other options.' });
  if (depth > 2) out.push({ path, message: 'Options nest too deep.' });
  options.forEach((o, j) => {
    const child = isObject(o) ? o : {};
    if (child.required === true && optionalSeen)
      out.push({
        path: `${path}.options.${j}.required`,
        message: 'Required options must be placed before non-required options',
      });
    if (child.required !== true) optionalSeen = true;
    chars += optionProblems(out, `${path}.options.${j}`, child, depth + 1);
  });
  return chars;
}

/**
 * Who a message would notify on Discord: `@everyone`/`@here`, `<@user>` and `<@&role>` ping unless
 * `allowed_mentions` excludes them (with no `allowed_mentions`, everything in the text pings).
 */
export function pings(body: Record<string, unknown>): string[] {
  const content = typeof body.content === 'string' ? body.content : '';
  const mentions = isObject(body.allowed_mentions) ? body.allowed_mentions : undefined;
  const parse = mentions === undefined ? ['everyone', 'users', 'roles'] : list(mentions.parse).map(String);
  const users = mentions === undefined ? [] : list(mentions.users).map(String);
  const roles = mentions === undefined ? [] : list(mentions.roles).map(String);
  const out: string[] = [];
  if (parse.includes('everyone')) out.push(...(content.match(/@(everyone|here)/g) ?? []));
  for (const [, id = ''] of content.matchAll(/<@!?(\d+)>/g))
    if (parse.includes('users') || users.includes(id)) out.push(`user ${id}`);
  for (const [, id = ''] of content.matchAll(/<@&(\d+)>/g))
    if (parse.includes('roles') || roles.includes(id)) out.push(`role ${id}`);
  return out;
}
