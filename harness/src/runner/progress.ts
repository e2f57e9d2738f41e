/**
 * Progress lines on stderr for long runs: nothing for the first second (quick runs stay quiet),
 * then at most one line per second, and the final 100% once something was shown.
 */
export interface ProgressSink {
  (done: number, total: number, label?: string): void;
}

export function progressPrinter(prefix: string, write: (line: string) => void = (l) => process.stderr.write(`${l}\n`), intervalMs = 1000): ProgressSink {
  let last = Date.now();
  let shown = false;
  return (done, total, label) => {
    const now = Date.now();
    const finished = done >= total;
    if (now - last < intervalMs && !(finished && shown)) return;
    last = now;
    shown = true;
    const pct = total > 0 ? Math.round((100 * done) / total) : 100;
    write(`${prefix} ${String(pct).padStart(3)}%${label ? ` ${label}` : ''}`);
  };
}
