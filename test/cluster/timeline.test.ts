import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { apiObject } from '../../src/cluster/api-object.ts';
import { podEvents } from '../../src/cluster/events.ts';
import {
  type ContainerState,
  podStatus,
  statusColumn,
  type Terminated,
} from '../../src/cluster/lifecycle.ts';
import { containerLog } from '../../src/cluster/logs.ts';
import type { Container, Pod, RestartPolicy } from '../../src/cluster/model.ts';
import { boundPod, seededCluster, T0 } from './lifecycle-fixtures.ts';

/**
 * Timelines: each `timelines/NAME.yaml` names a pod (its containers and restart policy) bound at
 * T0 and the instants to look at; `NAME.timeline.txt` holds what the API shows at each: phase,
 * STATUS, each container's restarts, state and last state, the conditions, the current and
 * previous log's extent, and every event `describe` would list. Times are milliseconds after
 * binding. Adding a scenario means adding a file.
 */
const DIR = join(new URL('.', import.meta.url).pathname, 'timelines');

interface Case {
  pod: { restartPolicy?: RestartPolicy; containers: Partial<Container>[] };
  instants: string[];
}

const UNITS: Record<string, number> = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000, ms: 1 };

/** `1d3m17.3s`, `900ms`, `0s`: a sum of numbers with units. */
function instantMs(text: string): number {
  let total = 0;
  const rest = text.replace(/(\d+(?:\.\d+)?)(ms|d|h|m|s)/g, (_, n: string, unit: string) => {
    total += Math.round(Number(n) * (UNITS[unit] ?? Number.NaN));
    return '';
  });
  if (rest !== '' || Number.isNaN(total)) throw new Error(`bad instant ${text}`);
  return total;
}

const rel = (ms: number): string => `+${ms - T0}`;
const relIso = (iso: unknown): string => (typeof iso === 'string' ? rel(Date.parse(iso)) : String(iso));

function stateText(s: ContainerState): string {
  if (s.kind === 'running') return `running since ${rel(s.startedAt)}`;
  if (s.kind === 'waiting') return `waiting ${s.reason}${s.message === undefined ? '' : ` "${s.message}"`}`;
  return `terminated ${terminatedText(s)}`;
}

const terminatedText = (t: Terminated): string =>
  `${t.reason}(${t.exitCode}) ${rel(t.startedAt)}..${rel(t.finishedAt)}`;

function render(pod: Pod, now: number, label: string): string {
  const cluster = { ...seededCluster(), now };
  const view = { ...cluster, pods: [...cluster.pods, pod] };
  const status = podStatus(pod, now);
  const ready = status.containers.filter((c) => c.ready).length;
  const out = [
    `@ ${label} (${rel(now)}) ${status.phase} ${statusColumn(status)} READY ${ready}/${pod.spec.containers.length}`,
  ];
  status.containers.forEach((c, i) => {
    out.push(`  ${c.name}: restarts ${c.restartCount}, ${stateText(c.state)}`);
    if (c.lastState !== undefined) out.push(`    last ${terminatedText(c.lastState)}`);
    const log = (previous: boolean) => {
      const got = containerLog(pod, i, now, previous);
      if (!got.ok) return got.message;
      const first = got.lines[0];
      return `${got.lines.length} lines${first === undefined ? '' : ` from ${rel(first.at)}`}`;
    };
    out.push(`    log: ${log(false)}; previous: ${log(true)}`);
  });
  const api = apiObject(pod, view) as { status: Record<string, unknown> };
  const conditions = (api.status.conditions ?? []) as Record<string, unknown>[];
  out.push(
    `  conditions: ${conditions.map((c) => `${c.type}=${c.status}${c.reason === undefined ? '' : `(${c.reason})`}@${relIso(c.lastTransitionTime)}`).join(' ')}`,
  );
  for (const s of (api.status.containerStatuses ?? []) as Record<string, unknown>[]) {
    const id = typeof s.containerID === 'string' ? s.containerID.slice(-12) : '-';
    out.push(
      `  api ${s.name}: id ${id} ${JSON.stringify(s.state)} last ${JSON.stringify(s.lastState)}`.replace(
        /"(\d{4}-\d\d-\d\dT[^"]+)"/g,
        (_, iso: string) => relIso(iso),
      ),
    );
  }
  for (const e of podEvents(pod, view)) {
    out.push(`  ${e.type} ${e.reason} x${e.count} ${rel(e.first)}..${rel(e.last)} ${e.source}: ${e.message}`);
  }
  return out.join('\n');
}

const cases = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

describe('pod timelines', () => {
  it('GIVEN the timelines folder THEN it holds cases', () => {
    expect(cases.length).toBeGreaterThan(10);
  });

  it.each(cases)('GIVEN %s WHEN read at each instant THEN it shows its timeline', async (file) => {
    const spec = parse(readFileSync(join(DIR, file), 'utf8')) as Case;
    const pod = boundPod(spec.pod.containers, spec.pod.restartPolicy ?? 'Always');
    const text = spec.instants.map((i) => render(pod, T0 + instantMs(i), i)).join('\n');
    await expect(`${text}\n`).toMatchFileSnapshot(join(DIR, file.replace(/\.yaml$/, '.timeline.txt')));
  });
});
