import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * `node --import tsx bench/cpuprofile-top.ts FILE.cpuprofile... [N] [CALLER-DEPTH]`: the heaviest
 * frames of one or more V8 CPU profiles (from `node --cpu-prof`, `B3_PROFILE`; several are added
 * together, as a run's threads give one file each), by self time (with the heaviest path of
 * callers, up to CALLER-DEPTH of them), and the self time per package or folder of this checkout,
 * wherever it is.
 */
interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const args = process.argv.slice(2);
const files = args.filter((a) => !/^\d+$/.test(a));
const [count = '25', depthText = '0'] = args.filter((a) => /^\d+$/.test(a));
if (files.length === 0) {
  console.error('usage: cpuprofile-top.ts FILE.cpuprofile... [N] [CALLER-DEPTH]');
  process.exit(2);
}
const depth = Number(depthText);
/** This checkout's root as the profiles' URLs spell it (file:///…/ or a bare path). */
const ROOT = `${resolve(dirname(new URL(import.meta.url).pathname), '..')}/`;
const local = (url: string) => {
  const path = url.startsWith('file://') ? new URL(url).pathname : url;
  return path.startsWith(ROOT) ? path.slice(ROOT.length) : null;
};

// Every profile's nodes, renumbered so that ids from different files never meet.
const nodes: Node[] = [];
const self = new Map<number, number>();
let offset = 0;
for (const file of files) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  let top = 0;
  for (const n of profile.nodes) {
    nodes.push({ ...n, id: n.id + offset, children: (n.children ?? []).map((c) => c + offset) });
    top = Math.max(top, n.id);
  }
  profile.samples.forEach((id, i) => {
    self.set(id + offset, (self.get(id + offset) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  offset += top + 1;
}
const byId = new Map(nodes.map((n) => [n.id, n]));
const total = [...self.values()].reduce((a, b) => a + b, 0);

const where = (url: string) => {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg !== undefined) return pkg;
  if (url.startsWith('node:')) return url;
  const path = local(url);
  if (path !== null) return /^(.+?\/[^/]+)\//.exec(path)?.[1] ?? path;
  return url === '' ? '(native)' : url;
};
const parent = new Map<number, number>();
for (const n of nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = (node: Node) => {
  const { functionName, url, lineNumber } = node.callFrame;
  const short = local(url) ?? url.replace(/^.*node_modules\//, '');
  return `${functionName || '(anonymous)'}  ${short}:${lineNumber + 1}`;
};
/** The callers of a frame, nearest first, as far as `depth`. */
const callers = (id: number, depth: number) => {
  const chain: string[] = [];
  for (let p = parent.get(id); p !== undefined && chain.length < depth; p = parent.get(p)) {
    const node = byId.get(p);
    if (node !== undefined && node.callFrame.functionName !== '(root)') chain.push(label(node));
  }
  return chain;
};
const stacks = new Map<string, Map<string, number>>();
const frames = new Map<string, number>();
const places = new Map<string, number>();
for (const [id, ms] of self) {
  const node = byId.get(id);
  if (node === undefined) continue;
  const { url } = node.callFrame;
  const key = label(node);
  frames.set(key, (frames.get(key) ?? 0) + ms);
  const chain = callers(id, depth).join('\n        <- ');
  const seen = stacks.get(key) ?? new Map<string, number>();
  seen.set(chain, (seen.get(chain) ?? 0) + ms);
  stacks.set(key, seen);
  places.set(where(url), (places.get(where(url)) ?? 0) + ms);
}
const top = (m: Map<string, number>, n: number) =>
  [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(
      ([k, ms]) => `${ms.toFixed(1).padStart(9)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${k}`,
    );
console.log(`total ${total.toFixed(0)} ms sampled\n\nself time by frame:`);
for (const line of top(frames, Number(count))) {
  console.log(line);
  const key = line.replace(/^.*?% {2}/, '');
  const [chain] = [...(stacks.get(key) ?? new Map<string, number>()).entries()].sort((a, b) => b[1] - a[1]);
  if (depth > 0 && chain !== undefined && chain[0] !== '') console.log(`        <- ${chain[0]}`);
}
console.log('\nself time by package or folder:');
console.log(top(places, 20).join('\n'));
