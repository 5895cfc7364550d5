import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { type Document, isCollection, LineCounter, parseDocument } from 'yaml';
import { compiledData } from '../compiled.ts';
import { err, ok, type Result } from '../result.ts';
import { type Path, readBank } from './bank-schema.ts';
import type { Localized, Question } from './question.ts';

/**
 * The question banks, `quizzes/*.yaml`, one file per topic. Loading is all or nothing: a YAML
 * error, a missing field or language, an answer that is not a choice, a duplicate id across files:
 * each is reported as `file:line:column: field: message`, and the bot refuses to start.
 */
export interface Bank {
  topic: string;
  title: Localized;
  file: string;
  questions: Question[];
}

export interface BankProblem {
  file: string;
  line: number;
  column: number;
  /** Where in the file, e.g. `questions[2] (sel-003).answer`. */
  field: string;
  message: string;
}

export const QUIZZES_DIR = new URL('../../quizzes/', import.meta.url).pathname;

/** Without a folder: the banks the build compiled (src/compiled.ts), else `quizzes/`. */
export function loadBanks(from?: string): Result<Bank[], BankProblem[]> {
  const compiled = from === undefined ? compiledData() : null;
  if (compiled !== null) return ok(compiled.banks);
  const dir = from ?? QUIZZES_DIR;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort();
  const banks: Parsed[] = [];
  const problems: BankProblem[] = [];
  for (const name of files) {
    const path = join(dir, name);
    const loaded = parseBankFile(readFileSync(path, 'utf8'), displayPath(path), name.replace(/\.ya?ml$/, ''));
    if (loaded.ok) banks.push(loaded.value);
    else problems.push(...loaded.error);
  }
  if (files.length === 0)
    problems.push({ file: displayPath(dir), line: 0, column: 0, field: '', message: 'no bank files' });
  problems.push(...duplicateIds(banks));
  return problems.length > 0 ? err(problems) : ok(banks.map((b) => b.bank));
}

/** One bank file's text; `file` is only used in the problems it reports. */
export function parseBank(source: string, file: string, topic: string): Result<Bank, BankProblem[]> {
  const parsed = parseBankFile(source, file, topic);
  return parsed.ok ? ok(parsed.value.bank) : parsed;
}

/** A bank and where each question's id is written, for problems found across files. */
interface Parsed {
  bank: Bank;
  idAt: { line: number; col: number }[];
}

function parseBankFile(source: string, file: string, topic: string): Result<Parsed, BankProblem[]> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const where = (offset: number) => lineCounter.linePos(offset);
  if (doc.errors.length > 0) {
    return err(
      doc.errors.map((e) => {
        const pos = where(e.pos[0]);
        return { file, line: pos.line, column: pos.col, field: '', message: `YAML: ${e.message}` };
      }),
    );
  }
  const problems: { path: Path; message: string }[] = [];
  const content = readBank(doc.toJS(), topic, problems);
  if (content === null || problems.length > 0) {
    return err(
      problems.map((p) => {
        const pos = where(offsetOf(doc, p.path));
        return { file, line: pos.line, column: pos.col, field: fieldName(doc, p.path), message: p.message };
      }),
    );
  }
  const idAt = content.questions.map((_, i) => where(offsetOf(doc, ['questions', i, 'id'])));
  return ok({ bank: { ...content, file }, idAt });
}

/** The offset of the node at `path`, or of its nearest ancestor when the field is missing. */
function offsetOf(doc: Document, path: Path): number {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (node !== undefined && node !== null && typeof node === 'object' && 'range' in node) {
      const range = (node as { range?: [number, number, number] }).range;
      if (range !== undefined) return keyOffset(doc, path.slice(0, n)) ?? range[0];
    }
  }
  return 0;
}

/** A map entry is best reported at its key (`answer:`), where the eye looks for it. */
function keyOffset(doc: Document, path: Path): number | undefined {
  const last = path[path.length - 1];
  if (typeof last !== 'string') return undefined;
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  if (!isCollection(parent)) return undefined;
  for (const item of parent.items) {
    const key = (item as { key?: { value?: unknown; range?: [number, number, number] } }).key;
    if (key?.value === last && key.range !== undefined) return key.range[0];
  }
  return undefined;
}

/** `questions[2] (sel-003).choices[1].misconception`: the index and the id, whichever helps. */
function fieldName(doc: Document, path: Path): string {
  let out = '';
  for (const [i, part] of path.entries()) {
    if (typeof part === 'number') {
      out += `[${part}]`;
      if (path[i - 1] === 'questions') {
        const id = doc.getIn(['questions', part, 'id']);
        if (typeof id === 'string') out += ` (${id})`;
      }
    } else out += out === '' ? part : `.${part}`;
  }
  return out;
}

function duplicateIds(banks: readonly Parsed[]): BankProblem[] {
  const seen = new Map<string, string>();
  const problems: BankProblem[] = [];
  for (const { bank, idAt } of banks) {
    for (const [i, q] of bank.questions.entries()) {
      const first = seen.get(q.id);
      const pos = idAt[i] ?? { line: 0, col: 0 };
      if (first === undefined) seen.set(q.id, `${bank.file}:${pos.line}`);
      else
        problems.push({
          file: bank.file,
          line: pos.line,
          column: pos.col,
          field: `questions[${i}] (${q.id}).id`,
          message: `duplicate id "${q.id}" (also in ${first})`,
        });
    }
  }
  return problems;
}

export function formatProblem(p: BankProblem): string {
  const at = p.line > 0 ? `${p.file}:${p.line}:${p.column}` : p.file;
  return `${at}: ${p.field === '' ? '' : `${p.field}: `}${p.message}`;
}

const displayPath = (path: string): string => {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel || basename(path);
};
