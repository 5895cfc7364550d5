import { isMap, isScalar, isSeq, type Node, parseDocument, visit } from 'yaml';
import { MAX_DEPTH } from '../go/json.ts';
import { type JsonValue, jsonObject } from '../go/json-value.ts';
import { goYamlError } from './manifest-yaml-errors.ts';

/**
 * A YAML manifest, read as kubectl reads it (apimachinery util/yaml YAMLReader, then
 * sigs.k8s.io/yaml YAMLToJSON over go-yaml v2): a line starting with `---` ends a document; each
 * document is parsed on its own (so error lines count from the document's first line) with
 * YAML 1.1 scalars (`yes`, `on`, `0755`); map keys become strings and come out sorted, as Go's
 * json.Marshal writes a map. The first bad document stops the stream; the ones before it stand.
 */
export type StreamItem = { value: JsonValue } | { error: string };

/** Documents one at a time, so a caller that stops at the first bad one parses no further. */
export function* yamlValues(text: string): Generator<StreamItem> {
  for (const chunk of splitDocuments(text)) {
    if ('error' in chunk) return yield { error: chunk.error };
    const parsed = parseChunk(chunk.text);
    if ('error' in parsed) return yield parsed;
    if (parsed.value !== null) yield parsed;
  }
}

/** Alias expansions a document may make: enough for real anchors, far too few for a "billion laughs". */
const MAX_ALIAS_COUNT = 100;

type Chunk = { text: string } | { error: string };

/** YAMLReader.Read: `---` plus only spaces or a comment separates; `---x` is a syntax error. */
function splitDocuments(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  let buffer = '';
  for (const line of text.split(/(?<=\n)/)) {
    if (line.startsWith('---')) {
      const rest = line.slice(3).trim();
      if (rest !== '' && !rest.startsWith('#')) {
        chunks.push({ error: `invalid Yaml document separator: ${rest}` });
        return chunks;
      }
      if (buffer !== '') chunks.push({ text: buffer });
      buffer = '';
      continue;
    }
    buffer += line;
  }
  if (buffer !== '') chunks.push({ text: buffer });
  return chunks;
}

type Parsed = { value: JsonValue } | { error: string };

function parseChunk(chunk: string): Parsed {
  const text = firstDocumentOf(chunk);
  const tooDeep = depthExceededAt(text);
  if (tooDeep !== null) return converting(`yaml: line ${tooDeep}: exceeded max depth of ${MAX_DEPTH}`);
  const doc = parseDocument(text, {
    version: '1.1',
    uniqueKeys: false,
    prettyErrors: false,
    logLevel: 'silent',
    // go-yaml v2 reads timestamps (into interface{}) and sexagesimal 12:30:00 as strings.
    customTags: (tags) =>
      tags.filter((t) =>
        typeof t === 'string'
          ? !['timestamp', 'intTime', 'floatTime'].includes(t)
          : t.tag !== 'tag:yaml.org,2002:timestamp' && !('format' in t && t.format === 'TIME'),
      ),
  });
  if (doc.errors.length > 0) return converting(goYamlError(doc.errors, text));
  const badTag = unresolvedTag(doc.contents);
  if (badTag !== null) return converting(badTag);
  const badKey = collectionKey(doc.contents);
  if (badKey !== null) return converting(`yaml: invalid map key: ${badKey}`);
  let js: unknown;
  try {
    js = doc.toJS({ mapAsMap: true, maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    if (!(e instanceof ReferenceError)) throw e;
    const unresolved = /Unresolved alias.*: (.*)$/.exec(e.message);
    if (unresolved !== null) return converting(`yaml: unknown anchor '${unresolved[1]}' referenced`);
    return converting('yaml: document contains excessive aliasing');
  }
  return toJson(js);
}

const converting = (message: string): Parsed => ({ error: `error converting YAML to JSON: ${message}` });

/**
 * go-yaml's Unmarshal reads only the first document of what it is given, and a line indented
 * less than the first one starts an implicit second document: `  apiVersion: v1` followed by
 * `kind: Pod` is just `{apiVersion: v1}` to kubectl (which then says "kind not set").
 */
function firstDocumentOf(text: string): string {
  const lines = text.split(/(?<=\n)/);
  const indentOf = (line: string) => line.length - line.trimStart().length;
  const isContent = (line: string) => line.trim() !== '' && !line.trim().startsWith('#');
  const first = lines.findIndex(isContent);
  const firstIndent = first === -1 ? 0 : indentOf(lines[first] ?? '');
  if (firstIndent === 0) return text;
  const end = lines.findIndex((line, n) => n > first && isContent(line) && indentOf(line) < firstIndent);
  return end === -1 ? text : lines.slice(0, end).join('');
}

/** An explicit `!!int abc`: go-yaml refuses what it cannot read as the tag says. */
function unresolvedTag(root: Node | null): string | null {
  let found: string | null = null;
  visit(root, {
    Scalar(_, node) {
      const tag = /^tag:yaml\.org,2002:(int|float|bool)$/.exec(node.tag ?? '');
      if (found === null && tag !== null && typeof node.value === 'string')
        found = `yaml: cannot decode !!str \`${node.value}\` as a !!${tag[1]}`;
    },
  });
  return found;
}

/** go-yaml cannot use a mapping or sequence as a map key (a pasted Helm `{{ .Values.x }}` does). */
function collectionKey(root: Node | null): string | null {
  let found: string | null = null;
  visit(root, {
    Pair(_, pair) {
      const key = pair.key;
      if (found === null && (isMap(key) || isSeq(key))) found = goRepr(key as Node);
    },
  });
  return found;
}

/** `%#v` of what go-yaml built, as its "invalid map key" message prints it. */
function goRepr(node: Node | null, nested = false): string {
  if (isMap(node)) {
    const entries = node.items
      .map((p) => `${goRepr(p.key as Node, true)}:${goRepr(p.value as Node, true)}`)
      .sort();
    return `map[interface {}]interface {}{${entries.join(', ')}}`;
  }
  if (isSeq(node)) return `[]interface {}{${node.items.map((n) => goRepr(n as Node, true)).join(', ')}}`;
  const value = isScalar(node) ? node.value : null;
  if (value === null || value === undefined) return nested ? 'interface {}(nil)' : '<nil>';
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** sigs.k8s.io/yaml's conversion of go-yaml's result to JSON data. */
function toJson(js: unknown): Parsed {
  if (js === null || js === undefined) return { value: null };
  if (typeof js === 'number') {
    return Number.isFinite(js)
      ? { value: js }
      : converting(`json: unsupported value: ${Number.isNaN(js) ? 'NaN' : js > 0 ? '+Inf' : '-Inf'}`);
  }
  if (typeof js === 'string' || typeof js === 'boolean') return { value: js };
  if (Array.isArray(js)) {
    const items: JsonValue[] = [];
    for (const item of js) {
      const v = toJson(item);
      if ('error' in v) return v;
      items.push(v.value);
    }
    return { value: items };
  }
  if (js instanceof Map) {
    const entries: [string, JsonValue][] = [];
    for (const [k, v] of js) {
      const value = toJson(v);
      if ('error' in value) return value;
      entries.push([k === null || k === undefined ? '' : String(k), value.value]);
    }
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return { value: jsonObject(entries) };
  }
  // `!!binary`: go-yaml decodes it into the string it encodes.
  if (js instanceof Uint8Array) return { value: Buffer.from(js).toString('utf8') };
  return { value: String(js) };
}

/**
 * The first line (1-based) at which block indentation plus flow brackets nest deeper than
 * MAX_DEPTH, found before the YAML library sees the text: deep nesting is what makes a parser
 * slow or exhausts its stack, so it must be refused first. Brackets inside quotes count too;
 * that only over-estimates, and no real manifest comes near the limit.
 */
function depthExceededAt(text: string): number | null {
  const indents: number[] = [];
  let flow = 0;
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n] ?? '';
    const body = line.trimStart();
    if (body === '' || body.startsWith('#')) continue;
    const indent = line.length - body.length;
    while (indents.length > 0 && (indents[indents.length - 1] ?? 0) >= indent) indents.pop();
    indents.push(indent);
    const dashes = /^(?:[-?:]\s+)*/.exec(body)?.[0].replace(/\s/g, '').length ?? 0;
    let deepest = flow;
    for (const c of body) {
      if (c === '[' || c === '{') deepest = Math.max(deepest, ++flow);
      else if ((c === ']' || c === '}') && flow > 0) flow--;
    }
    if (indents.length + dashes + deepest > MAX_DEPTH) return n + 1;
  }
  return null;
}
