import { type MessageKey, type Params, t } from '../i18n/catalogue.ts';
import type { Lang } from '../i18n/lang.ts';
import { fitText, measure, type Scene, type Shape } from './scene.ts';
import { STYLE } from './style.ts';
import { type MapView, type NodeView, type PodView, pendingText } from './view.ts';

/**
 * The map's layout, deterministic and in whole pixels: a title; the member's computer at the
 * left edge with one line per port-forward; the nodes stacked on the right, each a box holding
 * its pods in a grid (sorted by namespace, then name); the pods no node took in a Pending box
 * below; then arrows for port-forwards and recent pod-to-pod requests, drawn last so they cross
 * over the boxes they join.
 */
const S = STYLE;
const C = STYLE.colour;

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export function layoutMap(view: MapView, lang: Lang): Scene {
  const say = (key: MessageKey, params: Params = {}) => t(lang, key, params);
  const shapes: Shape[] = [];
  const text = (x: number, y: number, value: string, size: number, fill: string = C.ink, bold = false) =>
    shapes.push({ kind: 'text', x, y, text: value, size, weight: bold ? 'bold' : 'regular', fill });
  const rect = (box: Box, fill: string, stroke: string, strokeWidth = 1, dashed = false) =>
    shapes.push({ kind: 'rect', ...box, fill, stroke, strokeWidth, ...(dashed ? { dashed } : {}) });
  const compact = view.pods.length > S.compactAfter;
  const P = compact ? S.compactPod : S.pod;
  const allNamespaces = view.namespace === null;
  const podBoxes = new Map<string, Box>();

  let y = S.margin + S.line.title - 8;
  const scope = allNamespaces
    ? say('map.scope.all')
    : say('map.scope.namespace', { namespace: view.namespace ?? '' });
  text(
    S.margin,
    y,
    fitText(say('map.title', { scope }), S.font.title, 'bold', S.width - 2 * S.margin),
    S.font.title,
    C.ink,
    true,
  );
  if (view.selector !== null) {
    y += S.line.heading;
    const matched = view.pods.filter((p) => p.verdict.kind === 'match').length;
    const line = say('map.selector', { selector: view.selector, matched, total: view.pods.length });
    text(
      S.margin,
      y,
      fitText(line, S.font.heading, 'regular', S.width - 2 * S.margin),
      S.font.heading,
      C.match.stroke,
    );
  }
  const top = y + S.gap;

  // The member's computer, one line per port-forward.
  const computer: Box = { x: S.margin, y: top, w: S.computer.width, h: 0 };
  const forwardRows = new Map<number, number>();
  let cy = top + S.padding + S.line.heading - 4;
  const computerShapes = shapes.length;
  text(computer.x + S.padding, cy, say('map.computer'), S.font.heading, C.ink, true);
  if (view.forwards.length === 0) {
    cy += S.line.body;
    text(computer.x + S.padding, cy, say('map.noForwards'), S.font.body, C.muted);
  }
  view.forwards.forEach((f, i) => {
    cy += S.line.body + 2;
    const line = `localhost:${f.localPort} → ${allNamespaces ? `${f.namespace}/` : ''}${f.pod}:${f.podPort}`;
    text(
      computer.x + S.padding,
      cy,
      fitText(line, S.font.body, 'regular', computer.w - 2 * S.padding),
      S.font.body,
      C.forward,
    );
    forwardRows.set(i, cy - 4);
  });
  computer.h = cy - top + S.padding;
  shapes.splice(computerShapes, 0, {
    kind: 'rect',
    ...computer,
    fill: C.computer.fill,
    stroke: C.computer.stroke,
    strokeWidth: 2,
  });

  // Nodes, stacked, each with its pods in a grid.
  const left = S.margin + S.computer.width + S.gap * 3;
  const width = S.width - S.margin - left;
  let ny = top;
  for (const node of view.nodes) {
    const pods = view.pods.filter((p) => p.node === node.name);
    ny = nodeBox(node, pods, { x: left, y: ny, w: width, h: 0 }) + S.gap;
  }
  const pending = view.pods.filter((p) => p.node === null);
  if (pending.length > 0) ny = pendingBox(pending, { x: left, y: ny, w: width, h: 0 }) + S.gap;

  // Arrows last: port-forwards from the computer, then recent requests between pods.
  view.forwards.forEach((f, i) => {
    const target = podBoxes.get(`${f.namespace}/${f.pod}`);
    const row = forwardRows.get(i);
    if (target === undefined || row === undefined) return;
    shapes.push({
      kind: 'arrow',
      x1: computer.x + computer.w,
      y1: row,
      x2: target.x,
      y2: Math.round(target.y + target.h / 2),
      colour: C.forward,
    });
  });
  for (const r of view.requests.slice(0, S.maxRequestArrows)) {
    const from = r.fromPod === null ? undefined : podBoxes.get(`${r.fromPod.namespace}/${r.fromPod.name}`);
    const to = podBoxes.get(`${r.to.namespace}/${r.to.name}`);
    if (from === undefined || to === undefined || from === to) continue;
    const [x1, y1, x2, y2] = [from.x + from.w / 2, from.y + from.h / 2, to.x + to.w / 2, to.y + to.h / 2].map(
      Math.round,
    ) as [number, number, number, number];
    shapes.push({ kind: 'arrow', x1, y1, x2, y2, colour: C.request, dashed: true });
    const label = say('map.request', { ip: r.from });
    const lx = Math.round((x1 + x2) / 2) + 4;
    const ly = Math.round((y1 + y2) / 2) - 4;
    shapes.push({
      kind: 'rect',
      x: lx - 3,
      y: ly - S.font.small,
      w: Math.ceil(measure(label, S.font.small, 'regular')) + 6,
      h: S.font.small + 5,
      fill: C.background,
      stroke: C.request,
      strokeWidth: 1,
    });
    text(lx, ly, label, S.font.small, C.request);
  }

  return { width: S.width, height: Math.max(ny, computer.y + computer.h + S.gap) + S.margin - S.gap, shapes };

  function nodeBox(node: NodeView, pods: PodView[], box: Box): number {
    const at = shapes.length;
    let ty = box.y + S.padding + S.line.heading - 4;
    const role = node.controlPlane ? say('map.controlPlane') : say('map.worker');
    text(
      box.x + S.padding,
      ty,
      fitText(`${node.name} · ${role}`, S.font.heading, 'bold', box.w / 2),
      S.font.heading,
      C.ink,
      true,
    );
    text(box.x + box.w / 2, ty, `IP ${node.ip} · pods ${node.cidr}`, S.font.body, C.muted);
    ty += S.line.body + 2;
    const labels = [...node.labels, say('map.standardLabels', { count: node.standardLabels })].join('  ');
    text(
      box.x + S.padding,
      ty,
      fitText(labels, S.font.body, 'regular', box.w - 2 * S.padding),
      S.font.body,
      C.label.ink,
    );
    for (const taint of node.taints) {
      ty += S.line.body;
      text(
        box.x + S.padding,
        ty,
        fitText(say('map.taint', { taint }), S.font.body, 'regular', box.w - 2 * S.padding),
        S.font.body,
        C.taint,
      );
    }
    const bottom = podGrid(pods, box, ty + S.gap);
    box.h = bottom - box.y;
    shapes.splice(at, 0, {
      kind: 'rect',
      ...box,
      fill: node.controlPlane ? C.node.controlPlane : C.node.fill,
      stroke: C.node.stroke,
      strokeWidth: 2,
    });
    return bottom;
  }

  function pendingBox(pods: PodView[], box: Box): number {
    const at = shapes.length;
    const ty = box.y + S.padding + S.line.heading - 4;
    text(box.x + S.padding, ty, say('map.pendingArea'), S.font.heading, C.pending.stroke, true);
    const bottom = podGrid(pods, box, ty + S.gap);
    box.h = bottom - box.y;
    shapes.splice(at, 0, {
      kind: 'rect',
      ...box,
      fill: C.pending.fill,
      stroke: C.pending.stroke,
      strokeWidth: 2,
      dashed: true,
    });
    return bottom;
  }

  /** Pods in rows as wide as the box allows; each row as tall as its tallest pod. Returns the bottom. */
  function podGrid(pods: PodView[], box: Box, top: number): number {
    if (pods.length === 0) {
      text(box.x + S.padding, top + P.line - 4, say('map.noPods'), P.font, C.muted);
      return top + P.line + S.padding;
    }
    const columns = Math.max(1, Math.floor((box.w - S.padding) / (P.width + S.padding)));
    let rowTop = top;
    for (let i = 0; i < pods.length; i += columns) {
      const row = pods.slice(i, i + columns);
      const height = Math.max(...row.map(podHeight));
      row.forEach((pod, j) => {
        podBox(pod, {
          x: box.x + S.padding + j * (P.width + S.padding),
          y: rowTop,
          w: P.width,
          h: height,
        });
      });
      rowTop += height + S.padding;
    }
    return rowTop;
  }

  function podLines(pod: PodView): number {
    return (
      3 +
      (compact || pod.labels.length === 0 ? 0 : 1) +
      (pod.verdict.kind === 'none' ? 0 : 1) +
      (pod.pending === null ? 0 : 1)
    );
  }

  function podHeight(pod: PodView): number {
    const containers =
      pod.containers.length * (P.container + 4) + (pod.containers.length > 1 ? S.line.small : 0) + 8;
    return Math.max(P.minHeight, S.padding + podLines(pod) * P.line + containers + S.padding);
  }

  function podBox(pod: PodView, box: Box): void {
    podBoxes.set(`${pod.namespace}/${pod.name}`, box);
    const verdict = pod.verdict;
    const missed = verdict.kind === 'miss';
    const stroke = verdict.kind === 'match' ? C.match.stroke : missed ? C.muted : C.pod.stroke;
    const fill = verdict.kind === 'match' ? C.match.fill : missed ? C.miss.fill : C.pod.fill;
    rect(box, fill, stroke, verdict.kind === 'match' ? 3 : 1, missed);
    const inner = box.w - 2 * S.padding;
    const x = box.x + S.padding;
    let ty = box.y + S.padding + P.line - 4;
    // Compact boxes keep the name whole and say the namespace on the IP line instead.
    const name = allNamespaces && !compact ? `${pod.namespace}/${pod.name}` : pod.name;
    text(x, ty, fitText(name, P.font + 1, 'bold', inner), P.font + 1, missed ? C.muted : C.ink, true);
    ty += P.line;
    const trouble = (S.troubleReasons as readonly string[]).includes(pod.status);
    const colour = trouble ? S.phase.Failed : S.phase[pod.phase];
    shapes.push({ kind: 'circle', x: x + 5, y: ty - 4, r: 5, fill: colour });
    text(
      x + 14,
      ty,
      fitText(`${pod.status}   READY ${pod.ready}`, P.font, 'bold', inner - 14),
      P.font,
      colour,
      true,
    );
    ty += P.line;
    const ip = `IP ${pod.ip ?? '<none>'}`;
    text(
      x,
      ty,
      fitText(allNamespaces && compact ? `${pod.namespace} · ${ip}` : ip, P.font, 'regular', inner),
      P.font,
      C.muted,
    );
    if (!compact && pod.labels.length > 0) {
      ty += P.line;
      text(x, ty, fitText(pod.labels.join(', '), S.font.small, 'regular', inner), S.font.small, C.label.ink);
    }
    if (verdict.kind !== 'none') {
      ty += P.line;
      const line =
        verdict.kind === 'match'
          ? `✓ ${say('map.match')}`
          : `✗ ${verdict.has === null ? say('map.missNo', { requirement: verdict.requirement, key: verdict.key }) : say('map.missHas', { requirement: verdict.requirement, has: verdict.has })}`;
      text(
        x,
        ty,
        fitText(line, P.font, 'bold', inner),
        P.font,
        verdict.kind === 'match' ? C.match.stroke : C.miss.ink,
        true,
      );
    }
    if (pod.pending !== null) {
      ty += P.line;
      const reason = pendingText(pod.pending, say);
      text(x, ty, fitText(reason, S.font.small, 'regular', inner), S.font.small, C.pending.stroke);
    }
    // The containers share one network namespace: one box, labelled when there are several.
    const shared: Box = {
      x,
      y: ty + 8,
      w: inner,
      h: pod.containers.length * (P.container + 4) + 4 + (pod.containers.length > 1 ? S.line.small : 0),
    };
    rect(shared, C.background, C.localhost, pod.containers.length > 1 ? 2 : 1);
    let cy = shared.y + 4;
    if (pod.containers.length > 1) {
      text(shared.x + 6, cy + S.font.small - 1, say('map.localhost'), S.font.small, C.localhost, true);
      cy += S.line.small;
    }
    for (const c of pod.containers) {
      rect({ x: shared.x + 4, y: cy, w: shared.w - 8, h: P.container }, C.container.fill, C.container.stroke);
      const ports = c.ports.length === 0 ? '' : `  :${c.ports.join(', :')}`;
      text(
        shared.x + 10,
        cy + Math.round(P.container * 0.7),
        fitText(
          compact ? `${c.name}${ports}` : `${c.name} · ${c.image}${ports}`,
          S.font.small,
          'regular',
          shared.w - 20,
        ),
        S.font.small,
        C.ink,
      );
      cy += P.container + 4;
    }
  }
}
