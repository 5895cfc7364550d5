/**
 * How long a repeat pull takes: it only checks the manifest and finds every layer, so well under
 * a second or so. A stable mix of the pod's uid, the container and the pull's number, so a pod
 * always shows the same times. The draws repeat every `PULL_CYCLE` pulls, which keeps a long
 * crash loop's timeline computable in closed form (prefix sums of one cycle).
 */
export const PULL_CYCLE = 64;

export function repeatPullMs(seed: number, index: number, pull: number): number {
  const n = pull === 0 ? 0 : ((pull - 1) % PULL_CYCLE) + 1;
  let h = seed ^ Math.imul(index + 1, 0x9e3779b1) ^ Math.imul(n + 1, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return 380 + (((h ^ (h >>> 16)) >>> 0) % 900);
}

/** FNV-1a of the pod's uid. */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}
