import { type MessageKey, type Params, t } from '../i18n/catalogue.ts';
import type { Lang } from '../i18n/lang.ts';
import { type MapView, type PodView, pendingText } from './view.ts';

/**
 * The map as a compact tree: for `--text`, for a screen reader, and whenever the picture cannot
 * be drawn. Nothing is truncated here: this is where the full names and labels are.
 */
export function mapText(view: MapView, lang: Lang): string {
  const say = (key: MessageKey, params: Params = {}) => t(lang, key, params);
  const all = view.namespace === null;
  const scope = all ? say('map.scope.all') : say('map.scope.namespace', { namespace: view.namespace ?? '' });
  const lines = [say('map.title', { scope })];
  if (view.selector !== null) {
    const matched = view.pods.filter((p) => p.verdict.kind === 'match').length;
    lines.push(say('map.selector', { selector: view.selector, matched, total: view.pods.length }));
  }
  lines.push(`${say('map.computer')}:`);
  if (view.forwards.length === 0) lines.push(`  ${say('map.noForwards')}`);
  for (const f of view.forwards)
    lines.push(`  localhost:${f.localPort} → ${all ? `${f.namespace}/` : ''}${f.pod}:${f.podPort}`);
  const podLines = (pod: PodView): string[] => {
    const name = all ? `${pod.namespace}/${pod.name}` : pod.name;
    const labels = pod.labels.length === 0 ? '' : `  [${pod.labels.join(', ')}]`;
    const out = [`  pod ${name}  ${pod.status}  READY ${pod.ready}  IP ${pod.ip ?? '<none>'}${labels}`];
    for (const c of pod.containers)
      out.push(
        `    container ${c.name}  ${c.image}${c.ports.length === 0 ? '' : `  :${c.ports.join(', :')}`}`,
      );
    if (pod.containers.length > 1) out.push(`    (${say('map.localhost')})`);
    const v = pod.verdict;
    if (v.kind === 'match') out.push(`    ✓ ${say('map.match')}`);
    if (v.kind === 'miss')
      out.push(
        `    ✗ ${v.has === null ? say('map.missNo', { requirement: v.requirement, key: v.key }) : say('map.missHas', { requirement: v.requirement, has: v.has })}`,
      );
    if (pod.pending !== null) out.push(`    ${pendingText(pod.pending, say)}`);
    return out;
  };
  for (const node of view.nodes) {
    const role = node.controlPlane ? say('map.controlPlane') : say('map.worker');
    lines.push(`node ${node.name} (${role})  IP ${node.ip}  pods ${node.cidr}`);
    lines.push(
      `  ${say('map.text.labels')}: ${[...node.labels, say('map.standardLabels', { count: node.standardLabels })].join(', ')}`,
    );
    for (const taint of node.taints) lines.push(`  ${say('map.taint', { taint })}`);
    const pods = view.pods.filter((p) => p.node === node.name);
    if (pods.length === 0) lines.push(`  ${say('map.noPods')}`);
    for (const pod of pods) lines.push(...podLines(pod));
  }
  const pending = view.pods.filter((p) => p.node === null);
  if (pending.length > 0) {
    lines.push(say('map.pendingArea'));
    for (const pod of pending) lines.push(...podLines(pod));
  }
  if (view.requests.length > 0) {
    lines.push(say('map.text.requests'));
    for (const r of view.requests) {
      const pod = all ? `${r.to.namespace}/${r.to.name}` : r.to.name;
      lines.push(`  ${say('map.requestLine', { from: r.from, pod, port: r.port })}`);
    }
  }
  return lines.join('\n');
}
