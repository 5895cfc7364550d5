import { goQuote } from '../../go/strings.ts';
import { goFloat, isMap, type JsonValue } from '../../go/values.ts';
import type { Command, GoTemplate, Operand, Pipe, TemplateNode } from './parse.ts';

export { parseGoTemplate } from './parse.ts';

/**
 * Executes a parsed go-template over the object as kubectl hands it over (JSON decoded into
 * map[string]interface{}: numbers are float64, missing keys print `<no value>`). Template ints
 * are bigints, so `eq .x 1` fails on a float as it does in Go. Output streams until an error,
 * which is reported as text/template words it (`1:7: executing "output" at <…>: …`). Without
 * `allowMissingKeys` the template runs with `missingkey=error`, as kubectl's printer does for
 * `--allow-missing-template-keys=false`.
 */
type Value = JsonValue | bigint | undefined;

const MAX_OUTPUT = 1 << 20;
const MAX_STEPS = 200_000;

class TemplateError {
  constructor(
    readonly pos: number,
    readonly context: string,
    readonly message: string,
  ) {}
}

interface State {
  source: string;
  allowMissingKeys: boolean;
  out: string;
  steps: number;
  vars: { name: string; value: Value }[];
}

export function executeGoTemplate(
  template: GoTemplate,
  data: JsonValue,
  allowMissingKeys = true,
): { text: string; error: string | null; dump: string } {
  const state: State = {
    source: template.source,
    allowMissingKeys,
    out: '',
    steps: 0,
    vars: [{ name: '$', value: data }],
  };
  try {
    walkList(state, template.nodes, data);
    return { text: state.out, error: null, dump: printValue(data) };
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    const before = template.source.slice(0, e.pos);
    const line = 1 + (before.match(/\n/g)?.length ?? 0);
    const lastNewline = before.lastIndexOf('\n');
    const column = lastNewline === -1 ? e.pos : e.pos - lastNewline - 1;
    return {
      text: state.out,
      error: `${line}:${column}: executing "output" at <${e.context}>: ${e.message}`,
      dump: printValue(data),
    };
  }
}

function walkList(state: State, nodes: readonly TemplateNode[], dot: Value): void {
  for (const node of nodes) walk(state, node, dot);
}

function walk(state: State, node: TemplateNode, dot: Value): void {
  state.steps += 1;
  if (state.steps > MAX_STEPS)
    throw new TemplateError(0, '', `the template takes more than ${MAX_STEPS} steps`);
  switch (node.k) {
    case 'text':
      write(state, node.text);
      return;
    case 'action': {
      const value = evalPipe(state, node.pipe, dot);
      if (node.pipe.decl.length === 0) write(state, printValue(value));
      return;
    }
    case 'if':
    case 'with': {
      const mark = state.vars.length;
      const value = evalPipe(state, node.pipe, dot);
      if (isTrue(value)) walkList(state, node.list, node.k === 'with' ? value : dot);
      else walkList(state, node.elseList, dot);
      state.vars.length = mark;
      return;
    }
    case 'range':
      walkRange(state, node, dot);
      return;
  }
}

function walkRange(state: State, node: TemplateNode & { k: 'if' | 'with' | 'range' }, dot: Value): void {
  const mark = state.vars.length;
  const value = evalPipe(state, { ...node.pipe, decl: [] }, dot);
  const entries: [Value, Value][] = Array.isArray(value)
    ? value.map((v, i) => [BigInt(i), v])
    : isMap(value)
      ? Object.keys(value)
          .sort()
          .map((k) => [k, value[k] ?? null])
      : typeof value === 'bigint'
        ? Array.from({ length: Number(value > 100_000n ? 100_000n : value) }, (_, i) => [
            BigInt(i),
            BigInt(i),
          ])
        : [];
  if (
    value !== undefined &&
    value !== null &&
    !Array.isArray(value) &&
    !isMap(value) &&
    typeof value !== 'bigint'
  )
    throw new TemplateError(node.pipe.cmds[0]?.pos ?? 0, '', `range can't iterate over ${printValue(value)}`);
  for (const [key, item] of entries) {
    const [first, second] = node.pipe.decl;
    if (first !== undefined) state.vars.push({ name: first, value: second === undefined ? item : key });
    if (second !== undefined) state.vars.push({ name: second, value: item });
    walkList(state, node.list, item);
    state.vars.length = mark;
  }
  if (entries.length === 0) walkList(state, node.elseList, dot);
}

function lastVar(state: State, name: string): { name: string; value: Value } | undefined {
  for (let i = state.vars.length - 1; i >= 0; i--) if (state.vars[i]?.name === name) return state.vars[i];
  return undefined;
}

function write(state: State, text: string): void {
  state.out += text;
  if (state.out.length > MAX_OUTPUT)
    throw new TemplateError(0, '', `output longer than ${MAX_OUTPUT} characters`);
}

function evalPipe(state: State, pipe: Pipe, dot: Value): Value {
  let value: Value;
  let piped = false;
  for (const cmd of pipe.cmds) {
    value = evalCommand(state, cmd, dot, piped ? [value] : []);
    piped = true;
  }
  for (const name of pipe.decl) {
    const existing = pipe.assign ? lastVar(state, name) : undefined;
    if (existing !== undefined) existing.value = value;
    else state.vars.push({ name, value });
  }
  return value;
}

function evalCommand(state: State, cmd: Command, dot: Value, final: Value[]): Value {
  const [head, ...rest] = cmd.args;
  if (head === undefined) return undefined;
  if (head.k === 'function') {
    const args = [...rest.map((a) => evalOperand(state, a, dot)), ...final];
    return callFunction(head.name, args, cmd);
  }
  if (rest.length > 0 || final.length > 0)
    throw new TemplateError(cmd.pos, cmd.text, `can't give argument to non-function ${head.text}`);
  return evalOperand(state, head, dot);
}

function evalOperand(state: State, operand: Operand, dot: Value): Value {
  switch (operand.k) {
    case 'dot':
      return dot;
    case 'field':
      return fields(state, dot, operand.names, operand);
    case 'variable': {
      const variable = lastVar(state, operand.name);
      if (variable === undefined)
        throw new TemplateError(operand.pos, operand.text, `undefined variable: ${operand.name}`);
      return fields(state, variable.value, operand.names, operand);
    }
    case 'pipe':
      return fields(state, evalPipe(state, operand.pipe, dot), operand.names, operand);
    case 'string':
    case 'number':
    case 'bool':
      return operand.value;
    case 'nil':
      return null;
    case 'function':
      return callFunction(operand.name, [], { args: [operand], pos: operand.pos, text: operand.text });
  }
}

/**
 * text/template evalField over a chain: a missing key gives no value, and so does every field
 * after it; with `missingkey=error` either is an error.
 */
function fields(state: State, receiver: Value, names: readonly string[], at: Operand): Value {
  let value = receiver;
  for (const [i, name] of names.entries()) {
    if (value === undefined) {
      if (state.allowMissingKeys) return undefined;
      throw new TemplateError(at.pos, at.text, `nil data; no entry for key ${goQuote(name)}`);
    }
    if (isMap(value)) {
      if (Object.hasOwn(value, name)) value = value[name] ?? null;
      else if (state.allowMissingKeys) value = undefined;
      else throw new TemplateError(at.pos, at.text, `map has no entry for key ${goQuote(name)}`);
      continue;
    }
    const type = i === 0 && value === receiver && at.k === 'field' ? typeName(value) : 'interface {}';
    if (value === null) throw new TemplateError(at.pos, at.text, `nil pointer evaluating ${type}.${name}`);
    throw new TemplateError(at.pos, at.text, `can't evaluate field ${name} in type ${type}`);
  }
  return value;
}

function callFunction(name: string, args: Value[], cmd: Command): Value {
  const fail = (message: string): never => {
    throw new TemplateError(cmd.pos, cmd.text, `error calling ${name}: ${message}`);
  };
  switch (name) {
    case 'index':
      return index(args, fail);
    case 'len': {
      const item = args[0];
      if (item === undefined || item === null) return fail('len of nil pointer');
      if (Array.isArray(item) || typeof item === 'string') return BigInt(item.length);
      if (isMap(item)) return BigInt(Object.keys(item).length);
      return fail(`len of type ${typeName(item)}`);
    }
    case 'not':
      return !isTrue(args[0]);
    case 'and':
      return args.find((a) => !isTrue(a)) ?? args.at(-1);
    case 'or':
      return args.find((a) => isTrue(a)) ?? args.at(-1);
    case 'print':
      return args.map(printValue).join('');
    case 'println':
      return `${args.map(printValue).join(' ')}\n`;
    case 'printf':
      return sprintf(typeof args[0] === 'string' ? args[0] : '', args.slice(1));
    case 'eq':
    case 'ne':
    case 'lt':
    case 'le':
    case 'gt':
    case 'ge':
      return comparison(name, args, fail);
    case 'exists':
      return exists(args[0], args.slice(1));
    case 'base64decode': {
      const text = typeof args[0] === 'string' ? args[0] : '';
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0)
        return fail('base64 decode failed: illegal base64 data at input byte 0');
      return Buffer.from(text, 'base64').toString('utf8');
    }
    default:
      return fail('not simulated in this sandbox');
  }
}

function index(args: Value[], fail: (m: string) => never): Value {
  let item = args[0];
  if (item === undefined || item === null) return fail('index of untyped nil');
  for (const key of args.slice(1)) {
    if (Array.isArray(item)) {
      if (typeof key !== 'bigint') return fail(`cannot index slice/array with type ${typeName(key)}`);
      if (key < 0n || key >= BigInt(item.length)) return fail(`index out of range: ${key}`);
      item = item[Number(key)] ?? null;
    } else if (isMap(item)) {
      if (typeof key !== 'string') return fail(`value has type ${typeName(key)}; should be string`);
      item = Object.hasOwn(item, key) ? (item[key] ?? null) : undefined;
    } else if (item === undefined || item === null) return fail('index of nil pointer');
    else return fail(`can't index item of type ${typeName(item)}`);
  }
  return item;
}

function exists(item: Value, keys: Value[]): boolean {
  let value = item;
  for (const key of keys) {
    if (Array.isArray(value) && typeof key === 'bigint') value = value[Number(key)];
    else if (isMap(value) && typeof key === 'string') value = value[key];
    else return false;
    if (value === undefined) return false;
  }
  return value !== undefined && value !== null;
}

type Kind = 'bool' | 'int' | 'float' | 'string' | 'invalid';
const kindOf = (v: Value): Kind =>
  typeof v === 'boolean'
    ? 'bool'
    : typeof v === 'bigint'
      ? 'int'
      : typeof v === 'number'
        ? 'float'
        : typeof v === 'string'
          ? 'string'
          : 'invalid';

function comparison(name: string, args: Value[], fail: (m: string) => never): boolean {
  const [left, ...rights] = args;
  const k1 = kindOf(left);
  const equal = (right: Value) => {
    const k2 = kindOf(right);
    if (k1 === 'invalid' || k2 === 'invalid') return fail('incompatible types for comparison');
    if (k1 !== k2) return fail('incompatible types for comparison');
    return left === right;
  };
  const less = (right: Value) => {
    const k2 = kindOf(right);
    if (k1 === 'invalid' || k1 === 'bool' || k2 === 'invalid') return fail('invalid type for comparison');
    if (k1 !== k2) return fail('incompatible types for comparison');
    return (left as string | number | bigint) < (right as string | number | bigint);
  };
  const right = rights[0];
  switch (name) {
    case 'eq':
      if (rights.length === 0) return fail('missing argument for comparison');
      return rights.some(equal);
    case 'ne':
      return !equal(right);
    case 'lt':
      return less(right);
    case 'le':
      return less(right) || equal(right);
    case 'gt':
      return !(less(right) || equal(right));
    default:
      return !less(right);
  }
}

/** text/template's truth: false, 0, nil, no value and empty strings, maps and slices are false. */
function isTrue(v: Value): boolean {
  if (v === undefined || v === null || v === false || v === '' || v === 0 || v === 0n) return false;
  if (Array.isArray(v)) return v.length > 0;
  if (isMap(v)) return Object.keys(v).length > 0;
  return true;
}

function typeName(v: Value): string {
  switch (kindOf(v)) {
    case 'bool':
      return 'bool';
    case 'int':
      return 'int';
    case 'float':
      return 'float64';
    case 'string':
      return 'string';
    default:
      return Array.isArray(v) ? '[]interface {}' : isMap(v) ? 'map[string]interface {}' : 'interface {}';
  }
}

/** fmt's %v, as text/template prints a value. */
export function printValue(v: Value): string {
  if (v === undefined) return '<no value>';
  if (v === null) return '<nil>';
  if (typeof v === 'bigint') return String(v);
  if (typeof v === 'number') return goFloat(v);
  if (typeof v === 'string' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(inner).join(' ')}]`;
  const keys = Object.keys(v).sort();
  return `map[${keys.map((k) => `${k}:${inner(v[k] ?? null)}`).join(' ')}]`;
}

const inner = (v: JsonValue): string => printValue(v);

function sprintf(format: string, args: Value[]): string {
  let next = 0;
  let out = format.replace(/%([-+# 0]*\d*(?:\.\d+)?)([a-zA-Z%])/g, (_, _flags: string, verb: string) => {
    if (verb === '%') return '%';
    if (next >= args.length) return `%!${verb}(MISSING)`;
    const arg = args[next++];
    const bad = () => `%!${verb}(${typeName(arg)}=${printValue(arg)})`;
    switch (verb) {
      case 'v':
        return printValue(arg);
      case 's':
        return typeof arg === 'string' ? arg : bad();
      case 'd':
        return typeof arg === 'bigint' ? String(arg) : bad();
      case 'q':
        return typeof arg === 'string' ? goQuote(arg) : bad();
      case 'f':
        return typeof arg === 'number' ? arg.toFixed(6) : bad();
      default:
        return bad();
    }
  });
  if (next < args.length)
    out += `%!(EXTRA ${args
      .slice(next)
      .map((a) => `${typeName(a)}=${printValue(a)}`)
      .join(', ')})`;
  return out;
}
