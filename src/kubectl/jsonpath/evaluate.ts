import { goMarshal, goPrint, isMap, type JsonValue } from '../../go/values.ts';
import { err, ok, type Result } from '../../result.ts';
import type { JsonPathNode, SliceParam, TemplateItem } from './parse.ts';

/**
 * Runs a parsed template over an object, as client-go's JSONPath.FindResults and PrintResults
 * do: each action gives a group of values, printed space-separated; `{range X}...{end}` repeats
 * its body for each value of X. With missing keys allowed (kubectl's default) a field found in
 * none of its inputs gives nothing; without, it is an error (`x is not found`). Every value made
 * counts against a budget, so `{..}` over nested ranges cannot run away.
 */
const BUDGET = 200_000;

interface Run {
  steps: number;
  allowMissingKeys: boolean;
}

export function executeJsonPath(
  items: readonly TemplateItem[],
  data: JsonValue,
  allowMissingKeys = true,
): Result<JsonValue[][], string> {
  return evalItems(items, data, { steps: 0, allowMissingKeys }, false);
}

export function printResults(groups: readonly JsonValue[][], asJson = false): string {
  return groups
    .map((group) =>
      asJson
        ? `${JSON.stringify(JSON.parse(goMarshal(group)), null, 4)}\n`
        : group.map((v) => (v !== null && typeof v === 'object' ? goMarshal(v) : textOf(v))).join(' '),
    )
    .join('');
}

const textOf = (v: JsonValue): string => (v === null ? 'null' : goPrint(v));

const hasIdentifier = (item: TemplateItem, name: string) =>
  item.kind === 'action' && item.nodes.some((n) => n.type === 'identifier' && n.name === name);

function evalItems(
  items: readonly TemplateItem[],
  data: JsonValue,
  run: Run,
  inRange: boolean,
): Result<JsonValue[][], string> {
  const groups: JsonValue[][] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as TemplateItem;
    if (item.kind === 'text') {
      groups.push([item.text]);
      continue;
    }
    if (hasIdentifier(item, 'end') && !hasIdentifier(item, 'range')) {
      if (!inRange) return err('not in range, nothing to end');
      continue;
    }
    const values = evalList([data], item.nodes, run);
    if (!values.ok) return values;
    if (!hasIdentifier(item, 'range')) {
      groups.push(values.value);
      continue;
    }
    const end = matchingEnd(items, i);
    const body = items.slice(i + 1, end);
    if (values.value.length === 0) {
      const dry = evalItems(body, null, run, true);
      if (!dry.ok) return dry;
    }
    for (const value of values.value) {
      const inner = evalItems(body, value, run, true);
      if (!inner.ok) return inner;
      groups.push(...inner.value);
    }
    i = end;
  }
  return ok(groups);
}

/** The index of the `{end}` closing the range at `start`, or the template's length. */
function matchingEnd(items: readonly TemplateItem[], start: number): number {
  let depth = 0;
  for (let i = start + 1; i < items.length; i++) {
    const item = items[i] as TemplateItem;
    if (hasIdentifier(item, 'range')) depth += 1;
    else if (hasIdentifier(item, 'end')) {
      if (depth === 0) return i;
      depth -= 1;
    }
  }
  return items.length;
}

function evalList(input: JsonValue[], nodes: readonly JsonPathNode[], run: Run): Result<JsonValue[], string> {
  let current = input;
  for (const node of nodes) {
    const next = walk(current, node, run);
    if (!next.ok) return next;
    run.steps += next.value.length;
    if (run.steps > BUDGET) return err(`the template visits more than ${BUDGET} values`);
    current = next.value;
  }
  return ok(current);
}

function walk(input: JsonValue[], node: JsonPathNode, run: Run): Result<JsonValue[], string> {
  switch (node.type) {
    case 'text':
      return ok([node.text]);
    case 'int':
    case 'float':
    case 'bool':
      return ok(input.map(() => node.value));
    case 'field':
      return evalField(input, node.name, run);
    case 'wildcard':
      return ok(input.flatMap(children));
    case 'recursive':
      return ok(recursive(input, run));
    case 'array':
      return evalArray(input, node.params);
    case 'union': {
      const out: JsonValue[] = [];
      for (const list of node.lists) {
        const part = evalList(input, list, run);
        if (!part.ok) return part;
        out.push(...part.value);
      }
      return ok(out);
    }
    case 'filter':
      return evalFilter(input, node, run);
    case 'identifier':
      if (node.name === 'range') return ok(input);
      if (node.name === 'end') return ok([]);
      return err(`unrecognized identifier ${node.name}`);
  }
}

/**
 * evalField: the field of each map that has it. Found nowhere (with some input: an empty range
 * body still walks one null) it is an error unless missing keys are allowed.
 */
function evalField(input: JsonValue[], name: string, run: Run): Result<JsonValue[], string> {
  const found = input.flatMap((v) => (isMap(v) && Object.hasOwn(v, name) ? [v[name] ?? null] : []));
  if (found.length === 0 && input.length > 0 && !run.allowMissingKeys) return err(`${name} is not found`);
  return ok(found);
}

/** Map values (in key order: Go's is random) or array items; a string's bytes are left out. */
function children(v: JsonValue): JsonValue[] {
  if (Array.isArray(v)) return v;
  if (isMap(v))
    return Object.keys(v)
      .sort()
      .map((k) => v[k] ?? null);
  return [];
}

/** `..`: every container under the input, each before what it holds. */
function recursive(input: JsonValue[], run: Run): JsonValue[] {
  const out: JsonValue[] = [];
  const visit = (v: JsonValue) => {
    if (run.steps + out.length > BUDGET) return;
    if (typeof v === 'string' && v !== '') out.push(v);
    const kids = children(v);
    if (kids.length === 0) return;
    out.push(v);
    for (const kid of kids) visit(kid);
  };
  for (const v of input) visit(v);
  return out;
}

function evalArray(input: JsonValue[], params: readonly SliceParam[]): Result<JsonValue[], string> {
  const out: JsonValue[] = [];
  const [first, last, stride] = params as [SliceParam, SliceParam, SliceParam];
  for (const v of input) {
    if (v === null) continue;
    if (!Array.isArray(v)) return err(`${goType(v)} is not array or slice`);
    const length = v.length;
    let from = first.known ? first.value : 0;
    if (from < 0) from += length;
    let to = last.known ? last.value : length;
    if (to < 0 || (to === 0 && last.derived)) to += length;
    if (to === from) return ok(out);
    if (from >= length || from < 0) return err(`array index out of bounds: index ${from}, length ${length}`);
    if (to > length || to < 0) return err(`array index out of bounds: index ${to - 1}, length ${length}`);
    if (from > to) return err(`starting index ${from} is greater than ending index ${to}`);
    if (stride.known && stride.value <= 0) return err('step must be > 0');
    const step = stride.known ? stride.value : 1;
    for (let i = from; i < to; i += step) out.push(v[i] ?? null);
  }
  return ok(out);
}

function evalFilter(
  input: JsonValue[],
  node: Extract<JsonPathNode, { type: 'filter' }>,
  run: Run,
): Result<JsonValue[], string> {
  const out: JsonValue[] = [];
  for (const v of input) {
    if (!Array.isArray(v))
      return err(
        `${v === null ? '<invalid reflect.Value>' : goPrint(v)} is not array or slice and cannot be filtered`,
      );
    for (const element of v) {
      const lefts = evalList([element], node.left, run);
      if (node.op === 'exists') {
        if (lefts.ok && lefts.value.length > 0) out.push(element);
        continue;
      }
      if (!lefts.ok) return lefts;
      const left = single(lefts.value);
      if (!left.ok) return left;
      if (left.value === undefined) continue;
      const rights = evalList([element], node.right, run);
      if (!rights.ok) return rights;
      const right = single(rights.value);
      if (!right.ok) return right;
      if (right.value === undefined) continue;
      const pass = compare(node.op, left.value, right.value, node.right);
      if (!pass.ok) return pass;
      if (pass.value) out.push(element);
    }
  }
  return ok(out);
}

function single(values: JsonValue[]): Result<JsonValue | undefined, string> {
  if (values.length > 1) return err('can only compare one element at a time');
  return ok(values[0]);
}

type Kind = 'bool' | 'int' | 'float' | 'string' | 'invalid';

function kindOf(v: JsonValue, literal: readonly JsonPathNode[]): Kind {
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') {
    // A float literal (`1.0`) stays a float64 even when whole, as the parser typed it.
    if (literal.length === 1 && literal[0]?.type === 'float') return 'float';
    return Number.isInteger(v) ? 'int' : 'float';
  }
  return 'invalid';
}

/** The comparison functions of Go's text/template (eq, ne, lt, le, gt, ge), as jsonpath uses them. */
function compare(op: string, left: JsonValue, right: JsonValue, rightNodes: readonly JsonPathNode[]) {
  const k1 = kindOf(left, []);
  const k2 = kindOf(right, rightNodes);
  const equal = (): Result<boolean, string> => {
    if (k1 === 'invalid' || k2 === 'invalid') return err('invalid type for comparison');
    if (k1 !== k2) return err('incompatible types for comparison');
    return ok(left === right);
  };
  const less = (): Result<boolean, string> => {
    if (k1 === 'invalid' || k2 === 'invalid' || k1 === 'bool') return err('invalid type for comparison');
    if (k1 !== k2) return err('incompatible types for comparison');
    return ok((left as number | string) < (right as number | string));
  };
  const either = (a: Result<boolean, string>, b: () => Result<boolean, string>): Result<boolean, string> =>
    !a.ok ? a : a.value ? a : b();
  const not = (r: Result<boolean, string>): Result<boolean, string> => (r.ok ? ok(!r.value) : r);
  switch (op) {
    case '==':
      return equal();
    case '!=':
      return not(equal());
    case '<':
      return less();
    case '<=':
      return either(less(), equal);
    case '>':
      return not(either(less(), equal));
    case '>=':
      return not(less());
    default:
      return err(`unrecognized filter operator ${op}`);
  }
}

/** reflect's type name of an unstructured value, for client-go's messages. */
function goType(v: JsonValue): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  return 'map[string]interface {}';
}
