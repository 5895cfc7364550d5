import type { Cluster } from '../../src/cluster/model.ts';
import { parseMapArgs } from '../../src/map/args.ts';
import { type MapView, mapView } from '../../src/map/view.ts';
import { type TestApp, testApp } from '../helpers/app.ts';

/**
 * Sandboxes for the map tests, built the way a member builds them: chat messages through the
 * real dispatch on a fixed clock. `view` reads the sandbox as `/sandbox map ARGS` would.
 */
export interface MapFixture {
  t: TestApp;
  run(...messages: string[]): MapFixture;
  advance(seconds: number): MapFixture;
  cluster(): Cluster;
  view(args?: string): MapView;
}

export function mapFixture(): MapFixture {
  const t = testApp();
  const fixture: MapFixture = {
    t,
    run(...messages) {
      for (const m of messages) {
        const reply = t.send('alice', m);
        if (!reply.ok) throw new Error(`${m} failed: ${JSON.stringify(reply.blocks)}`);
      }
      return fixture;
    },
    advance(seconds) {
      t.advance(seconds * 1000);
      return fixture;
    },
    cluster() {
      const { sandboxes } = t.app;
      const now = t.app.clock();
      return sandboxes.load(sandboxes.open({ platform: 'console', scope: 'test', user: 'alice' }, now), now);
    },
    view(args = '') {
      const parsed = parseMapArgs(args);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
      return mapView(fixture.cluster(), parsed.value);
    },
  };
  return fixture;
}

export const TWO_CONTAINERS = `kubectl create -f -
\`\`\`yaml
apiVersion: v1
kind: Pod
metadata:
  name: kubia-sidecar
  labels:
    app: kubia
    env: dev
spec:
  containers:
  - name: kubia
    image: luksa/kubia
    ports:
    - containerPort: 8080
  - name: proxy
    image: nginx
    ports:
    - containerPort: 80
\`\`\``;

export const GPU_POD = `kubectl create -f -
\`\`\`yaml
apiVersion: v1
kind: Pod
metadata:
  name: kubia-gpu
  labels:
    gpu: "true"
spec:
  nodeSelector:
    gpu: "true"
  containers:
  - image: luksa/kubia
    name: kubia
    ports:
    - containerPort: 8080
\`\`\``;

/** The notes' walkthrough at its three points, each building on the one before. */
export function walkthrough(point: 1 | 2 | 3): MapFixture {
  const f = mapFixture().run('kubectl run kubia --image=luksa/kubia --port=8080').advance(10);
  if (point === 1) return f;
  f.run(TWO_CONTAINERS).advance(10).run('kubectl port-forward kubia-sidecar 8888:8080');
  if (point === 2) return f;
  return f.run('kubectl label node node01 gpu=true', GPU_POD).advance(10);
}
