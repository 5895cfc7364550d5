import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The arrows STYLE.md draws, read from the source: the API server (src/cluster) never imports the
 * client or a chat door, no module reaches itself again through runtime imports, and only the
 * adapters load discord.js or Bolt.
 */
const ROOT = resolve(new URL('..', import.meta.url).pathname);

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

interface Import {
  readonly specifier: string;
  /** A relative import resolved to a path from the repository root; undefined for a package. */
  readonly target: string | undefined;
  /** Erased at compile time (`import type`, or every named binding marked `type`). */
  readonly typeOnly: boolean;
}

function typeOnly(clause: ts.ImportClause | undefined): boolean {
  if (clause === undefined) return false;
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  if (clause.name !== undefined || bindings === undefined || !ts.isNamedImports(bindings)) return false;
  return bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
}

function importsOf(file: string): Import[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const found: Import[] = [];
  const add = (specifier: string, erased: boolean) => {
    const target = specifier.startsWith('.')
      ? relative(ROOT, resolve(ROOT, dirname(file), specifier))
      : undefined;
    found.push({ specifier, target, typeOnly: erased });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, typeOnly(node.importClause));
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      add(node.moduleSpecifier.text, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg !== undefined && ts.isStringLiteral(arg)) add(arg.text, false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const FILES = [...sourceFiles('src'), ...sourceFiles('commands')];
const IMPORTS = new Map(FILES.map((file) => [file, importsOf(file)]));

/** Every runtime import cycle, each reported once as the path that closes it. */
function cycles(): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const walk = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const { target, typeOnly: erased } of IMPORTS.get(file) ?? []) {
      if (erased || target === undefined || !IMPORTS.has(target)) continue;
      if (state.get(target) === 'open') found.push([...stack.slice(stack.indexOf(target)), target]);
      else if (state.get(target) === undefined) walk(target);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of FILES) if (!state.has(file)) walk(file);
  return found;
}

describe('architecture', () => {
  it('GIVEN src/cluster THEN nothing in it imports kubectl, chat or an adapter', () => {
    const arrows = FILES.filter((f) => f.startsWith('src/cluster/')).flatMap((file) =>
      (IMPORTS.get(file) ?? [])
        .filter(({ target }) => target !== undefined && /^src\/(kubectl|chat|adapters)\//.test(target))
        .map(({ specifier }) => `${file} -> ${specifier}`),
    );
    expect(arrows).toEqual([]);
  });

  it('GIVEN every module under src and commands THEN no runtime import cycle exists', () => {
    expect(cycles().map((path) => path.join(' -> '))).toEqual([]);
  });

  it('GIVEN discord.js and Bolt THEN only src/adapters imports them', () => {
    const platform = /^(discord\.js|@discordjs\/|@slack\/)/;
    const outside = FILES.filter((f) => !f.startsWith('src/adapters/')).flatMap((file) =>
      (IMPORTS.get(file) ?? [])
        .filter(({ specifier }) => platform.test(specifier))
        .map(({ specifier }) => `${file} -> ${specifier}`),
    );
    expect(outside).toEqual([]);
  });

  it('GIVEN the import reader THEN it sees the arrows it guards (a check that cannot pass vacuously)', () => {
    expect(FILES.length).toBeGreaterThan(100);
    const adapter = IMPORTS.get('src/adapters/discord/bot.ts') ?? [];
    expect(adapter.some(({ specifier }) => specifier === 'discord.js')).toBe(true);
    const main = IMPORTS.get('src/main.ts') ?? [];
    expect(main.some(({ target }) => target === 'src/adapters/discord/bot.ts')).toBe(true);
  });
});
