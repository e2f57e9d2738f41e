/**
 * The result format shared by the runner (which writes it), the report (which renders it)
 * and `repro verify` (which compares it). Plain JSON-serialisable data only.
 */

/** How a claim was decided. `inconclusive` is a first-class outcome, not a soft fail. */
export type Verdict = 'pass' | 'fail' | 'inconclusive' | 'error';

export const VERDICTS: readonly Verdict[] = ['pass', 'fail', 'inconclusive', 'error'];

/** A Vega-Lite spec, kept opaque here: builders live in `charts/`, validation in tests. */
export type ChartSpec = Record<string, unknown>;

/** Everything a reviewer needs to re-derive a verdict by hand. */
export interface Evidence {
  /** How the statistic was computed, e.g. "OLS slope of log y on log x, 95% t interval". */
  method: string;
  /** The headline number compared with the threshold (null when it could not be computed). */
  statistic: number | null;
  /** Confidence interval of the statistic, when the method gives one. */
  ci?: [number, number];
  /** Significance level behind `ci` (0.05 for a 95% interval). */
  alpha?: number;
  /** The pre-registered threshold in words, e.g. "in [-1.1, -0.9]". */
  threshold: string;
  /** Number of observations behind the statistic. */
  n: number;
  /** Seeds the data came from. */
  seeds: number[];
  /** The statistic computed seed by seed, for the spread shown in the report. */
  perSeed?: { seed: number; value: number | null }[];
  /** One sentence: why this verdict follows from the numbers. */
  reason: string;
  /** Secondary figures (R², p-values, sub-statistics). */
  details?: Record<string, number | string | boolean | null>;
  /** The evidence chart: data, fit and threshold. */
  chart?: ChartSpec;
  /** Further evidence charts, e.g. one per part of an `all-of` claim. */
  moreCharts?: ChartSpec[];
}

export interface ControlResult {
  /** What was changed for the control run (merged over the claim's params). */
  params: Record<string, unknown>;
  why: string;
  expect: Verdict;
  verdict: Verdict;
  /** True when the control came out as `expect`: the claim has power. */
  expected: boolean;
  evidence: Evidence;
}

export interface ClaimResult {
  id: string;
  /** The sentence of the paper under test. */
  quote: string;
  /** The claim kind that decided it (`power-law`, `paired-difference`, ...). */
  kind: string;
  /** Why the threshold is what it is (paper or theory). */
  why: string;
  /** Params this claim's run used on top of the profile's (empty for the main run). */
  params: Record<string, unknown>;
  verdict: Verdict;
  statistic: number | null;
  ci?: [number, number];
  threshold: string;
  evidence: Evidence;
  control: ControlResult | null;
  /** Free-form caveat shown beside the verdict (proxy, scale, report-only). */
  note?: string;
}

export interface PaperMeta {
  title: string;
  authors: string[];
  year: number;
  arxiv?: string;
  url?: string;
  code?: string;
}

export interface FigureResult {
  id: string;
  title: string;
  caption?: string;
  chart: ChartSpec;
}

export interface VerdictsFile {
  reproduction: string;
  paper: PaperMeta;
  profile: string;
  backend: string;
  claims: ClaimResult[];
  /** Extra figures a reproduction contributes (image grids, heat maps). */
  figures: FigureResult[];
}

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
  /** Headline figures, one per claim: `<claim-id>` -> statistic. */
  statistics: Record<string, number | null>;
}

export interface Provenance {
  reproduction: string;
  profile: string;
  backend: string;
  backendNote?: string;
  git: { rev: string | null; dirty: boolean | null };
  versions: Record<string, string>;
  machine: { cpu: string; cores: number; memoryGiB: number; platform: string; gpu?: string | null };
  seeds: number[];
  params: Record<string, unknown>;
  startedAt: string;
  durationSeconds: number;
  /** How the run used the machine: worker processes at once, and compute threads in each. */
  compute?: { jobs: number; threadsPerProcess: number };
  /** One entry per distinct run: its overrides, wall time, tensors it left undisposed, error if any. */
  runs: { params: Record<string, unknown>; seconds: number; leakedTensors?: number; error?: string }[];
  /** sha256 (hex) of verdicts.json's bytes, written with it; `repro verify` checks it. */
  verdictsSha256?: string;
}
