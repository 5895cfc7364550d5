/**
 * The kubelet's stages for one container, as data (kuberuntime, images, flowcontrol.Backoff).
 * Each row reads as a sentence; `schedule.ts` is the arithmetic that follows them.
 *
 * - bound → the pod sandbox (network namespace) is ready and the first pull starts after `sandboxMs`;
 * - pulled → created after `createMs` → started after `startMs`; the next container is handled
 *   once this one started (or its pull failed);
 * - exited under Always (or OnFailure after a failure) → restarted at the next sync, `syncMs`
 *   later: at once the first time; each later restart waits a back-off that doubles from
 *   `backoffStartMs` to `backoffCapMs` and is reset when the run lasted more than
 *   `backoffResetMs`. While backing off, the pod worker re-syncs every `resyncMs` and each sync
 *   reports "Back-off";
 * - pull failed after `pullFailMs` → retried on the same back-off, first `backoffStartMs`;
 * - `imagePullPolicy: Never` and the image is not on the node → every `resyncMs` says so again.
 */
export const TIMING = {
  sandboxMs: 900,
  createMs: 100,
  startMs: 150,
  pullFailMs: 1200,
  syncMs: 1000,
  resyncMs: 10_000,
  backoffStartMs: 10_000,
  backoffCapMs: 300_000,
  /** flowcontrol.Backoff forgets an entry not updated for twice the cap. */
  backoffResetMs: 600_000,
} as const;

/** The back-off before the `n`th restart after the back-off was (re)armed (n >= 1): 10 s, 20 s ... 5 min. */
export const backoffMs = (n: number): number =>
  n > 6 ? TIMING.backoffCapMs : Math.min(TIMING.backoffStartMs * 2 ** (n - 1), TIMING.backoffCapMs);
