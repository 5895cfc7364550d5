import type { Definition, FieldDefinition } from '../../cluster/openapi/discovery.ts';

/**
 * kubectl's explain v2 plaintext template (pkg/explain/v2/templates/plaintext.tmpl): GROUP (for a
 * named group), KIND and VERSION, `FIELD: name <type>` (and ENUM) for a path, the description
 * wrapped at 76 columns and indented 4, then each field as `name<TAB><type>[ -required-]` with its
 * description, in sorted order; `--recursive` lists the nested fields instead, two spaces deeper
 * per level, without descriptions.
 */
export interface ExplainView {
  group: string;
  kind: string;
  version: string;
  field: { name: string; schema: FieldDefinition } | null;
  description: string;
  type: Definition | null;
  recursive: boolean;
  /** Looks a nested definition up, for `--recursive`. */
  lookup: (key: string) => Definition | undefined;
}

/** The lines every explain starts with (printed even when the field asked for is missing). */
export function explainHeader(view: { group: string; kind: string; version: string }): string {
  const group = view.group === '' ? '' : `GROUP:      ${view.group}\n`;
  return `${group}KIND:       ${view.kind}\nVERSION:    ${view.version}\n\n`;
}

export function renderExplain(view: ExplainView): string {
  const { field, type } = view;
  let out = explainHeader(view);
  if (field !== null) {
    out += `FIELD: ${field.name} <${field.schema.t}>\n`;
    if (field.schema.e !== undefined) out += `ENUM:${field.schema.e.map((e) => `\n    ${e}`).join('')}`;
    out += '\n\n';
  }
  out += `DESCRIPTION:\n${indent(wrap(view.description, 76), 4)}\n`;
  if (type !== null && Object.keys(type.f).length > 0) {
    out += 'FIELDS:\n';
    out += view.recursive ? recursiveFields(type, view.lookup, 2, []) : fieldList(type);
  }
  return out.replace(/\n+$/, '');
}

function fieldLine(name: string, f: FieldDefinition, pad: number): string {
  return `${' '.repeat(pad)}${name}\t<${f.t}>${f.q === 1 ? ' -required-' : ''}`;
}

function fieldList(type: Definition): string {
  let out = '';
  for (const name of Object.keys(type.f).sort()) {
    const f = type.f[name];
    if (f === undefined) continue;
    out += fieldLine(name, f, 2);
    if (f.e !== undefined) out += `\n  enum: ${f.e.slice(0, 4).join(', ')}${f.e.length > 4 ? ', ....' : ''}`;
    out += `\n${indent(wrap(f.d, 76), 4)}\n\n`;
  }
  return out;
}

/** Every nested field; a type already open above (JSONSchemaProps inside itself) is not reopened. */
function recursiveFields(
  type: Definition,
  lookup: (key: string) => Definition | undefined,
  pad: number,
  open: readonly string[],
): string {
  let out = '';
  for (const name of Object.keys(type.f).sort()) {
    const f = type.f[name];
    if (f === undefined) continue;
    out += `${fieldLine(name, f, pad)}\n`;
    const nested = f.r === undefined || open.includes(f.r) ? undefined : lookup(f.r);
    if (nested !== undefined && f.r !== undefined)
      out += recursiveFields(nested, lookup, pad + 2, [...open, f.r]);
  }
  return out;
}

/** Greedy word wrap of each line, never breaking a long word (URLs stay whole). */
export function wrap(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => wrapLine(line, width))
    .join('\n');
}

function wrapLine(text: string, width: number): string {
  let out = '';
  let offset = 0;
  while (text.length - offset > width) {
    if (text[offset] === ' ') {
      offset += 1;
      continue;
    }
    const space = text.slice(offset, offset + width + 1).lastIndexOf(' ');
    if (space > 0) {
      out += `${text.slice(offset, offset + space)}\n`;
      offset += space + 1;
      continue;
    }
    const next = text.indexOf(' ', offset + width);
    if (next === -1) {
      out += text.slice(offset);
      offset = text.length;
    } else {
      out += `${text.slice(offset, next)}\n`;
      offset = next + 1;
    }
  }
  return out + text.slice(offset);
}

/** sprig's indent: the pad goes before the first line and after every newline. */
const indent = (text: string, n: number) => {
  const pad = ' '.repeat(n);
  return pad + text.replaceAll('\n', `\n${pad}`);
};
