/** Per-sandbox limits: past one, a clear error and nothing changed. */
export const LIMITS = {
  podsPerSandbox: 100,
  containersPerPod: 10,
  namespacesPerSandbox: 20,
  savedFiles: 50,
  manifestBytes: 64 * 1024,
  /** What a client-side JSON patch's copies may add (kubectl's process sets the library no limit). */
  clientJsonPatchCopyBytes: 1 << 20,
  messageBytes: 256 * 1024,
  /** URLs one curl command fetches; past it, the rest are left out and the member is told. */
  urlsPerCommand: 100,
  /** Requests a pod keeps for its log (the most recent; older ones fall off, as log rotation does). */
  requestsPerPod: 100,
  /** How far one `kubectl wait` may move the sandbox's clock (kubectl itself accepts any --timeout). */
  waitFastForwardMs: 3_600_000,
  /** All of a sandbox's stored objects, forwards and files together (JSON bytes). */
  sandboxBytes: 2 * 1024 * 1024,
} as const;
