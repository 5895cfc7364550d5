import { describe, expect, it } from 'vitest';
import {
  explainSelector,
  formatSelector,
  matchesSelector,
  parseSelector,
  type Selector,
} from '../../../src/cluster/labels/selector.ts';
import { lexSelector } from '../../../src/cluster/labels/selector-lexer.ts';
import { kubectlSelectorError, kubectlSelectorText } from '../../../src/kubectl/selector.ts';

// The six sample label maps of selectors.md §3.
const MAPS: ReadonlyArray<readonly [string, Readonly<Record<string, string>>]> = [
  ['m1', { app: 'kubia', env: 'prod', creation_method: 'manual' }],
  ['m2', { app: 'kubia', env: 'dev' }],
  ['m3', { env: 'debug', rel: 'beta' }],
  ['m4', {}],
  ['m5', { 'app.kubernetes.io/name': 'kubia', env: '', tier: '3' }],
  ['m6', { gpu: 'true', version: 'v1.2.3-rc_1', tier: '10' }],
];

// Message bodies of selectors.md §4, with RegexError's two spaces before each `or`.
const LV =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const NP =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const QN =
  "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')";
const PS =
  "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const REQ = 'unable to parse requirement: ';
const OPERATORS = 'expected: in, notin, =, ==, !=, gt, lt';

/** Shows whitespace escapes so test names stay on one line. */
const show = (selector: string): string =>
  `'${selector.replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;

function matchingMaps(selector: Selector): string[] {
  return MAPS.filter(([, labels]) => matchesSelector(selector, labels)).map(([name]) => name);
}

function describeMatches(names: readonly string[]): string {
  if (names.length === 0) return 'no map matches';
  if (names.length === MAPS.length) return 'every map matches';
  return `${names.join(', ')} match`;
}

function mustParse(text: string): Selector {
  const result = parseSelector(text);
  if (!result.ok) throw new Error(`expected ${show(text)} to parse: ${result.error.message}`);
  return result.value;
}

/** `marks` is the M1..M6 columns of the table: ✓ = matches, · = does not. */
function expectMatches(text: string, marks: string): void {
  const expected = MAPS.filter((_, i) => marks[i] === '✓').map(([name]) => name);
  it(`GIVEN selector ${show(text)} THEN ${describeMatches(expected)}`, () => {
    expect(matchingMaps(mustParse(text))).toEqual(expected);
  });
}

function expectError(text: string, message: string, column: number): void {
  it(`GIVEN selector ${show(text)} THEN parsing fails at column ${column} with "${message.slice(0, 70)}"`, () => {
    expect(parseSelector(text)).toEqual({ ok: false, error: { message, column } });
  });
}

describe('selectors.md §5 rows 1-60 (valid selectors)', () => {
  const rows: ReadonlyArray<readonly [number, string, string]> = [
    [1, 'env=prod', '✓·····'],
    [2, 'env==prod', '✓·····'],
    [3, 'env!=prod', '·✓✓✓✓✓'],
    [4, 'app=kubia', '✓✓····'],
    [5, 'app!=kubia', '··✓✓✓✓'],
    [6, 'env=Prod', '······'],
    [7, 'ENV=prod', '······'],
    [8, 'gpu=true', '·····✓'],
    [9, 'gpu!=true', '✓✓✓✓✓·'],
    [10, 'creation_method=manual', '✓·····'],
    [11, 'version=v1.2.3-rc_1', '·····✓'],
    [12, 'app.kubernetes.io/name=kubia', '····✓·'],
    [13, 'tier=3', '····✓·'],
    [14, 'env=', '····✓·'],
    [15, 'env==', '····✓·'],
    [16, 'env!=', '✓✓✓✓·✓'],
    [17, 'env= ', '····✓·'],
    [18, 'env=,tier= ', '······'],
    [19, 'env', '✓✓✓·✓·'],
    [20, '!env', '···✓·✓'],
    [21, 'app.kubernetes.io/name', '····✓·'],
    [22, '!app.kubernetes.io/name', '✓✓✓✓·✓'],
    [23, 'tier', '····✓✓'],
    [24, '!app,!env', '···✓·✓'],
    [25, 'app,!creation_method', '·✓····'],
    [26, 'app=kubia,env=prod', '✓·····'],
    [27, 'app=kubia,env!=prod', '·✓····'],
    [28, 'env=prod,env=dev', '······'],
    [29, 'app=kubia,app=kubia', '✓✓····'],
    [30, 'env!=prod,env!=dev', '··✓✓✓✓'],
    [31, 'env=prod,app', '✓·····'],
    [32, '!app,env', '··✓·✓·'],
    [33, 'env in (prod,dev)', '✓✓····'],
    [34, 'env notin (prod,dev)', '··✓✓✓✓'],
    [35, 'env in (prod)', '✓·····'],
    [36, 'env notin (prod)', '·✓✓✓✓✓'],
    [37, 'env in ()', '····✓·'],
    [38, 'env notin ()', '✓✓✓✓·✓'],
    [39, 'env notin ( )', '✓✓✓✓·✓'],
    [40, 'env in (prod,)', '✓···✓·'],
    [41, 'env in (,prod)', '✓···✓·'],
    [42, 'env in (prod,,dev)', '✓✓··✓·'],
    [43, 'env in (prod,prod)', '✓·····'],
    // Row 44 `env in (prod,,)` is a parse error up to v1.34: see the error table below.
    [45, 'env in(prod)', '✓·····'],
    [46, 'env in (prod, dev)', '✓✓····'],
    [47, 'env notin (prod),app', '·✓····'],
    [48, 'env in (prod),env notin (dev)', '✓·····'],
    [49, 'app.kubernetes.io/name in (kubia,other)', '····✓·'],
    [50, 'version in (v1.2.3-rc_1,v2)', '·····✓'],
    [51, 'app,env in (prod)', '✓·····'],
    [52, 'env notin (prod,,dev),app,tier in (),gpu', '······'],
    [53, 'env in (in,notin)', '······'],
    [54, ' env = prod ', '✓·····'],
    [55, 'app=kubia, env=prod', '✓·····'],
    [56, 'env  in\t (prod)', '✓·····'],
    [57, 'env notin\n (prod)', '·✓✓✓✓✓'],
    [58, '\renv', '✓✓✓·✓·'],
    [59, 'env ', '✓✓✓·✓·'],
    [60, '', '✓✓✓✓✓✓'],
  ];
  it('covers rows 1-60 except the v1.35-only row 44', () => {
    expect(rows.map(([row]) => row)).toEqual([...Array(60).keys()].map((i) => i + 1).filter((r) => r !== 44));
  });
  for (const [, text, marks] of rows) expectMatches(text, marks);
});

describe('selectors.md §5 error rows (raw labels.Parse messages, v1.34)', () => {
  expectError('env in (prod,,)', `${REQ}found ')', expected: ',', or identifier`, 15); // row 44
  expectError(
    'tier>a',
    `${REQ}values[0]: Invalid value: "a": for 'Gt', 'Lt' operators, the value must be an integer`,
    6,
  ); // row 69
  expectError('tier>=3', `${REQ}found '=', expected: identifier`, 6); // row 71
  expectError('x=a,', "found '', expected: identifier after ','", 5); // row 73
  expectError('x in (a', `${REQ}found '', expected: ',' or ')'`, 8); // row 74
  expectError('x in a', `${REQ}found 'a' expected: '('`, 6); // row 76
  expectError('(', "found '(', expected: !, identifier, or 'end of string'", 1); // row 80
  expectError('!x=y', "found '=', expected: ',' or 'end of string'", 3); // row 81
  expectError('!', `${REQ}found '', expected: identifier`, 2); // row 97
  expectError('a/b/c=x', `${REQ}<nil>: Invalid value: "a/b/c": ${QN}`, 1); // row 110
  expectError('Example.com/name=x', `${REQ}<nil>: Invalid value: "Example.com/name": ${PS}`, 1); // row 113
});

describe('selectors.md §6 facts', () => {
  it('GIVEN selector "x= ,z= " THEN it prints back as "x=,z="', () => {
    expect(formatSelector(mustParse('x= ,z= '))).toBe('x=,z=');
  });
  it('GIVEN "x=a,a=x" and "a=x,x=a" THEN both print as "a=x,x=a" (sorted by key)', () => {
    expect(formatSelector(mustParse('x=a,a=x'))).toBe('a=x,x=a');
    expect(formatSelector(mustParse('a=x,x=a'))).toBe('a=x,x=a');
  });
  it('GIVEN "~" or "||" THEN each lexes as one identifier', () => {
    for (const text of ['~', '||']) {
      expect(lexSelector(text).map((token) => [token.kind, token.literal])).toEqual([
        ['Identifier', text],
        ['EndOfString', ''],
      ]);
    }
  });
  expectError('x=a||y=b', `${REQ}values[0][x]: Invalid value: "a||y": ${LV}`, 3);
  expectError('x~y', `${REQ}<nil>: Invalid value: "x~y": ${NP}`, 1);
});

describe('canonical printing (upstream String())', () => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    ['env in (prod,dev)', 'env in (dev,prod)'],
    ['env notin ( )', 'env notin ()'],
    ['env in (prod,,dev)', 'env in (,dev,prod)'],
    ['env in (prod,prod)', 'env in (prod)'],
    [' tier > 5 ,!gpu, app', 'app,!gpu,tier>5'],
    ['x==a,y!=b,z<3', 'x==a,y!=b,z<3'],
    ['', ''],
  ];
  for (const [input, printed] of cases) {
    it(`GIVEN selector ${show(input)} THEN it prints as '${printed}'`, () => {
      expect(formatSelector(mustParse(input))).toBe(printed);
    });
  }
});

describe('Gt and Lt (numeric int64 comparison)', () => {
  expectMatches('tier>5', '·····✓');
  expectMatches('tier<5', '····✓·');
  expectMatches('tier>3', '·····✓');
  expectMatches('tier<10', '····✓·');
  expectMatches('tier>0,tier<100', '····✓✓');
  expectMatches('version>1', '······'); // not an integer label: never matches
  expectMatches('gpu<1', '······');
  expectMatches('x>1', '······');
  expectMatches('x<5', '······');
  expectMatches('tier>007', '·····✓');
  expectMatches('tier<9223372036854775807', '····✓✓');
  expectError('tier>-1', `${REQ}values[0][tier]: Invalid value: "-1": ${LV}`, 6);
  expectError('tier>+5', `${REQ}values[0][tier]: Invalid value: "+5": ${LV}`, 6);
  expectError(
    'x>',
    `${REQ}values[0]: Invalid value: "": for 'Gt', 'Lt' operators, the value must be an integer`,
    3,
  );
  expectError(
    'x<9223372036854775808',
    `${REQ}values[0]: Invalid value: "9223372036854775808": for 'Gt', 'Lt' operators, the value must be an integer`,
    3,
  );
  expectError(
    'x>a-',
    `${REQ}[values[0]: Invalid value: "a-": for 'Gt', 'Lt' operators, the value must be an integer, values[0][x]: Invalid value: "a-": ${LV}]`,
    3,
  );
  it('GIVEN selector "n>5" THEN a label "10" matches numerically and "-7" does not', () => {
    const selector = mustParse('n>5');
    expect(matchesSelector(selector, { n: '10' })).toBe(true);
    expect(matchesSelector(selector, { n: '-7' })).toBe(false);
    expect(matchesSelector(selector, { n: '5' })).toBe(false);
  });
});

describe('more grammar edge cases from selector.go', () => {
  const a64 = 'a'.repeat(64);
  expectMatches('in in (in)', '······');
  expectMatches('notin=notin', '······');
  expectMatches('In=IN', '······');
  expectMatches('x in (,)', '······');
  expectMatches('env in (prod,,,dev)', '✓✓··✓·');
  expectMatches('x, y', '······');
  expectMatches('  ', '✓✓✓✓✓✓');
  expectMatches(`${'a'.repeat(63)}=x`, '······');
  expectMatches('\u0000env', '✓✓✓✓✓✓'); // Go's lexer treats a NUL byte as the end of the string
  expectError(
    `${a64}=x`,
    `${REQ}<nil>: Invalid value: "${a64}": name part must be no more than 63 characters`,
    1,
  );
  expectError(
    `x=${a64}`,
    `${REQ}values[0][x]: Invalid value: "${a64}": must be no more than 63 characters`,
    3,
  );
  expectError('=a', "found '=', expected: !, identifier, or 'end of string'", 1);
  expectError('!x,', "found '', expected: identifier after ','", 4);
  expectError(',x', "found ',', expected: !, identifier, or 'end of string'", 1);
  expectError('x,,y', "found ',', expected: identifier after ','", 3);
  expectError('x=a,,', "found ',', expected: identifier after ','", 5);
  expectError('x===y', `${REQ}found '=', expected: identifier`, 4);
  expectError('x=!a', `${REQ}found '!', expected: identifier`, 3);
  expectError('x y', `${REQ}found 'y', ${OPERATORS}`, 3);
  expectError('x!', `${REQ}found '!', ${OPERATORS}`, 2);
  expectError('x in', `${REQ}found '' expected: '('`, 5);
  expectError('x in (', `${REQ}found '', expected: ',', ')' or identifier`, 7);
  expectError('x in ((a))', `${REQ}found '(', expected: ',', ')' or identifier`, 7);
  expectError('x in (a b)', `${REQ}found 'b', expected: ',' or ')'`, 9);
  expectError('x in (,,)', `${REQ}found ')', expected: ',', or identifier`, 9);
  expectError('x in (a))', "found ')', expected: ',' or 'end of string'", 9);
  expectError('!x in (a)', "found 'in', expected: ',' or 'end of string'", 4);
  expectError('!!x', `${REQ}found '!', expected: identifier`, 2);
  expectError('x=a b', "found 'b', expected: ',' or 'end of string'", 5);
  expectError('/x=y', `${REQ}<nil>: Invalid value: "/x": prefix part must be non-empty`, 1);
  expectError('x/=y', `${REQ}<nil>: Invalid value: "x/": name part must be non-empty; ${NP}`, 1);
  expectError('a"b=c', `${REQ}<nil>: Invalid value: "a\\"b": ${NP}`, 1);
  expectError('x=a\u0001', `${REQ}values[0][x]: Invalid value: "a\\x01": ${LV}`, 3);
  expectError('x=\u00a0y', `${REQ}values[0][x]: Invalid value: "\\u00a0y": ${LV}`, 3);
  expectError(
    'x in (b,a-,c-)',
    `${REQ}[values[0][x]: Invalid value: "a-": ${LV}, values[2][x]: Invalid value: "c-": ${LV}]`,
    9,
  );
  // The caret column counts characters, not UTF-16 units: '😀' is one column.
  expectError('x in (😀,a b)', `${REQ}found 'b', expected: ',' or ')'`, 11);
});

describe('requirement explanations', () => {
  it('GIVEN "app=kubia,env!=prod" and m1 THEN only "env!=prod" fails, on value "prod"', () => {
    const [app, env] = explainSelector(mustParse('env!=prod,app=kubia'), { app: 'kubia', env: 'prod' });
    expect(app).toMatchObject({ text: 'app=kubia', matches: true, labelValue: 'kubia' });
    expect(env).toMatchObject({ text: 'env!=prod', matches: false, labelValue: 'prod' });
  });
  it('GIVEN "constructor" as a key THEN an empty label map does not have it', () => {
    expect(matchesSelector(mustParse('constructor'), {})).toBe(false);
    expect(matchesSelector(mustParse('!toString'), {})).toBe(true);
  });
});

describe('kubectl wording', () => {
  it('GIVEN the rejected selector "app:monolith" THEN kubectl prints the BadRequest wrapper', () => {
    const parsed = parseSelector('app:monolith');
    const raw = parsed.ok ? '' : parsed.error.message;
    expect(kubectlSelectorError('app:monolith', 'pods', raw)).toBe(
      `Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "app:monolith", field selector "": unable to parse requirement: <nil>: Invalid value: "app:monolith": ${NP}`,
    );
  });
  it('GIVEN a selector with a tab and a quote THEN kubectl Go-quotes it', () => {
    expect(kubectlSelectorError(' x\tin "a ', 'nodes', 'RAW')).toBe(
      'Error from server (BadRequest): Unable to find "/v1, Resource=nodes" that match label selector "x\\tin \\"a", field selector "": RAW',
    );
  });
  it('GIVEN surrounding Go whitespace (incl. \\v and NBSP) THEN kubectl trims it before sending', () => {
    expect(kubectlSelectorText('\u000b x=a \u00a0\n')).toBe('x=a');
    expect(kubectlSelectorText('\ufeffx')).toBe('\ufeffx');
  });
});
