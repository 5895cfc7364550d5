import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { testApp } from '../test/helpers/app.ts';
import { COST_CASES, hostileCostLine } from '../test/reliability/cost-cases.ts';

/**
 * B7: the cost fuzz's inputs (test/reliability/cost-cases.ts), each message timed alone in a
 * fresh app after its setup. Memory is the heap a message needed: after a full collection,
 * the growth of the V8 heap's used and committed size over the message (committed size does not
 * shrink at once, so it keeps the message's peak); the larger of the two is reported.
 */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

export interface CostFigure {
  name: string;
  ms: number;
  heapMb: number;
}

function measure(name: string, setup: (t: ReturnType<typeof testApp>) => void, message: string): CostFigure {
  const t = testApp();
  setup(t);
  gc();
  const used = process.memoryUsage().heapUsed;
  const committed = getHeapStatistics().total_heap_size;
  const start = performance.now();
  t.send('alice', message);
  const ms = performance.now() - start;
  const grown = Math.max(
    process.memoryUsage().heapUsed - used,
    getHeapStatistics().total_heap_size - committed,
  );
  t.app.db.close();
  return { name, ms, heapMb: Math.max(0, grown) / (1024 * 1024) };
}

export function benchCost(generated: number): {
  figures: CostFigure[];
  worstTime: CostFigure;
  worstHeap: CostFigure;
} {
  const figures = COST_CASES.map((c) => measure(c.name, c.setup, c.message));
  const kubia = (t: ReturnType<typeof testApp>) => {
    t.say('alice', 'kubectl run kubia --image=luksa/kubia --port=8080');
    t.advance(30_000);
  };
  for (const [i, line] of fc.sample(hostileCostLine, { seed: 16, numRuns: generated }).entries())
    figures.push(measure(`generated #${i}: ${line.slice(0, 40)}…`, kubia, line));
  const worst = (pick: (f: CostFigure) => number) =>
    figures.reduce((a, b) => (pick(b) > pick(a) ? b : a), figures[0] as CostFigure);
  return { figures, worstTime: worst((f) => f.ms), worstHeap: worst((f) => f.heapMb) };
}
