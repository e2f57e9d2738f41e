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
