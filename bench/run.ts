import { mkdirSync, writeFileSync } from 'node:fs';
import { benchCommands } from './b1-commands.ts';
import { benchScale } from './b2-scale.ts';
import { fmt, printTable } from './stats.ts';

/** `npm run bench`: prints the figures and writes them as JSON under bench/results/. */
const only = process.argv.slice(2);
const want = (name: string) => only.length === 0 || only.includes(name);
const results: Record<string, unknown> = { at: new Date().toISOString(), node: process.version };
const rows: string[][] = [['bench', 'figure', 'value', 'target']];

if (want('b1')) {
  const b1 = benchCommands();
  results.b1 = b1;
  rows.push(
    ['B1 commands', 'ops/s', fmt(b1.commands.opsPerSec, 0), ''],
    ['B1 commands', 'p50 ms', fmt(b1.commands.p50), ''],
    ['B1 commands', 'p99 ms', fmt(b1.commands.p99), '<= 1'],
    ['B1 floor', 'p50 ms', fmt(b1.floor.p50), ''],
    ['B1', 'ratio p50/floor', fmt(b1.ratio, 1), '<= 5'],
  );
}

if (want('b2')) {
  const count = Number(process.env.B2_SANDBOXES ?? 10_000);
  const b2 = benchScale(count);
  results.b2 = b2;
  rows.push(
    ['B2 scale', 'sandboxes', String(b2.sandboxes), ''],
    ['B2 scale', 'build s', fmt(b2.buildSeconds, 1), ''],
    ['B2 scale', 'db MB', fmt(b2.dbBytes / 1e6, 1), ''],
    ['B2 scale', 'RSS MB', fmt(b2.rssBytes / 1e6, 1), '<= 200'],
    ['B2 get -l', 'p99 ms (10k)', fmt(b2.big.p99), ''],
    ['B2 get -l', 'p99 ms (1)', fmt(b2.single.p99), ''],
    ['B2', 'ratio p99', fmt(b2.ratio, 2), '<= 1.5'],
  );
}

printTable(rows);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
const file = new URL(`./results/bench-${Date.now()}.json`, import.meta.url);
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwritten ${file.pathname}`);
