import { fieldValue, type GoField, type GoType, goText } from './go-value.ts';
import { podSpec } from './pod-spec-types.ts';
import { isRecord } from './quantity.ts';

/**
 * The diff that follows "pod updates may not change fields other than ...": go-cmp's report of
 * the old internal core.PodSpec against the new (munged) one, both read from their v1 JSON as
 * the server stores them (defaults and admission's additions included). Changed fields as
 * `-`/`+` lines, two unchanged fields of context around them, longer runs elided as
 * `... // N identical fields`, names aligned within a run; a list of structs that differs on
 * both sides is opened item by item.
 */
interface Row {
  mark: ' ' | '-' | '+';
  depth: number;
  name?: string;
  text: string;
}

type Struct = Extract<GoType, { kind: 'struct' }>;

const CONTEXT = 2;

/** The diff of two v1 PodSpecs, or null when the server would find them equal. */
export function podSpecDiff(before: unknown, after: unknown): string | null {
  const a = internalSpec(before);
  const b = internalSpec(after);
  if (goText(a, podSpec, 'identical') === goText(b, podSpec, 'identical')) return null;
  const rows: Row[] = [
    { mark: ' ', depth: 0, text: 'core.PodSpec{' },
    ...diffStruct(a, b, podSpec as Struct, 1),
    { mark: ' ', depth: 0, text: '}' },
  ];
  return render(rows);
}

/** v1 to core: the host namespace flags move into the security context, serviceAccount is an alias. */
function internalSpec(spec: unknown): Record<string, unknown> {
  const s = isRecord(spec) ? spec : {};
  const security = isRecord(s.securityContext) ? s.securityContext : {};
  return {
    ...s,
    serviceAccountName: s.serviceAccountName ?? s.serviceAccount,
    securityContext: {
      ...security,
      hostNetwork: s.hostNetwork,
      hostPID: s.hostPID,
      hostIPC: s.hostIPC,
      shareProcessNamespace: s.shareProcessNamespace,
    },
  };
}

const same = (a: unknown, b: unknown, type: GoType) =>
  goText(a, type, 'identical') === goText(b, type, 'identical');

function diffStruct(a: unknown, b: unknown, type: Struct, depth: number): Row[] {
  const changed = type.fields.map((f) => !same(fieldValue(a, f), fieldValue(b, f), f.type));
  const visible = changed.map((_, i) =>
    changed.slice(Math.max(0, i - CONTEXT), i + CONTEXT + 1).some((c) => c),
  );
  const rows: Row[] = [];
  let hidden = 0;
  const flush = () => {
    if (hidden > 0)
      rows.push({
        mark: ' ',
        depth,
        text: `... // ${hidden} identical ${hidden === 1 ? 'field' : 'fields'}`,
      });
    hidden = 0;
  };
  for (const [i, f] of type.fields.entries()) {
    if (!visible[i]) {
      hidden++;
      continue;
    }
    flush();
    const x = fieldValue(a, f);
    if (!changed[i]) rows.push({ mark: ' ', depth, name: f.go, text: `${goText(x, f.type, 'identical')},` });
    else rows.push(...diffField(f, x, fieldValue(b, f), depth));
  }
  flush();
  return rows;
}

function diffField(f: GoField, a: unknown, b: unknown, depth: number): Row[] {
  const { type } = f;
  const open =
    type.kind === 'slice' &&
    type.elem.kind === 'struct' &&
    Array.isArray(a) &&
    Array.isArray(b) &&
    a.length > 0 &&
    b.length > 0;
  if (!open || type.kind !== 'slice' || type.elem.kind !== 'struct')
    return [
      { mark: '-', depth, name: f.go, text: `${goText(a, type, 'diff')},` },
      { mark: '+', depth, name: f.go, text: `${goText(b, type, 'diff')},` },
    ];
  const elem = type.elem;
  const xs = a as unknown[];
  const ys = b as unknown[];
  const rows: Row[] = [{ mark: ' ', depth, text: `${f.go}: ${type.name}{` }];
  for (let i = 0; i < Math.max(xs.length, ys.length); i++) {
    const x = xs[i];
    const y = ys[i];
    if (i < xs.length && i < ys.length) {
      if (same(x, y, elem))
        rows.push({ mark: ' ', depth: depth + 1, text: `${goText(x, elem, 'identical')},` });
      else
        rows.push({ mark: ' ', depth: depth + 1, text: '{' }, ...diffStruct(x, y, elem, depth + 2), {
          mark: ' ',
          depth: depth + 1,
          text: '},',
        });
    } else if (i < xs.length)
      rows.push({ mark: '-', depth: depth + 1, text: `${goText(x, elem, 'diff', true)},` });
    else rows.push({ mark: '+', depth: depth + 1, text: `${goText(y, elem, 'diff', true)},` });
  }
  rows.push({ mark: ' ', depth, text: '},' });
  return rows;
}

/** Lines start with the mark and a space, then tabs; names in a run of rows are padded alike. */
function render(rows: readonly Row[]): string {
  const out: string[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j < rows.length && rows[j]?.name !== undefined && rows[j]?.depth === rows[i]?.depth) j++;
    const run = rows.slice(i, Math.max(j, i + 1));
    const width = Math.max(...run.map((r) => (r.name === undefined ? 0 : r.name.length + 1)));
    for (const r of run) {
      const label = r.name === undefined ? '' : `${`${r.name}:`.padEnd(width)} `;
      out.push(`${r.mark} ${'\t'.repeat(r.depth)}${label}${r.text}`);
    }
    i = Math.max(j, i + 1);
  }
  return out.join('\n');
}
