import type { FieldSchema, TypeSchema } from './schema.ts';

/**
 * kubectl's explain v2 plaintext template (pkg/explain/v2/templates/plaintext.tmpl): KIND and
 * VERSION, `FIELD: name <type>` for a path, the description wrapped at 76 columns and indented
 * 4, then each field as `name<TAB><type>[ -required-]` with its description wrapped at 76 and
 * indented 4, fields in sorted order.
 */
export function renderExplain(
  kind: string,
  field: { name: string; schema: FieldSchema } | null,
  description: string,
  type: TypeSchema | null,
): string {
  let out = `KIND:       ${kind}\nVERSION:    v1\n\n`;
  if (field !== null) {
    out += `FIELD: ${field.name} <${field.schema.type}>\n`;
    if (field.schema.enum !== undefined) out += `ENUM:${field.schema.enum.map((e) => `\n    ${e}`).join('')}`;
    out += '\n\n';
  }
  out += `DESCRIPTION:\n${indent(wrap(description, 76), 4)}\n`;
  if (type !== null && Object.keys(type.fields).length > 0) {
    out += 'FIELDS:\n';
    for (const name of Object.keys(type.fields).sort()) {
      const f = type.fields[name];
      if (f === undefined) continue;
      out += `  ${name}\t<${f.type}>${f.required === true ? ' -required-' : ''}`;
      if (f.enum !== undefined)
        out += `\n  enum: ${f.enum.slice(0, 4).join(', ')}${f.enum.length > 4 ? ', ....' : ''}`;
      out += `\n${indent(wrap(f.description, 76), 4)}\n\n`;
    }
  }
  return out.replace(/\n+$/, '');
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
