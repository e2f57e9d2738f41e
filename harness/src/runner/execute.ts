/**
 * Runs one reproduction's planned runs in this process or on a worker pool, each once, then
 * decides every claim and its control on the recorded data.
 */
import { Recorder, seriesRows } from '../record/recorder.js';
import type { AnyReproduction } from '../reproduction/define.js';
import { verdictSeeds } from '../reproduction/seeds.js';
import type { FigureResult, MetricsFile, VerdictsFile } from '../types.js';
import type { RunOutcome } from './decide.js';
import { runsProgress } from './progress.js';
import type { WorkerPool } from './pool.js';
import { runOne, type RunResult, type RunTask } from './one-run.js';
import type { PlannedRun, RunPlan } from './plan.js';
import { decideClaims } from './verdicts.js';
import { longestFirst, type PreviousSeconds } from './schedule.js';

export interface ExecuteOptions {
  /** From planRuns, on the params file's active profile. */
  plan: RunPlan;
  profile: string;
  /** Shifts every seed, for `repro verify --seeds`: seeds become base, base+1, ... */
  seedBase?: number;
  backend: string;
  log?: (line: string) => void;
  /** Worker processes to do the runs in (see pool.ts); without one they run here, one by one. */
  pool?: WorkerPool;
  /** Each run's seconds in a previous run of this paper, to give the pool the longest first (schedule.ts). */
  previousSeconds?: PreviousSeconds;
  root?: string;
}

async function serially<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (const item of items) out.push(await fn(item));
  return out;
}

export type SeriesRows = Record<string, { x: number; y: number; seed: string }[]>;

export interface ExecutedRun {
  run: PlannedRun;
  seconds: number;
  error: string | null;
  leakedTensors: number;
  series: SeriesRows;
  timedSeries: SeriesRows;
}

export interface ExecuteOutput {
  verdicts: VerdictsFile;
  metrics: MetricsFile;
  /**
   * Per planned run: seconds, and rows of every series for DVC plots; series that hold times
   * measured on this machine (recorded with `timed: true`) apart, for the volatile timing.json.
   */
  runs: ExecutedRun[];
  seeds: number[];
  sectionParams: Record<string, unknown>;
}

export async function execute(def: AnyReproduction, options: ExecuteOptions): Promise<ExecuteOutput> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const { plan } = options;

  const seedBase = options.seedBase ?? 0;
  const tasks: RunTask[] = plan.runs.map((run, index) => ({
    params: run.params,
    seeds: verdictSeeds(run.params.seeds, seedBase),
    profile: options.profile,
    root: options.root ?? process.cwd(),
    tag: `[${def.id}] run ${index + 1}/${plan.runs.length} (${run.label})`,
  }));
  const finished = runsProgress(def.id, tasks.length, log);
  const results: RunResult[] = options.pool
    ? await options.pool.run(tasks, finished, longestFirst(plan.runs, options.previousSeconds ?? new Map()))
    : await serially(tasks, async (task) => {
        const result = await runOne(def, task, log);
        finished();
        return result;
      });

  const outcomes = new Map<string, RunOutcome>();
  const runs: ExecutedRun[] = [];
  const figures: FigureResult[] = [];
  for (const [index, run] of plan.runs.entries()) {
    const { record: json, error, seconds, leakedTensors } = results[index];
    const record = json ? Recorder.fromJSON(json) : new Recorder();
    outcomes.set(run.key, error === null ? { ok: true, record } : { ok: false, error });
    if (index === 0) figures.push(...record.figures);
    const timed = new Set(record.timedSeries());
    const rowsOf = (names: string[]): SeriesRows => Object.fromEntries(names.map((n) => [n, seriesRows(record, n)]));
    const names = record.names().series;
    runs.push({ run, seconds, error, leakedTensors, series: rowsOf(names.filter((n) => !timed.has(n))), timedSeries: rowsOf(names.filter((n) => timed.has(n))) });
  }
  const { verdicts, metrics } = decideClaims(def, plan, (run) => outcomes.get(run.key)!, { profile: options.profile, backend: options.backend, figures });
  return { verdicts, metrics, runs, seeds: tasks[0].seeds, sectionParams: plan.base as Record<string, unknown> };
}
