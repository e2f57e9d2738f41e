/**
 * The result format shared by the runner (which writes it), the report (which renders it)
 * and `repro verify` (which compares it). Plain JSON-serialisable data only.
 */

import { z } from 'zod';

/** How a claim was decided. `inconclusive` is a first-class outcome, not a soft fail. */
export const VerdictSchema = z.enum(['pass', 'fail', 'inconclusive', 'error']);
export type Verdict = z.infer<typeof VerdictSchema>;

export const VERDICTS: readonly Verdict[] = VerdictSchema.options;

/** A Vega-Lite spec, kept opaque here: builders live in `charts/`, validation in tests. */
const ChartSpecSchema = z.record(z.string(), z.unknown());
export type ChartSpec = z.infer<typeof ChartSpecSchema>;

/**
 * Numbers as written: ±∞ and NaN travel as the strings "Infinity", "-Infinity" and "NaN" (JSON has
 * no such numbers) and are read back as numbers; see results/json.ts.
 */
// zod's number() refuses ±∞ and NaN, which are legitimate statistics here (a run that never got there).
const Num = z.custom<number>((v) => typeof v === 'number', { message: 'expected a number (±Infinity and NaN allowed)' });
const Interval = z.tuple([Num, Num]);

/**
 * A pre-registered acceptance region as data: strict ends (`gt`, `lt`) for "more"/"fewer",
 * inclusive ends (`ge`, `le`) for "at least"/"at most". See claims/band.ts.
 */
export const BandSchema = z.object({ gt: Num.optional(), ge: Num.optional(), lt: Num.optional(), le: Num.optional() }).strict();
export type BandData = z.infer<typeof BandSchema>;

/** One condition of a claim that states several (an `all-of`), as decided. */
export const EvidencePartSchema = z.object({
  kind: z.string(),
  verdict: VerdictSchema,
  statistic: Num.nullable(),
  ci: Interval.optional(),
  threshold: z.string(),
  band: BandSchema.optional(),
  method: z.string(),
  reason: z.string(),
  n: z.number(),
});
export type EvidencePart = z.infer<typeof EvidencePartSchema>;

/** Everything a reviewer needs to re-derive a verdict by hand. */
export const EvidenceSchema = z.object({
  /** How the statistic and its interval were computed, e.g. "mean over seeds, t interval over n = 5". */
  method: z.string(),
  /** The headline number compared with the threshold (null when it could not be computed). */
  statistic: Num.nullable(),
  /** Confidence interval of the statistic, when the method gives one (bounds may be ±∞). */
  ci: Interval.optional(),
  /** Significance level behind `ci` (0.05 for a 95% interval). */
  alpha: z.number().optional(),
  /** The pre-registered threshold in words, e.g. "in [-1.1, -0.9]". */
  threshold: z.string(),
  /** The same threshold as data, for the report and for re-deciding. */
  band: BandSchema.optional(),
  /** Number of observations behind the statistic. */
  n: z.number(),
  /** Seeds the data came from. */
  seeds: z.array(z.number()),
  /** The statistic computed seed by seed, for the spread shown in the report. */
  perSeed: z.array(z.object({ seed: z.number(), value: Num.nullable() })).optional(),
  /** One sentence: why this verdict follows from the numbers. */
  reason: z.string(),
  /** Secondary figures (R², p-values, sub-statistics). */
  details: z.record(z.string(), z.union([Num, z.string(), z.boolean(), z.null()])).optional(),
  /** For a claim of several conditions: each part as decided, and the index of the one that decided. */
  parts: z.array(EvidencePartSchema).optional(),
  decidedBy: z.number().int().nonnegative().optional(),
  /**
   * Set when the data cannot show a test's power: both arms bit-identical, or every seed's value
   * the same. A control with this mark exercises the code path, not the claim.
   */
  degenerate: z.string().optional(),
  /** The evidence chart: data, fit and threshold. */
  chart: ChartSpecSchema.optional(),
  /** Further evidence charts, e.g. one per part of an `all-of` claim. */
  moreCharts: z.array(ChartSpecSchema).optional(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const ControlResultSchema = z.object({
  /** What was changed for the control run (merged over the claim's params). */
  params: z.record(z.string(), z.unknown()),
  why: z.string(),
  expect: VerdictSchema,
  verdict: VerdictSchema,
  /** verdict === expect. Derived when read (results/read.ts): a file cannot claim it. */
  expected: z.boolean(),
  evidence: EvidenceSchema,
});
export type ControlResult = z.infer<typeof ControlResultSchema>;

export const ClaimResultSchema = z.object({
  id: z.string(),
  /** The sentence of the paper under test. */
  quote: z.string(),
  /** The claim kind that decided it (`power-law`, `paired-difference`, ...). */
  kind: z.string(),
  /** Why the threshold is what it is (paper or theory). */
  why: z.string(),
  /** Params this claim's run used on top of the profile's (empty for the main run). */
  params: z.record(z.string(), z.unknown()),
  verdict: VerdictSchema,
  statistic: Num.nullable(),
  ci: Interval.optional(),
  threshold: z.string(),
  evidence: EvidenceSchema,
  control: ControlResultSchema.nullable(),
  /** Free-form caveat shown beside the verdict (proxy, scale, report-only). */
  note: z.string().optional(),
  /**
   * The statistic is a time measured on the machine that ran it: verdicts.json keeps the verdict,
   * and its numbers live in the volatile sidecar timing.json (results/timing.ts).
   */
  timed: z.literal(true).optional(),
});
export type ClaimResult = z.infer<typeof ClaimResultSchema>;

export const PaperMetaSchema = z.object({
  title: z.string(),
  authors: z.array(z.string()),
  year: z.number(),
  arxiv: z.string().optional(),
  url: z.string().optional(),
  code: z.string().optional(),
});
export type PaperMeta = z.infer<typeof PaperMetaSchema>;

export const FigureResultSchema = z.object({
  id: z.string(),
  title: z.string(),
  caption: z.string().optional(),
  chart: ChartSpecSchema,
  /** Plots a time measured on this machine: kept in timing.json, not in verdicts.json. */
  timed: z.literal(true).optional(),
});
export type FigureResult = z.infer<typeof FigureResultSchema>;

/** The version of the results format written here; readers reject any other. */
export const RESULTS_VERSION = 2;

export const VerdictsFileSchema = z.object({
  /** RESULTS_VERSION at the time of writing. */
  version: z.literal(RESULTS_VERSION),
  reproduction: z.string(),
  paper: PaperMetaSchema,
  profile: z.string(),
  backend: z.string(),
  claims: z.array(ClaimResultSchema),
  /** Extra figures a reproduction contributes (image grids, heat maps). */
  figures: z.array(FigureResultSchema),
});
export type VerdictsFile = z.infer<typeof VerdictsFileSchema>;

export interface VerdictCounts {
  pass: number;
  fail: number;
  inconclusive: number;
  error: number;
}

export interface MetricsFile {
  verdicts: VerdictCounts;
  controls_as_expected: number;
  controls_total: number;
  /**
   * The paper's headline figure: the statistic of its first claim (null when that claim has none).
   * Per-claim statistics are in verdicts.json; metrics.json stays a few columns per paper so that
   * `dvc metrics show` and `dvc exp show` fit a terminal.
   */
  headline_statistic: number | null;
}

/**
 * results/<id>/provenance.json, a DVC output: what produced the result and is the same wherever
 * the same code, params and data run on the same backend. What varies from run to run (git state,
 * machine, dates, timings) is in RunFacts; the loader merges the two, so the optional fields below
 * are present when results/<id>/run-facts.json is.
 */
export interface Provenance {
  reproduction: string;
  profile: string;
  backend: string;
  backendNote?: string;
  git?: { rev: string | null; dirty: boolean | null };
  versions: Record<string, string>;
  machine?: { cpu: string; cores: number; memoryGiB: number; platform: string; gpu?: string | null };
  seeds: number[];
  params: Record<string, unknown>;
  startedAt?: string;
  durationSeconds?: number;
  /** How the run used the machine: worker processes at once (a run fact), and compute threads in each. */
  compute?: { jobs?: number; threadsPerProcess: number };
  /** One entry per distinct run: its overrides, tensors it left undisposed, error if any (wall time: a run fact). */
  runs: { params: Record<string, unknown>; seconds?: number; leakedTensors?: number; error?: string }[];
  /** sha256 (hex) of verdicts.json's bytes, written with it; `repro verify` checks it. */
  verdictsSha256?: string;
}

/**
 * results/<id>/run-facts.json: the volatile side of a run (when, where, how long), which differs
 * between two runs of the same code, params and data. DVC does not hash it (.dvcignore), so the
 * hashed outputs stay byte-identical across machines and the run cache can serve any of them; a
 * result restored from DVC's cache has no run facts.
 */
export interface RunFacts {
  reproduction: string;
  git: { rev: string | null; dirty: boolean | null };
  machine: { cpu: string; cores: number; memoryGiB: number; platform: string; gpu?: string | null };
  startedAt: string;
  durationSeconds: number;
  jobs?: number;
  /** Wall time of each distinct run, in the order of Provenance.runs. */
  runs: { params: Record<string, unknown>; seconds: number }[];
}
