/**
 * Progress lines on stderr for long runs: nothing for the first second (quick runs stay quiet),
 * then at most one line per second, and the final 100% once something was shown.
 */
import { fmtDuration } from '../results/duration.js';

export interface ProgressSink {
  (done: number, total: number, label?: string): void;
}

export function progressPrinter(prefix: string, write: (line: string) => void = (l) => process.stderr.write(`${l}\n`), intervalMs = 1000): ProgressSink {
  const started = Date.now();
  let last = started;
  let shown = false;
  return (done, total, label) => {
    const now = Date.now();
    const finished = done >= total;
    if (now - last < intervalMs && !(finished && shown)) return;
    last = now;
    shown = true;
    const pct = total > 0 ? Math.round((100 * done) / total) : 100;
    write(`${prefix} ${String(pct).padStart(3)}%${label ? ` ${label}` : ''}${finished ? '' : remaining(now - started, done, total)}`);
  };
}

/** ", about 40 s left" from the pace so far (nothing until one step is done). */
export function remaining(elapsedMs: number, done: number, total: number): string {
  if (done <= 0 || done >= total || elapsedMs <= 0) return '';
  return `, about ${fmtDuration(((elapsedMs / done) * (total - done)) / 1000)} left`;
}

/**
 * One line per finished run of a paper, over all its runs (the workers' own lines interleave):
 * "[id] 3 of 5 runs done in 1 m 12 s, about 48 s left".
 */
export function runsProgress(id: string, total: number, write: (line: string) => void): () => void {
  const started = Date.now();
  let done = 0;
  return () => {
    done++;
    if (total < 2) return;
    const elapsed = Date.now() - started;
    write(`[${id}] ${done} of ${total} runs done in ${fmtDuration(elapsed / 1000)}${remaining(elapsed, done, total)}`);
  };
}
