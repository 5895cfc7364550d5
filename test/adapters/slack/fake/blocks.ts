/**
 * The fake's own copy of Slack's Block Kit rules (docs.slack.dev block and element references,
 * chat.postMessage errors). It is deliberately independent of the adapter's limits: a wrong
 * constant in the adapter must fail here, not be mirrored. Each check returns Slack's error code
 * and a detail naming the offending path, or null.
 */
export interface Rejection {
  error: string;
  detail: string;
}

export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  messageText: 40_000,
  /** Slack answers msg_blocks_too_long at about 13k characters of block text (bolt-js #2509). */
  messageBlockChars: 13_000,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  id: 255,
  optionText: 75,
  optionValue: 150,
  checkboxOptions: 10,
  selectOptions: 100,
  placeholder: 150,
  inputLabel: 2000,
  inputHint: 2000,
  plainTextInput: 3000,
  viewTitle: 24,
  privateMetadata: 3000,
} as const;

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const reject = (error: string, detail: string): Rejection => ({ error, detail });

export function checkMessage(text: unknown, blocks: unknown): Rejection | null {
  if (text !== undefined && typeof text !== 'string') return reject('invalid_arguments', 'text');
  if (typeof text === 'string' && text.length > LIMITS.messageText) return reject('msg_too_long', 'text');
  if (blocks === undefined) return text === undefined || text === '' ? reject('no_text', 'text') : null;
  if (!Array.isArray(blocks)) return reject('invalid_blocks_format', 'blocks');
  if (blocks.length === 0 && (text === undefined || text === '')) return reject('no_text', 'text');
  if (blocks.length > LIMITS.messageBlocks) return reject('invalid_blocks', `blocks: ${blocks.length} > 50`);
  const bad = checkBlocks(blocks, 'message');
  if (bad !== null) return bad;
  const chars = blocks.reduce((n: number, b) => n + textChars(b), 0);
  if (chars > LIMITS.messageBlockChars)
    return reject('msg_blocks_too_long', `${chars} characters of block text`);
  return null;
}

/** A home tab (views.publish): type home, at most 100 blocks, no input blocks. */
export function checkHome(view: unknown): Rejection | null {
  const bad = (detail: string) => reject('invalid_arguments', `view.${detail}`);
  if (!isObj(view)) return bad('');
  if (view.type !== 'home') return bad('type');
  if (!Array.isArray(view.blocks) || view.blocks.length > LIMITS.viewBlocks) return bad('blocks');
  if (view.blocks.some((b) => isObj(b) && b.type === 'input'))
    return bad('blocks: no input blocks on a home tab');
  const blocks = checkBlocks(view.blocks, 'view');
  return blocks === null ? null : bad(`blocks: ${blocks.detail}`);
}

export function checkView(view: unknown): Rejection | null {
  const bad = (detail: string) => reject('invalid_arguments', `view.${detail}`);
  if (!isObj(view)) return bad('');
  if (view.type !== 'modal') return bad('type');
  if (plainText(view.title, LIMITS.viewTitle) !== null) return bad('title');
  if (view.close !== undefined && plainText(view.close, LIMITS.viewTitle) !== null) return bad('close');
  if (view.submit !== undefined && plainText(view.submit, LIMITS.viewTitle) !== null) return bad('submit');
  if (view.callback_id !== undefined && tooLong(view.callback_id, LIMITS.id)) return bad('callback_id');
  if (typeof view.private_metadata === 'string' && view.private_metadata.length > LIMITS.privateMetadata)
    return bad('private_metadata');
  if (!Array.isArray(view.blocks) || view.blocks.length > LIMITS.viewBlocks) return bad('blocks');
  const hasInput = view.blocks.some((b) => isObj(b) && b.type === 'input');
  if (hasInput && view.submit === undefined) return bad('submit: required with input blocks');
  const blocks = checkBlocks(view.blocks, 'view');
  return blocks === null ? null : bad(`blocks: ${blocks.detail}`);
}

function checkBlocks(blocks: unknown[], surface: 'message' | 'view'): Rejection | null {
  const ids = new Set<string>();
  for (const [i, block] of blocks.entries()) {
    const bad = (detail: string) => reject('invalid_blocks', `blocks[${i}]: ${detail}`);
    if (!isObj(block)) return bad('not an object');
    if (block.block_id !== undefined) {
      if (typeof block.block_id !== 'string' || tooLong(block.block_id, LIMITS.id)) return bad('block_id');
      if (ids.has(block.block_id)) return bad(`duplicate block_id ${block.block_id}`);
      ids.add(block.block_id);
    }
    const problem = checkBlock(block, surface);
    if (problem !== null) return bad(problem);
  }
  return null;
}

function checkBlock(block: Obj, surface: 'message' | 'view'): string | null {
  switch (block.type) {
    case 'section':
      return checkSection(block);
    case 'header':
      return plainText(block.text, LIMITS.headerText);
    case 'divider':
      return null;
    case 'context':
      if (!Array.isArray(block.elements) || block.elements.length === 0) return 'context: no elements';
      if (block.elements.length > LIMITS.contextElements) return 'context: more than 10 elements';
      for (const e of block.elements) {
        const bad = anyText(e, LIMITS.sectionText);
        if (bad !== null) return `context: ${bad}`;
      }
      return null;
    case 'actions':
      return checkActions(block);
    case 'input':
      return surface === 'view' ? checkInput(block) : 'input blocks are for modals';
    case 'rich_text':
      return Array.isArray(block.elements) && block.elements.length > 0 ? null : 'rich_text: no elements';
    default:
      return `unknown block type ${String(block.type)}`;
  }
}

function checkSection(block: Obj): string | null {
  if (block.text === undefined && block.fields === undefined) return 'section: text or fields required';
  if (block.text !== undefined) {
    const bad = anyText(block.text, LIMITS.sectionText);
    if (bad !== null) return `section.text: ${bad}`;
  }
  if (block.fields !== undefined) {
    if (!Array.isArray(block.fields) || block.fields.length > LIMITS.sectionFields) return 'section.fields';
    for (const f of block.fields) if (anyText(f, LIMITS.fieldText) !== null) return 'section.fields[]';
  }
  return null;
}

function checkActions(block: Obj): string | null {
  if (!Array.isArray(block.elements) || block.elements.length === 0) return 'actions: no elements';
  if (block.elements.length > LIMITS.actionsElements)
    return `actions: ${block.elements.length} elements > ${LIMITS.actionsElements}`;
  const actionIds = new Set<string>();
  for (const element of block.elements) {
    if (!isObj(element)) return 'actions: element not an object';
    if (typeof element.action_id === 'string') {
      if (tooLong(element.action_id, LIMITS.id)) return 'action_id too long';
      if (actionIds.has(element.action_id)) return `duplicate action_id ${element.action_id}`;
      actionIds.add(element.action_id);
    }
    const bad = checkElement(element);
    if (bad !== null) return bad;
  }
  return null;
}

function checkElement(element: Obj): string | null {
  switch (element.type) {
    case 'button': {
      const text = plainText(element.text, LIMITS.buttonText);
      if (text !== null) return `button.text: ${text}`;
      if (
        element.value !== undefined &&
        (typeof element.value !== 'string' || tooLong(element.value, LIMITS.buttonValue))
      )
        return 'button.value';
      if (element.style !== undefined && element.style !== 'primary' && element.style !== 'danger')
        return 'button.style';
      return null;
    }
    case 'checkboxes':
      return checkOptions(element.options, LIMITS.checkboxOptions, 'checkboxes');
    case 'static_select':
    case 'multi_static_select': {
      if (element.placeholder !== undefined && plainText(element.placeholder, LIMITS.placeholder) !== null)
        return 'select.placeholder';
      return checkOptions(element.options, LIMITS.selectOptions, String(element.type));
    }
    default:
      return `unsupported element ${String(element.type)}`;
  }
}

function checkOptions(options: unknown, max: number, what: string): string | null {
  if (!Array.isArray(options) || options.length === 0) return `${what}: no options`;
  if (options.length > max) return `${what}: ${options.length} options > ${max}`;
  const values = new Set<string>();
  for (const option of options) {
    if (!isObj(option)) return `${what}: option not an object`;
    if (anyText(option.text, LIMITS.optionText) !== null) return `${what}: option text`;
    if (typeof option.value !== 'string' || tooLong(option.value, LIMITS.optionValue))
      return `${what}: option value`;
    if (values.has(option.value)) return `${what}: duplicate option value`;
    values.add(option.value);
  }
  return null;
}

function checkInput(block: Obj): string | null {
  if (plainText(block.label, LIMITS.inputLabel) !== null) return 'input.label';
  if (block.hint !== undefined && plainText(block.hint, LIMITS.inputHint) !== null) return 'input.hint';
  const element = block.element;
  if (!isObj(element) || element.type !== 'plain_text_input') return 'input.element';
  if (typeof element.max_length === 'number' && element.max_length > LIMITS.plainTextInput)
    return 'max_length';
  if (element.placeholder !== undefined && plainText(element.placeholder, LIMITS.placeholder) !== null)
    return 'input.placeholder';
  return null;
}

function plainText(x: unknown, max: number): string | null {
  if (!isObj(x) || x.type !== 'plain_text') return 'not plain_text';
  return typeof x.text === 'string' && x.text.length > 0 && x.text.length <= max
    ? null
    : `length not in 1..${max}`;
}

function anyText(x: unknown, max: number): string | null {
  if (!isObj(x) || (x.type !== 'plain_text' && x.type !== 'mrkdwn')) return 'not a text object';
  if (typeof x.text !== 'string' || x.text.length === 0) return 'empty text';
  return x.text.length <= max ? null : `${x.text.length} characters > ${max}`;
}

const tooLong = (x: unknown, max: number) => typeof x !== 'string' || x.length > max;

/** Every character of text a block carries (what msg_blocks_too_long counts, as far as we know). */
export function textChars(x: unknown): number {
  if (typeof x === 'string') return 0;
  if (Array.isArray(x)) return x.reduce((n: number, e) => n + textChars(e), 0);
  if (!isObj(x)) return 0;
  let n = typeof x.text === 'string' ? x.text.length : 0;
  for (const [key, value] of Object.entries(x))
    if (key !== 'text' || typeof value !== 'string') n += textChars(value);
  return n;
}
