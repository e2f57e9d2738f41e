/**
 * Runs one reproduction in this process: validates every variant's params before any work,
 * runs each variant once, then decides every claim and its control on the recorded data.
 */
import type { ClaimDef } from '../claims/claim.js';
import { allowedKeysOf, rawSection, validateSection, type ParamsFile } from '../params/load.js';
import { ParamsError, didYouMean } from '../params/errors.js';
import { Recorder, seriesRows } from '../record/recorder.js';
import type { AnyReproduction, BaseParams } from '../reproduction/define.js';
import { verdictSeeds } from '../reproduction/seeds.js';
import type { ClaimResult, FigureResult, MetricsFile, VerdictsFile } from '../types.js';
import { RESULTS_VERSION } from '../types.js';
import { claimResult, type RunOutcome } from './decide.js';
import { runsProgress } from './progress.js';
import type { WorkerPool } from './pool.js';
import { runVariant, type VariantResult, type VariantTask } from './variant.js';
import { controlOverrides, claimOverrides, planVariants, stableJson, variantOf, type Variant } from './variants.js';

type AnyParams = BaseParams & Record<string, unknown>;

export interface ExecuteOptions {
  params: ParamsFile;
  /** Shifts every seed, for `repro verify --seeds`: seeds become base, base+1, ... */
  seedBase?: number;
  backend: string;
  log?: (line: string) => void;
  /** Worker processes to run the variants in (see pool.ts); without one they run here, one by one. */
  pool?: WorkerPool;
  root?: string;
}

async function serially<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (const item of items) out.push(await fn(item));
  return out;
}

export type SeriesRows = Record<string, { x: number; y: number; seed: string }[]>;

export interface ExecuteOutput {
  verdicts: VerdictsFile;
  metrics: MetricsFile;
  /**
   * Per variant: label, seconds, and rows of every series for DVC plots; series that hold times
   * measured on this machine (recorded with `timed: true`) apart, for the volatile timing.json.
   */
  runs: { variant: Variant; seconds: number; error: string | null; leakedTensors: number; series: SeriesRows; timedSeries: SeriesRows }[];
  seeds: number[];
  sectionParams: Record<string, unknown>;
}

/** The distinct runs a reproduction needs, each with its validated params. */
export interface ExecutionPlan {
  base: AnyParams;
  keyOf: Map<string, string>;
  variants: { variant: Variant; params: AnyParams }[];
}

/**
 * Validates the profile's block and every claim's and control's overrides (pure, fast): called
 * before any worker process starts loading TensorFlow, so a params mistake is reported at once.
 */
export function planExecution(def: AnyReproduction, params: ParamsFile): ExecutionPlan {
  const prefix = `papers.${def.id}.${params.profile}`;
  const raw = rawSection(params, def.id, []);
  const base = validateSection(def.params, raw, params.file, prefix) as AnyParams;
  const allowed = allowedKeysOf(def.params);
  // Fail fast: every claim's and control's overrides must be valid before the first run. Runs are
  // keyed by their effective params, so an override equal to the default shares the default run.
  const keyOf = new Map<string, string>();
  const variants: { variant: Variant; params: AnyParams }[] = [];
  for (const variant of planVariants(def.claims)) {
    const validated = validateOverrides(def, variant, raw, allowed, params.file, prefix) as AnyParams;
    const key = stableJson(validated);
    keyOf.set(variant.key, key);
    if (!variants.some((v) => stableJson(v.params) === key)) variants.push({ variant, params: validated });
  }
  return { base, keyOf, variants };
}

export async function execute(def: AnyReproduction, options: ExecuteOptions): Promise<ExecuteOutput> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const { base, keyOf, variants } = planExecution(def, options.params);

  const seedBase = options.seedBase ?? 0;
  const tasks: VariantTask[] = variants.map(({ variant, params }, index) => ({
    params,
    seeds: verdictSeeds(params.seeds, seedBase),
    profile: options.params.profile,
    root: options.root ?? process.cwd(),
    tag: `[${def.id}] run ${index + 1}/${variants.length} (${variant.label})`,
  }));
  const finished = runsProgress(def.id, tasks.length, log);
  const results: VariantResult[] = options.pool
    ? await options.pool.run(tasks, finished)
    : await serially(tasks, async (task) => {
        const result = await runVariant(def, task, log);
        finished();
        return result;
      });

  const outcomes = new Map<string, RunOutcome>();
  const runs: ExecuteOutput['runs'] = [];
  const figures: FigureResult[] = [];
  for (const [index, { variant, params }] of variants.entries()) {
    const { record: json, error, seconds, leakedTensors } = results[index];
    const record = json ? Recorder.fromJSON(json) : new Recorder();
    outcomes.set(stableJson(params), error === null ? { ok: true, record } : { ok: false, error });
    if (index === 0) figures.push(...record.figures);
    const timed = new Set(record.timedSeries());
    const rowsOf = (names: string[]): SeriesRows => Object.fromEntries(names.map((n) => [n, seriesRows(record, n)]));
    const names = record.names().series;
    runs.push({ variant, seconds, error, leakedTensors, series: rowsOf(names.filter((n) => !timed.has(n))), timedSeries: rowsOf(names.filter((n) => timed.has(n))) });
  }
  const outcomeOf = (overrides: Record<string, unknown>) => outcomes.get(keyOf.get(variantOf(overrides).key)!)!;

  const claims: ClaimResult[] = def.claims.map((c: ClaimDef<unknown>) =>
    claimResult(c, outcomeOf(claimOverrides(c)), outcomeOf(controlOverrides(c))),
  );
  const verdicts: VerdictsFile = { version: RESULTS_VERSION, reproduction: def.id, paper: def.paper, profile: options.params.profile, backend: options.backend, claims, figures };
  return { verdicts, metrics: metricsOf(claims), runs, seeds: tasks[0].seeds, sectionParams: base as Record<string, unknown> };
}

function validateOverrides(def: AnyReproduction, variant: Variant, raw: Record<string, unknown>, allowed: string[], file: string, prefix: string) {
  const unknown = Object.keys(variant.overrides).filter((k) => !allowed.includes(k));
  const owners = def.claims.filter((c) => variantOf(claimOverrides(c)).key === variant.key || variantOf(controlOverrides(c)).key === variant.key).map((c) => c.id);
  if (unknown.length) {
    throw new ParamsError(`reproductions/${def.id}/index.ts`, unknown.map((k) => `claim ${owners.join(', ')}: override '${k}' is not a param (allowed: ${allowed.join(', ')}).${didYouMean(k, allowed)}`));
  }
  const where = variant.label === 'default' ? prefix : `${prefix} with overrides {${variant.label}} of claim ${owners.join(', ')}`;
  return validateSection(def.params, { ...raw, ...variant.overrides }, file, where);
}

/** The first claim's statistic, skipping timed claims: metrics.json is hashed and must not hold a time. */
function headlineStatistic(claims: readonly ClaimResult[]): number | null {
  const first = claims.find((c) => !c.timed);
  return first && first.statistic !== null && Number.isFinite(first.statistic) ? first.statistic : null;
}

export function metricsOf(claims: readonly ClaimResult[]): MetricsFile {
  const verdicts = { pass: 0, fail: 0, inconclusive: 0, error: 0 };
  for (const c of claims) verdicts[c.verdict]++;
  const controls = claims.filter((c) => c.control);
  return {
    verdicts,
    controls_as_expected: controls.filter((c) => c.control!.expected).length,
    controls_total: controls.length,
    headline_statistic: headlineStatistic(claims),
  };
}
