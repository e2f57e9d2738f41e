/**
 * The order in which a pool's workers take a reproduction's runs. Longest first (the LPT rule): a
 * long run that starts last leaves the other workers idle while it finishes, so on two cores the
 * order alone moves a paper's wall time by seconds. How long a run takes is known only from a
 * previous run of the same paper, the `runs` of its run-facts.json; runs never seen before go
 * first, in plan order, since they may be the long ones. Results are merged by plan index, so the
 * order changes nothing but the wall time.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PlannedRun } from './plan.js';
import { stableJson } from './stable-json.js';
import { RUN_FACTS_FILE } from './write.js';

/** Seconds of each run of a previous run-facts.json, by stableJson of its overrides. */
export type PreviousSeconds = ReadonlyMap<string, number>;

/**
 * The run seconds a previous `repro run` left in `outDir`/run-facts.json. Empty when there is
 * none or it cannot be read: it is this tool's own record, used only to order work, so a missing
 * or damaged one costs some wall time and nothing else.
 */
export function previousRunSeconds(outDir: string): PreviousSeconds {
  try {
    const facts = JSON.parse(readFileSync(path.join(outDir, RUN_FACTS_FILE), 'utf8')) as { runs?: unknown };
    const seconds = new Map<string, number>();
    if (!Array.isArray(facts.runs)) return seconds;
    for (const run of facts.runs as { params?: unknown; seconds?: unknown }[]) {
      if (run && typeof run === 'object' && typeof run.seconds === 'number' && Number.isFinite(run.seconds) && run.params && typeof run.params === 'object') {
        seconds.set(stableJson(run.params), run.seconds);
      }
    }
    return seconds;
  } catch {
    return new Map();
  }
}

/** Plan indices in the order workers should take them: unseen runs first (plan order), then longest first (pure). */
export function longestFirst(runs: readonly Pick<PlannedRun, 'overrides'>[], previous: PreviousSeconds): number[] {
  const expected = runs.map((run) => previous.get(stableJson(run.overrides)) ?? Infinity);
  // Array.prototype.sort is stable: equal estimates keep plan order.
  return runs.map((_, index) => index).sort((a, b) => expected[b] - expected[a] || a - b);
}
