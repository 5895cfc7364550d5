/** Per-sandbox limits: past one, a clear error and nothing changed. */
export const LIMITS = {
  podsPerSandbox: 100,
  containersPerPod: 10,
  namespacesPerSandbox: 20,
  savedFiles: 50,
  manifestBytes: 64 * 1024,
  messageBytes: 256 * 1024,
} as const;
