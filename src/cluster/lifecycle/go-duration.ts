/** Go's time.Duration String() for whole milliseconds: "10s", "5m0s", "645ms", "2.1s", "1m2.5s". */
export function goDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const minutes = Math.floor(ms / 60_000);
  const rest = ms - minutes * 60_000;
  const seconds = `${Math.floor(rest / 1000)}${
    rest % 1000 === 0
      ? ''
      : `.${String(rest % 1000)
          .padStart(3, '0')
          .replace(/0+$/, '')}`
  }s`;
  return minutes === 0 ? seconds : `${minutes}m${seconds}`;
}
