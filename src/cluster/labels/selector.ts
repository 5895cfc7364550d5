/**
 * Label selectors (`kubectl ... -l SELECTOR`): parser, matcher and printer,
 * faithful to apimachinery `pkg/labels/selector.go` at Kubernetes v1.34.
 * The error messages are the raw `labels.Parse` texts, byte for byte; see
 * /work/shared/reference/selectors.md for the cases they were checked against.
 */
import { compareGoStrings, goQuote, parseGoInt64 } from '../../go/strings.ts';
import { err, ok, type Result } from '../../result.ts';
import { lexSelector, type Token } from './selector-lexer.ts';
import { labelValueErrors, qualifiedNameErrors } from './validation.ts';

export type Operator =
  | 'Equals'
  | 'DoubleEquals'
  | 'NotEquals'
  | 'In'
  | 'NotIn'
  | 'Exists'
  | 'DoesNotExist'
  | 'GreaterThan'
  | 'LessThan';

/** One comma-separated part. `values` is deduplicated and sorted, as upstream stores it. */
export interface Requirement {
  key: string;
  operator: Operator;
  values: string[];
}

/** All requirements must match (comma = AND). No requirements = matches everything. */
export interface Selector {
  requirements: Requirement[];
}

export interface SelectorError {
  /** The raw `labels.Parse` error text, exactly as upstream prints it. */
  message: string;
  /** 1-based position (in characters) where the offending token starts, for a caret. */
  column: number;
}

/** Internal failure: the message plus the UTF-16 offset of the offending token. */
interface Failure {
  readonly message: string;
  readonly offset: number;
}
type Step<T> = Result<T, Failure>;

/** A value as written, remembering where it was so errors can point at it. */
interface ValueItem {
  readonly value: string;
  readonly offset: number;
}

/**
 * In the `Values` context the parser reads `in`/`notin` as plain identifiers
 * (so `in in (in,notin)` is legal); only the operator position sees keywords.
 */
type Context = 'KeyAndOperator' | 'Values';

interface Cursor {
  readonly tokens: readonly Token[];
  position: number;
}

const fail = (message: string, token: Token): Step<never> => err({ message, offset: token.offset });

function inContext(token: Token, context: Context): Token {
  const keyword = token.kind === 'In' || token.kind === 'NotIn';
  return context === 'Values' && keyword ? { ...token, kind: 'Identifier' } : token;
}

// Upstream never reads past the end-of-string token on success; the fallback
// only satisfies the type checker.
function tokenAt(cursor: Cursor, index: number): Token {
  const last = cursor.tokens[cursor.tokens.length - 1] ?? { kind: 'EndOfString', literal: '', offset: 0 };
  return cursor.tokens[index] ?? last;
}

const lookahead = (cursor: Cursor, context: Context): Token =>
  inContext(tokenAt(cursor, cursor.position), context);

function consume(cursor: Cursor, context: Context): Token {
  cursor.position++;
  return inContext(tokenAt(cursor, cursor.position - 1), context);
}

const startsRequirement = (token: Token): boolean =>
  token.kind === 'Identifier' || token.kind === 'DoesNotExist';

/**
 * The parser. Grammar actually accepted by upstream v1.34 (this is stricter and more
 * precise than the BNF in upstream's doc comment):
 *
 *   <selector>        ::= "" | <requirement> ( "," <requirement> )*
 *   <requirement>     ::= "!" KEY | KEY | KEY <set-op> <value-set> | KEY <exact-op> <exact-value>
 *   <set-op>          ::= "in" | "notin"
 *   <value-set>       ::= "(" ")" | "(" <value-list> ")"
 *   <value-list>      ::= [VALUE] ( "," [VALUE] )*     -- but ",,)" is rejected (fixed in v1.35)
 *   <exact-op>        ::= "=" | "==" | "!=" | ">" | "<"
 *   <exact-value>     ::= "" | VALUE                    -- "" when followed by "," or the end
 *
 * KEY must be a qualified name (label key); each VALUE must be a valid label
 * value; after ">" or "<" it must also be a base-10 int64. `in`/`notin` are
 * identifiers wherever a KEY or VALUE is expected. Errors inside a requirement
 * get the prefix `unable to parse requirement: `; errors between requirements
 * do not.
 *
 * This function is the <selector> rule; each rule below has its own function.
 */
function parseRequirementList(cursor: Cursor): Step<Requirement[]> {
  const requirements: Requirement[] = [];
  for (;;) {
    const next = lookahead(cursor, 'Values');
    if (next.kind === 'EndOfString') return ok(requirements);
    if (!startsRequirement(next))
      return fail(`found '${next.literal}', expected: !, identifier, or 'end of string'`, next);
    const requirement = parseRequirement(cursor);
    if (!requirement.ok) {
      const { message, offset } = requirement.error;
      return err({ message: `unable to parse requirement: ${message}`, offset });
    }
    requirements.push(requirement.value);
    const separator = consume(cursor, 'Values');
    if (separator.kind === 'EndOfString') return ok(requirements);
    if (separator.kind !== 'Comma')
      return fail(`found '${separator.literal}', expected: ',' or 'end of string'`, separator);
    const after = lookahead(cursor, 'Values');
    if (!startsRequirement(after))
      return fail(`found '${after.literal}', expected: identifier after ','`, after);
  }
}

/** <requirement> */
function parseRequirement(cursor: Cursor): Step<Requirement> {
  const head = parseKeyAndInferOperator(cursor);
  if (!head.ok) return head;
  const { key, unary } = head.value;
  if (unary !== undefined) return newRequirement(key, unary, []);
  const operator = parseOperator(cursor);
  if (!operator.ok) return operator;
  const setBased = operator.value === 'In' || operator.value === 'NotIn';
  const values = setBased ? parseValueSet(cursor) : parseExactValue(cursor);
  if (!values.ok) return values;
  return newRequirement(key, operator.value, values.value);
}

interface RequirementHead {
  readonly key: string;
  /** Set when the requirement is complete without an operator (`!key`, or `key` before `,`/end). */
  readonly unary: 'Exists' | 'DoesNotExist' | undefined;
}

/** `[!] KEY`, validating the key at once; a bare key followed by `,` or the end means Exists. */
function parseKeyAndInferOperator(cursor: Cursor): Step<RequirementHead> {
  let token = consume(cursor, 'Values');
  const negated = token.kind === 'DoesNotExist';
  if (negated) token = consume(cursor, 'Values');
  if (token.kind !== 'Identifier') return fail(`found '${token.literal}', expected: identifier`, token);
  const keyErrors = qualifiedNameErrors(token.literal);
  // labels.Parse is called without a field path, so the path prints as <nil>.
  if (keyErrors.length > 0)
    return fail(`<nil>: Invalid value: ${goQuote(token.literal)}: ${keyErrors.join('; ')}`, token);
  const next = lookahead(cursor, 'Values').kind;
  const bare = next === 'EndOfString' || next === 'Comma';
  const unary = negated ? 'DoesNotExist' : bare ? 'Exists' : undefined;
  return ok({ key: token.literal, unary });
}

const BINARY_OPERATORS: ReadonlyMap<string, Operator> = new Map<string, Operator>([
  ['In', 'In'],
  ['NotIn', 'NotIn'],
  ['Equals', 'Equals'],
  ['DoubleEquals', 'DoubleEquals'],
  ['NotEquals', 'NotEquals'],
  ['GreaterThan', 'GreaterThan'],
  ['LessThan', 'LessThan'],
]);

/** <set-op> | <exact-op>. Upstream lists its operator names (`gt`, `lt`), not the symbols. */
function parseOperator(cursor: Cursor): Step<Operator> {
  const token = consume(cursor, 'KeyAndOperator');
  const operator = BINARY_OPERATORS.get(token.kind);
  if (operator !== undefined) return ok(operator);
  return fail(`found '${token.literal}', expected: in, notin, =, ==, !=, gt, lt`, token);
}

/** <value-set>: `()` (and `( )`) is the set {""}. */
function parseValueSet(cursor: Cursor): Step<ValueItem[]> {
  const open = consume(cursor, 'Values');
  if (open.kind !== 'OpenPar') return fail(`found '${open.literal}' expected: '('`, open);
  const first = lookahead(cursor, 'Values');
  if (first.kind === 'ClosedPar') {
    consume(cursor, 'Values');
    return ok([{ value: '', offset: first.offset }]);
  }
  if (first.kind !== 'Identifier' && first.kind !== 'Comma') {
    return fail(`found '${first.literal}', expected: ',', ')' or identifier`, first);
  }
  const list = parseValueList(cursor);
  if (!list.ok) return list;
  // parseValueList only succeeds in front of ')'; upstream still checks (and
  // would print the first item's literal), so do the same.
  const close = consume(cursor, 'Values');
  return close.kind === 'ClosedPar' ? list : fail(`found '${first.literal}', expected: ')'`, close);
}

/** <value-list>: a port of upstream `parseIdentifiersList`, including its `,,)` quirk. */
function parseValueList(cursor: Cursor): Step<ValueItem[]> {
  const items: ValueItem[] = [];
  for (;;) {
    const token = consume(cursor, 'Values');
    if (token.kind === 'Identifier') {
      items.push({ value: token.literal, offset: token.offset });
      const next = lookahead(cursor, 'Values');
      if (next.kind === 'ClosedPar') return ok(items);
      if (next.kind !== 'Comma') return fail(`found '${next.literal}', expected: ',' or ')'`, next);
      continue;
    }
    if (token.kind !== 'Comma') return fail(`found '${token.literal}', expected: ',', or identifier`, token);
    if (items.length === 0) items.push({ value: '', offset: token.offset }); // "(,"
    const next = lookahead(cursor, 'Values');
    if (next.kind === 'ClosedPar') {
      items.push({ value: '', offset: next.offset }); // ",)"
      return ok(items);
    }
    if (next.kind === 'Comma') {
      // ",,": upstream swallows the second comma, so a ")" right after it is an error.
      consume(cursor, 'Values');
      items.push({ value: '', offset: next.offset });
    }
  }
}

/** <exact-value>: nothing before `,` or the end is the empty value. */
function parseExactValue(cursor: Cursor): Step<ValueItem[]> {
  const next = lookahead(cursor, 'Values');
  if (next.kind === 'EndOfString' || next.kind === 'Comma') return ok([{ value: '', offset: next.offset }]);
  const token = consume(cursor, 'Values');
  if (token.kind === 'Identifier') return ok([{ value: token.literal, offset: token.offset }]);
  return fail(`found '${token.literal}', expected: identifier`, token);
}

/** Go `sets.String.List()`: unique values in byte order; each keeps its first position. */
function uniqueSorted(items: readonly ValueItem[]): ValueItem[] {
  const firstByValue = new Map<string, ValueItem>();
  for (const item of items) if (!firstByValue.has(item.value)) firstByValue.set(item.value, item);
  return [...firstByValue.values()].sort((a, b) => compareGoStrings(a.value, b.value));
}

/**
 * Upstream `NewRequirement` as the parser reaches it. The key is already valid
 * and the value count is always right here, so only the Gt/Lt integer check
 * and the label-value check can fail. Error indexes refer to the sorted set.
 */
function newRequirement(key: string, operator: Operator, items: readonly ValueItem[]): Step<Requirement> {
  const values = uniqueSorted(items);
  const failures: Failure[] = [];
  if (operator === 'GreaterThan' || operator === 'LessThan') {
    values.forEach(({ value, offset }, i) => {
      if (parseGoInt64(value) !== undefined) return;
      const message = `values[${i}]: Invalid value: ${goQuote(value)}: for 'Gt', 'Lt' operators, the value must be an integer`;
      failures.push({ message, offset });
    });
  }
  values.forEach(({ value, offset }, i) => {
    const problems = labelValueErrors(value);
    if (problems.length === 0) return;
    failures.push({
      message: `values[${i}][${key}]: Invalid value: ${goQuote(value)}: ${problems.join('; ')}`,
      offset,
    });
  });
  const aggregate = aggregateFailures(failures);
  if (aggregate !== undefined) return err(aggregate);
  return ok({ key, operator, values: values.map((item) => item.value) });
}

/** Go `utilerrors.Aggregate.Error()`: one message as is, several deduplicated inside `[...]`. */
function aggregateFailures(failures: readonly Failure[]): Failure | undefined {
  const first = failures[0];
  if (first === undefined) return undefined;
  const messages = [...new Set(failures.map((failure) => failure.message))];
  const message = messages.length === 1 ? first.message : `[${messages.join(', ')}]`;
  return { message, offset: first.offset };
}

/** 1-based column in code points, so a caret lines up under non-ASCII text too. */
const columnOf = (text: string, offset: number): number => Array.from(text.slice(0, offset)).length + 1;

/** Upstream `labels.Parse`. The requirements come back sorted by key (a stable sort). */
export function parseSelector(text: string): Result<Selector, SelectorError> {
  const parsed = parseRequirementList({ tokens: lexSelector(text), position: 0 });
  if (!parsed.ok) return err({ message: parsed.error.message, column: columnOf(text, parsed.error.offset) });
  const requirements = [...parsed.value].sort((a, b) => compareGoStrings(a.key, b.key));
  return ok({ requirements });
}

// ---------------------------------------------------------------------------
// Matching (upstream `Requirement.Matches`) and printing (upstream `String()`).
// ---------------------------------------------------------------------------

type Labels = Readonly<Record<string, string>>;

/**
 * A label's value: one read, and only a string counts. A label map holds strings, and what an
 * object inherits (`constructor`, `__proto__`) never is one, so a map does not "have" those; one
 * read rather than `Object.hasOwn` and a second, as `get -l` asks this of every pod.
 */
const labelValue = (labels: Labels, key: string): string | undefined => {
  const value: unknown = labels[key];
  return typeof value === 'string' ? value : undefined;
};

/** Gt/Lt: the label must exist and parse as int64; the comparison is numeric (10 > 5). */
function numericMatch(requirement: Requirement, value: string | undefined): boolean {
  const [bound, ...extra] = requirement.values;
  if (value === undefined || bound === undefined || extra.length > 0) return false;
  const actual = parseGoInt64(value);
  const limit = parseGoInt64(bound);
  if (actual === undefined || limit === undefined) return false;
  return requirement.operator === 'GreaterThan' ? actual > limit : actual < limit;
}

/** Whether one requirement holds. Note `!=` and `notin` hold when the key is absent. */
export function requirementMatches(requirement: Requirement, labels: Labels): boolean {
  const value = labelValue(labels, requirement.key);
  switch (requirement.operator) {
    case 'Equals':
    case 'DoubleEquals':
    case 'In':
      return value !== undefined && requirement.values.includes(value);
    case 'NotEquals':
    case 'NotIn':
      return value === undefined || !requirement.values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'GreaterThan':
    case 'LessThan':
      return numericMatch(requirement, value);
  }
}

/** Every requirement must hold; the empty selector matches every label map. */
export function matchesSelector(selector: Selector, labels: Labels): boolean {
  // A loop, not `every` with a closure: `get -l` asks this of every pod in the sandbox.
  for (const requirement of selector.requirements) if (!requirementMatches(requirement, labels)) return false;
  return true;
}

/** Why a requirement did or did not match, for quiz feedback. */
export interface RequirementExplanation {
  readonly requirement: Requirement;
  /** The requirement printed canonically, e.g. `env notin (dev,prod)`. */
  readonly text: string;
  readonly matches: boolean;
  /** The object's value for the key; undefined when the label is absent. */
  readonly labelValue: string | undefined;
}

export function explainRequirement(requirement: Requirement, labels: Labels): RequirementExplanation {
  return {
    requirement,
    text: formatRequirement(requirement),
    matches: requirementMatches(requirement, labels),
    labelValue: labelValue(labels, requirement.key),
  };
}

/** One explanation per requirement, in the selector's (sorted) order. */
export function explainSelector(selector: Selector, labels: Labels): RequirementExplanation[] {
  return selector.requirements.map((requirement) => explainRequirement(requirement, labels));
}

const OPERATOR_TEXT: Readonly<Record<Operator, string>> = {
  Equals: '=',
  DoubleEquals: '==',
  NotEquals: '!=',
  In: ' in ',
  NotIn: ' notin ',
  GreaterThan: '>',
  LessThan: '<',
  Exists: '',
  DoesNotExist: '',
};

/** Upstream `Requirement.String()`: `!k`, `k`, `k=v`, `k in (a,b)` with values in byte order. */
export function formatRequirement(requirement: Requirement): string {
  const { key, operator } = requirement;
  if (operator === 'Exists') return key;
  if (operator === 'DoesNotExist') return `!${key}`;
  const values = [...requirement.values].sort(compareGoStrings).join(',');
  const setBased = operator === 'In' || operator === 'NotIn';
  return `${key}${OPERATOR_TEXT[operator]}${setBased ? `(${values})` : values}`;
}

/** Upstream `Selector.String()`: requirements joined by `,` without spaces (`x= ,z= ` → `x=,z=`). */
export function formatSelector(selector: Selector): string {
  return selector.requirements.map(formatRequirement).join(',');
}
