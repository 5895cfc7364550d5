import type { PodPhase } from '../cluster/lifecycle.ts';

/** Every colour and size of the map, in one table: layout and drawing read them from here. */
export const STYLE = {
  width: 1400,
  margin: 24,
  gap: 14,
  padding: 10,
  radius: 6,
  font: { title: 20, heading: 15, body: 12, small: 11 },
  line: { title: 30, heading: 20, body: 16, small: 14 },
  computer: { width: 300 },
  /** A pod box, roomy; past `compactAfter` pods, the compact one (no labels line, slimmer rows). */
  pod: { width: 262, minHeight: 70, line: 16, font: 12, container: 22 },
  compactPod: { width: 188, minHeight: 50, line: 14, font: 11, container: 16 },
  /** Past this many pods a pod box drops its labels line, so 100 pods stay on one readable page. */
  compactAfter: 30,
  /** Arrows drawn for pod-to-pod requests, newest first; older ones are only in the text tree. */
  maxRequestArrows: 12,
  /** How far back a request counts as recent, in sandbox time. */
  recentRequestMs: 15 * 60_000,
  colour: {
    background: '#ffffff',
    ink: '#1f2328',
    muted: '#6e7781',
    computer: { fill: '#fff8e6', stroke: '#bf8700' },
    node: { fill: '#f3f6fa', stroke: '#8c959f', controlPlane: '#eef0f3' },
    pod: { fill: '#ffffff', stroke: '#57606a' },
    container: { fill: '#eaf2ff', stroke: '#8cb4f5' },
    localhost: '#0969da',
    pending: { fill: '#fff1f0', stroke: '#cf222e' },
    label: { fill: '#eef1f4', ink: '#24292f' },
    taint: '#9a6700',
    forward: '#bf8700',
    request: '#8250df',
    match: { stroke: '#1a7f37', fill: '#dafbe1' },
    miss: { ink: '#cf222e', fill: '#f6f8fa' },
  },
  /** Phase colour and the word beside it, so the map reads without colour too. */
  phase: {
    Running: '#1a7f37',
    Pending: '#bf8700',
    Succeeded: '#0969da',
    Failed: '#cf222e',
  } satisfies Record<PodPhase, string>,
  /** A waiting reason that is trouble gets the failure colour even while the phase is Pending. */
  troubleReasons: ['CrashLoopBackOff', 'ErrImagePull', 'ImagePullBackOff', 'Error', 'InvalidImageName'],
} as const;
