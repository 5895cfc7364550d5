import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { compiledData, type LabSource } from '../compiled.ts';
import { ALL_CONCEPTS, type Concept, readConcept } from '../quiz/concepts.ts';
import { err, ok, type Result } from '../result.ts';
import { decodeCheck } from './checks.ts';
import {
  type At,
  bilingual,
  type Decoded,
  type Decoder,
  duration,
  here,
  isTrue,
  list,
  namespaceName,
  object,
  oneOf,
  problem,
  text,
} from './decode.ts';
import type { Lab, LabCheck, RouteStep } from './model.ts';
import { SHARED_NAMESPACES, seed } from './seed.ts';

/**
 * Reads `quizzes/labs/NN-ID.yaml` files into labs, refusing a bad one with file, line, column and
 * field (`quizzes/labs/03-x.yaml:14:5: checks[1].pod: required field is missing`). Start-up runs
 * this, so a broken lab never reaches a member. The format is in `quizzes/labs/README.md`.
 */
export const LABS_DIR = new URL('../../quizzes/labs/', import.meta.url).pathname;

/** The headings of the course notes a lab may walk (`section:`). */
export const NOTE_SECTIONS = [
  'Pod',
  '파드가 필요한 이유',
  '파드 구성하는 법(어떤 컨테이너를 동일한 파드에 넣으면 좋을까에 대한 팁)',
  '파드 정의하기',
  '파드와 레이블(label)',
  '파드와 레이블 셀렉터',
  '파드와 어노테이션',
  '파드 중지/제거',
] as const;

const step: Decoder<RouteStep> = (node, at) => {
  if (isScalar(node)) {
    const say = text(node, at);
    return say.ok ? ok({ say: say.value, expectError: false }) : say;
  }
  if (isMap(node) && node.has('advance')) {
    const pause = object({ advance: duration })(node, at);
    return pause.ok ? ok({ advanceMs: pause.value.advance }) : pause;
  }
  const failing = object({ say: text, expectError: isTrue })(node, at);
  return failing.ok ? ok({ say: failing.value.say, expectError: true }) : failing;
};

/** A concept of the notes (`src/quiz/concepts.ts`): `1`..`17`, `pod` or `labels`. */
const concept: Decoder<Concept> = (node, at) => {
  const value = isScalar(node) ? node.value : undefined;
  const found = readConcept(value);
  if (found !== null) return ok(found);
  return problem(here(node, at), `must be one of the notes' concepts (${ALL_CONCEPTS.join(', ')})`);
};

const route = object({ name: text, steps: list(step, 1) });
const wrongRoute = object({ name: text, fails: list(text, 1), steps: list(step, 1) });

const shape = object(
  {
    id: text,
    title: bilingual,
    story: bilingual,
    section: oneOf(NOTE_SECTIONS),
    concepts: list(concept, 1),
    steps: list(bilingual, 1),
    hints: list(bilingual, 1),
    checks: list((node, at) => ok({ node, at }), 1),
    solutions: list(route, 1),
    wrong: list(wrongRoute, 1),
  },
  { namespace: namespaceName, seed },
);

/** Decodes one lab document; `id` is what the file name says it must be. */
function decodeLab(root: unknown, file: string, id: string): Decoded<Lab> {
  const top: At = { path: '', offset: 0 };
  const lab = shape(root, top);
  if (!lab.ok) return lab;
  const v = lab.value;
  const idAt = fieldAt(root, 'id');
  if (v.id !== id) return problem(idAt, `must be "${id}", as the file name says`);
  const namespace = v.namespace ?? 'default';
  const seedPods = v.seed?.pods ?? [];
  if (namespace !== 'default' && SHARED_NAMESPACES.includes(namespace)) {
    return problem(fieldAt(root, 'namespace'), 'a lab works in `default` or in a namespace of its own');
  }
  if (seedPods.length > 0 && namespace === 'default') {
    return problem(fieldAt(root, 'seed'), 'a lab with a seed needs a namespace of its own (`namespace:`)');
  }
  const checks: LabCheck[] = [];
  for (const { node, at } of v.checks) {
    const check = decodeCheck(node, at, namespace);
    if (!check.ok) return check;
    if (checks.some((c) => c.id === check.value.id))
      return problem(here(node, at), `duplicate check id "${check.value.id}"`);
    checks.push(check.value);
  }
  for (const [i, w] of v.wrong.entries()) {
    const unknown = w.fails.find((f) => !checks.some((c) => c.id === f));
    if (unknown !== undefined) {
      const node = isMap(root) ? root.getIn(['wrong', i, 'fails'], true) : undefined;
      return problem(here(node, { path: `wrong[${i}].fails`, offset: 0 }), `no check "${unknown}"`);
    }
  }
  return ok({ ...v, file, namespace, seed: seedPods, checks });
}

function fieldAt(root: unknown, key: string): At {
  if (!isMap(root)) return { path: key, offset: 0 };
  const pair = root.items.find((p) => isScalar(p.key) && p.key.value === key);
  return here(pair?.key, { path: key, offset: 0 });
}

/** One file's text to a lab, or `file:line:column: field: message`. */
export function parseLab(source: string, file: string): Result<Lab, string> {
  const name = /^\d+-([a-z0-9-]+)\.yaml$/.exec(basename(file));
  if (name === null || name[1] === undefined) return err(`${file}: lab files are named NN-id.yaml`);
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const syntax = doc.errors[0];
  if (syntax !== undefined) {
    return err(`${file}:${position(lines, syntax.pos[0])}: ${syntax.message.split('\n')[0]}`);
  }
  const lab = decodeLab(doc.contents, file, name[1]);
  if (lab.ok) return lab;
  const { path, offset, message } = lab.error;
  return err(`${file}:${position(lines, offset)}: ${path === '' ? '' : `${path}: `}${message}`);
}

function position(lines: LineCounter, offset: number): string {
  const { line, col } = lines.linePos(offset);
  return `${line}:${col}`;
}

/**
 * Every lab of the folder, in file-name order (the order of the notes). Without a folder: the labs
 * the build compiled (src/compiled.ts), else `quizzes/labs/`.
 */
export function loadLabs(from?: string): Result<Lab[], string> {
  const compiled = from === undefined ? compiledData() : null;
  const sources = compiled !== null ? compiled.labs : labSources(from ?? LABS_DIR);
  const labs: Lab[] = [];
  for (const { file, source } of sources) {
    const lab = parseLab(source, file);
    if (!lab.ok) return lab;
    labs.push(lab.value);
  }
  return ok(labs);
}

/** The lab files of a folder, in file-name order, as text (what the build compiles). */
export function labSources(dir: string = LABS_DIR): LabSource[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const path = join(dir, file);
      return { file: shownPath(path), source: readFileSync(path, 'utf8') };
    });
}

/** Relative to where Podium runs (`quizzes/labs/01-x.yaml`), or absolute when that reads worse. */
function shownPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

let catalogue: Result<readonly Lab[], string> | undefined;

/** Loads (at start-up) the labs every `/lab` command then uses. */
export function loadLabCatalogue(dir?: string): Result<readonly Lab[], string> {
  catalogue = loadLabs(dir);
  return catalogue;
}

export const labCatalogue = (): Result<readonly Lab[], string> => catalogue ?? loadLabCatalogue();
