import { err, ok, type Result } from '../../result.ts';
import { lexTemplate, lineOf, type Token } from './lex.ts';

/**
 * The parser of Go's text/template for kubectl's `-o go-template`:
 *
 *   list     = { text | "{{" pipeline "}}" | if | range | with }
 *   if       = "{{if" pipeline "}}" list [ "{{else}}" list ] "{{end}}"      (with: the same)
 *   range    = "{{range" [ $v [ "," $w ] ":=" ] pipeline "}}" list [ "{{else}}" list ] "{{end}}"
 *   pipeline = [ $v ( ":=" | "=" ) ] command { "|" command }
 *   command  = operand { " " operand }
 *   operand  = ( field | "." | $v | function | string | number | bool | nil | "(" pipeline ")" ) { field }
 *
 * Errors read as text/template's after `output:`: `1: function "foo" not defined`.
 */
export type Operand =
  | { k: 'field'; names: string[]; pos: number; text: string }
  | { k: 'dot'; pos: number; text: string }
  | { k: 'variable'; name: string; names: string[]; pos: number; text: string }
  | { k: 'function'; name: string; pos: number; text: string }
  | { k: 'string'; value: string; pos: number; text: string }
  | { k: 'number'; value: number | bigint; pos: number; text: string }
  | { k: 'bool'; value: boolean; pos: number; text: string }
  | { k: 'nil'; pos: number; text: string }
  | { k: 'pipe'; pipe: Pipe; names: string[]; pos: number; text: string };

export interface Command {
  args: Operand[];
  pos: number;
  text: string;
}

export interface Pipe {
  decl: string[];
  assign: boolean;
  cmds: Command[];
}

export type TemplateNode =
  | { k: 'text'; text: string }
  | { k: 'action'; pipe: Pipe }
  | { k: 'if' | 'with' | 'range'; pipe: Pipe; list: TemplateNode[]; elseList: TemplateNode[] };

export interface GoTemplate {
  source: string;
  nodes: TemplateNode[];
}

const FUNCTIONS = new Set([
  'and',
  'or',
  'not',
  'len',
  'index',
  'slice',
  'print',
  'printf',
  'println',
  'eq',
  'ne',
  'lt',
  'le',
  'gt',
  'ge',
  'html',
  'js',
  'urlquery',
  'call',
  'exists',
  'base64decode',
]);

export function parseGoTemplate(source: string): Result<GoTemplate, string> {
  const lexed = lexTemplate(source);
  if (!lexed.ok) return lexed;
  const parser = new Cursor(source, lexed.value);
  const nodes = parser.list(null);
  if (!nodes.ok) return nodes;
  return ok({ source, nodes: nodes.value.nodes });
}

type ListEnd = 'end' | 'else' | null;

/** A position in the token stream; each method consumes what it parses. */
class Cursor {
  private i = 0;
  /**
   * The variables in scope (text/template's Tree.vars): `$`, then each declared as its pipeline
   * is read, until the end of the if/with/range whose pipeline or body declared it. Using another
   * is a parse error.
   */
  private readonly vars: string[] = ['$'];
  constructor(
    private readonly source: string,
    private readonly tokens: readonly Token[],
  ) {}

  private fail(pos: number, message: string): Result<never, string> {
    return err(`${lineOf(this.source, pos)}: ${message}`);
  }
  private peek(): Token | undefined {
    return this.tokens[this.i];
  }
  private peekNonSpace(): Token | undefined {
    while (this.tokens[this.i]?.t === 'space') this.i += 1;
    return this.tokens[this.i];
  }

  /** Nodes up to `{{end}}`/`{{else}}` (inside a block) or the end of the template. */
  list(inside: string | null): Result<{ nodes: TemplateNode[]; ended: ListEnd }, string> {
    const nodes: TemplateNode[] = [];
    for (;;) {
      const token = this.tokens[this.i];
      if (token === undefined) {
        if (inside !== null) return this.fail(this.source.length, 'unexpected EOF');
        return ok({ nodes, ended: null });
      }
      this.i += 1;
      if (token.t === 'text') {
        nodes.push({ k: 'text', text: token.text });
        continue;
      }
      const first = this.peekNonSpace();
      if (first?.t === 'identifier' && (first.name === 'end' || first.name === 'else')) {
        this.i += 1;
        if (inside === null) return this.fail(first.pos, `unexpected {{${first.name}}}`);
        if (this.peekNonSpace()?.t !== 'close')
          return this.fail(first.pos, `unexpected ${describe(this.peek())} in ${first.name}`);
        this.i += 1;
        return ok({ nodes, ended: first.name });
      }
      if (first?.t === 'identifier' && ['if', 'with', 'range'].includes(first.name)) {
        this.i += 1;
        const block = this.block(first.name as 'if' | 'with' | 'range', first.pos);
        if (!block.ok) return block;
        nodes.push(block.value);
        continue;
      }
      if (
        first?.t === 'identifier' &&
        ['define', 'template', 'block', 'break', 'continue'].includes(first.name)
      )
        return this.fail(first.pos, `{{${first.name}}} is not simulated in this sandbox's templates`);
      const pipe = this.pipeline('command');
      if (!pipe.ok) return pipe;
      nodes.push({ k: 'action', pipe: pipe.value });
    }
  }

  private block(kind: 'if' | 'with' | 'range', pos: number): Result<TemplateNode, string> {
    const mark = this.vars.length;
    const parsed = this.blockInScope(kind, pos);
    this.vars.length = mark;
    return parsed;
  }

  private blockInScope(kind: 'if' | 'with' | 'range', pos: number): Result<TemplateNode, string> {
    const pipe = this.pipeline(kind);
    if (!pipe.ok) return pipe;
    if (pipe.value.cmds.length === 0) return this.fail(pos, `missing value for ${kind}`);
    const body = this.list(kind);
    if (!body.ok) return body;
    let elseList: TemplateNode[] = [];
    if (body.value.ended === 'else') {
      const rest = this.list(kind);
      if (!rest.ok) return rest;
      if (rest.value.ended === 'else') return this.fail(pos, 'expected end; found {{else}}');
      elseList = rest.value.nodes;
    }
    return ok({ k: kind, pipe: pipe.value, list: body.value.nodes, elseList });
  }

  /** A pipeline up to `}}` (or `)` when `context` is 'paren'). */
  private pipeline(context: string): Result<Pipe, string> {
    const decl: string[] = [];
    let assign = false;
    const start = this.i;
    const variable = this.peekNonSpace();
    if (variable?.t === 'variable') {
      const names = [variable.name];
      let j = this.i + 1;
      const skip = () => {
        while (this.tokens[j]?.t === 'space') j += 1;
      };
      skip();
      if (this.tokens[j]?.t === 'comma' && context === 'range') {
        j += 1;
        skip();
        const second = this.tokens[j];
        if (second?.t === 'variable') {
          names.push(second.name);
          j += 1;
          skip();
        }
      }
      const op = this.tokens[j]?.t;
      if (op === 'declare' || op === 'assign') {
        decl.push(...names);
        this.vars.push(...names);
        assign = op === 'assign';
        this.i = j + 1;
      } else this.i = start;
    }
    const cmds: Command[] = [];
    for (;;) {
      const token = this.peekNonSpace();
      if (token === undefined) return this.fail(this.source.length, 'unclosed action');
      const closing = context === 'paren' ? 'rparen' : 'close';
      if (token.t === closing) {
        this.i += 1;
        if (cmds.length === 0 && decl.length > 0) return this.fail(token.pos, 'missing value for command');
        if (cmds.length === 0 && context === 'command')
          return this.fail(token.pos, 'missing value for command');
        return ok({ decl, assign, cmds });
      }
      if (token.t === 'pipe') {
        if (cmds.length === 0) return this.fail(token.pos, 'missing command');
        this.i += 1;
        continue;
      }
      const command = this.command(context === 'paren' ? 'rparen' : 'close');
      if (!command.ok) return command;
      cmds.push(command.value);
    }
  }

  private command(closing: Token['t']): Result<Command, string> {
    const args: Operand[] = [];
    const first = this.peekNonSpace();
    const pos = first?.pos ?? 0;
    for (;;) {
      const token = this.peekNonSpace();
      if (token === undefined || token.t === closing || token.t === 'pipe') break;
      const operand = this.operand();
      if (!operand.ok) return operand;
      args.push(operand.value);
      const next = this.peek();
      if (next !== undefined && !['space', 'pipe', closing].includes(next.t))
        return this.fail(next.pos, `unexpected ${describe(next)} in operand`);
    }
    return ok({ args, pos, text: args.map((a) => a.text).join(' ') });
  }

  private operand(): Result<Operand, string> {
    const token = this.tokens[this.i];
    if (token === undefined) return this.fail(this.source.length, 'unclosed action');
    this.i += 1;
    const term = this.term(token);
    if (!term.ok) return term;
    const names: string[] = [];
    let chainPos = -1;
    while (this.peek()?.t === 'field') {
      const field = this.peek() as Extract<Token, { t: 'field' }>;
      if (chainPos === -1) chainPos = field.pos;
      names.push(field.name);
      this.i += 1;
    }
    if (names.length === 0) return term;
    const value = term.value;
    const suffix = names.map((n) => `.${n}`).join('');
    switch (value.k) {
      case 'field':
      case 'variable':
        // text/template turns `.a.b` and `$x.b` into one node at the position of the chain's first
        // field after the term (`.b`).
        return ok({ ...value, names: [...value.names, ...names], pos: chainPos, text: value.text + suffix });
      case 'pipe':
        return ok({ ...value, names, text: value.text + suffix });
      default:
        return this.fail(token.pos, `unexpected . after term ${JSON.stringify(value.text)}`);
    }
  }

  private term(token: Token): Result<Operand, string> {
    switch (token.t) {
      case 'field':
        return ok({ k: 'field', names: [token.name], pos: token.pos, text: `.${token.name}` });
      case 'dot':
        return ok({ k: 'dot', pos: token.pos, text: '.' });
      case 'variable':
        if (!this.vars.includes(token.name))
          return this.fail(token.pos, `undefined variable "${token.name}"`);
        return ok({ k: 'variable', name: token.name, names: [], pos: token.pos, text: token.name });
      case 'identifier':
        if (!FUNCTIONS.has(token.name)) return this.fail(token.pos, `function "${token.name}" not defined`);
        return ok({ k: 'function', name: token.name, pos: token.pos, text: token.name });
      case 'string':
        return ok({ k: 'string', value: token.value, pos: token.pos, text: token.raw });
      case 'number': {
        const value = numberValue(token.raw);
        if (value === null) return this.fail(token.pos, `bad number syntax: "${token.raw}"`);
        return ok({ k: 'number', value, pos: token.pos, text: token.raw });
      }
      case 'bool':
        return ok({ k: 'bool', value: token.value, pos: token.pos, text: String(token.value) });
      case 'nil':
        return ok({ k: 'nil', pos: token.pos, text: 'nil' });
      case 'lparen': {
        const pipe = this.pipeline('paren');
        if (!pipe.ok) return pipe;
        const text = `(${pipe.value.cmds.map((c) => c.text).join(' | ')})`;
        return ok({ k: 'pipe', pipe: pipe.value, names: [], pos: token.pos, text });
      }
      default:
        return this.fail(token.pos, `unexpected ${describe(token)} in operand`);
    }
  }
}

/** Whole numbers are Go ints (bigint here), others float64. */
function numberValue(raw: string): number | bigint | null {
  const clean = raw.replaceAll('_', '');
  if (/^[+-]?(0[xX][0-9a-fA-F]+|\d+)$/.test(clean)) {
    const negative = clean.startsWith('-');
    const digits = clean.replace(/^[+-]/, '');
    const value = BigInt(digits);
    return negative ? -value : value;
  }
  const n = Number(clean);
  return Number.isFinite(n) ? n : null;
}

function describe(token: Token | undefined): string {
  if (token === undefined) return 'EOF';
  switch (token.t) {
    case 'number':
      return JSON.stringify(token.raw);
    case 'string':
      return JSON.stringify(token.raw);
    case 'field':
      return JSON.stringify(`.${token.name}`);
    case 'identifier':
      return JSON.stringify(token.name);
    case 'close':
      return '"}}"';
    default:
      return `"${token.t}"`;
  }
}
