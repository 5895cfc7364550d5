import { CHAT_COMMANDS } from '../commands/index.ts';
import { createApp } from '../src/app.ts';
import { dispatch } from '../src/chat/dispatch.ts';
import { createLogger } from '../src/log.ts';
import { drawMap } from '../src/map/map.ts';
import { mapView } from '../src/map/view.ts';
import { summarize, type Timings } from './stats.ts';

/**
 * B5: `/sandbox map` for 1, 10 and 100 pods (the 100 spread over 20 namespaces, drawn with -A):
 * the time from a loaded sandbox to PNG bytes (view, layout, SVG, resvg), as wall and CPU time
 * (the CPU figure is steadier on a shared machine), and the PNG's size. Targets: 200 ms, 1 MB.
 */
export interface B5Case {
  pods: number;
  wall: Timings;
  cpuP50: number;
  pngBytes: number;
}

export function benchMap(runs = 7): B5Case[] {
  return [1, 10, 100].map((pods) => benchCase(pods, runs));
}

function benchCase(pods: number, runs: number): B5Case {
  const app = createApp({ dbPath: ':memory:', log: createLogger('silent') });
  if (!app.ok) throw new Error(app.error);
  const send = (text: string) =>
    dispatch(app.value, CHAT_COMMANDS, {
      platform: 'console',
      scope: 'bench',
      channel: 'b',
      user: 'b5',
      text,
      attachments: [],
    });
  const namespaces = pods >= 100 ? 20 : 1;
  for (let n = 1; n < namespaces; n++) send(`kubectl create namespace team-${n}`);
  for (let i = 0; i < pods; i++) {
    const ns = i % namespaces === 0 ? 'default' : `team-${i % namespaces}`;
    send(
      `kubectl run web-${i}-frontend-service -n ${ns} --image=luksa/kubia --port=8080 --labels=app=web,env=${i % 2 ? 'prod' : 'dev'}`,
    );
  }
  const key = { platform: 'console' as const, scope: 'bench', user: 'b5' };
  const now = app.value.clock();
  const cluster = app.value.sandboxes.load(app.value.sandboxes.open(key, now), now);
  const options = { namespace: namespaces > 1 ? null : 'default', selector: null };
  let pngBytes = 0;
  const wall: number[] = [];
  const cpu: number[] = [];
  // The first render reads the font and fills the glyph cache: a warm-up, as in a running bot.
  drawMap(mapView(cluster, options), 'ko');
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const png = drawMap(mapView(cluster, options), 'ko');
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    if (!png.ok) throw new Error(png.error);
    pngBytes = png.value.length;
  }
  app.value.db.close();
  return { pods, wall: summarize(wall), cpuP50: summarize(cpu).p50, pngBytes };
}
