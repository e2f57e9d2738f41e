/**
 * A large synthetic results/ for the report's layout tests: a paper the size of the biggest real
 * one (a 200-seed claim, an all-of claim whose second part fails while the first passes, seeds
 * censored at ∞, code-named details, a departing control that expected.json accepts, a dozen
 * claims with charts) and a small second paper. Writes expected.json beside results/.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { perSeedChart, seriesChart } from '../../src/charts/index.js';
import { stringifyResults } from '../../src/results/json.js';
import { RESULTS_VERSION, type ClaimResult, type Evidence } from '../../src/types.js';

export const LARGE_ID = 'large-paper';
export const SMALL_ID = 'small-paper';

/** A deterministic pseudo-random stream (no Math.random: pages must be the same every run). */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return ((s >>> 0) % 1_000_000) / 1_000_000;
  };
}

const seedsOf = (n: number) => Array.from({ length: n }, (_, i) => i);

function evidence(o: Partial<Evidence> & { values: number[] }): Evidence {
  const { values, ...rest } = o;
  const finite = values.filter(Number.isFinite);
  const mean = finite.reduce((s, v) => s + v, 0) / Math.max(1, finite.length);
  return {
    method: `mean over seeds, 95% t interval over n = ${values.length}`,
    statistic: mean,
    ci: [mean - 0.05, mean + 0.05],
    alpha: 0.05,
    threshold: 'mean ≥ 0.5',
    band: { ge: 0.5 },
    n: values.length,
    seeds: seedsOf(values.length),
    perSeed: values.map((value, seed) => ({ seed, value })),
    reason: 'the whole 95% interval is in mean ≥ 0.5',
    ...rest,
  };
}

function curveChart(title: string, seeds: number, r: () => number) {
  const points = seedsOf(seeds).flatMap((s) => Array.from({ length: 40 }, (_, i) => ({ x: 2 ** (i / 4), y: 1 / (1 + i) + 0.02 * r(), group: `seed ${s}` })));
  return seriesChart({ title, xTitle: 'step', yTitle: 'loss', points, mark: 'line', xLog: true, yLog: true });
}

function largeClaims(): ClaimResult[] {
  const r = rng(7);
  const wide = seedsOf(200).map(() => 0.6 + 0.2 * r());
  const many: ClaimResult = {
    id: 'two-hundred-seeds',
    quote: 'The effect holds on every one of many independent runs.',
    kind: 'per-seed',
    why: 'a mean at least 0.5 is the paper’s smallest reported effect',
    params: {},
    verdict: 'pass',
    statistic: 0.7,
    ci: [0.69, 0.71],
    threshold: 'mean ≥ 0.5',
    evidence: evidence({
      values: wide,
      statistic: 0.7,
      ci: [0.69, 0.71],
      details: { pValue: 0.0001, worstR2: 0.93, seedsAboveBand: 200 },
      chart: perSeedChart({ title: 'effect per seed', yTitle: 'effect', values: wide.map((value, seed) => ({ seed, value })), band: { lo: 0.5, label: 'mean ≥ 0.5' } }),
    }),
    control: {
      params: { mechanism: 'weakened' },
      why: 'with the mechanism at a tenth of its strength the effect is below 0.5',
      expect: 'fail',
      verdict: 'fail',
      expected: true,
      evidence: evidence({ values: wide.map((v) => v - 0.5), statistic: 0.2, ci: [0.19, 0.21], reason: 'the whole interval is below 0.5' }),
    },
  };
  const parts = [
    { kind: 'slope', verdict: 'pass' as const, statistic: 0.969, ci: [0.861, 1.077] as [number, number], threshold: 'SerpentLite slope in [0.8, 1.3]', band: { ge: 0.8, le: 1.3 }, method: 'OLS slope, t interval', reason: 'inside', n: 5 },
    { kind: 'slope', verdict: 'fail' as const, statistic: 1.37, ci: [1.2, 1.45] as [number, number], threshold: 'attention slope ≥ 1.5', band: { ge: 1.5 }, method: 'OLS slope, t interval', reason: 'the whole interval is below 1.5', n: 5 },
  ];
  const allOf: ClaimResult = {
    id: 'time-scales-linearly',
    quote: 'Our method’s time grows linearly with the side, attention’s faster than that.',
    kind: 'all-of',
    why: 'linear is slope 1; attention is quadratic in tokens',
    params: {},
    verdict: 'fail',
    statistic: 0.969,
    ci: [0.861, 1.077],
    threshold: 'SerpentLite slope in [0.8, 1.3]',
    evidence: { ...evidence({ values: [0.95, 0.97, 0.99, 0.96, 0.98] }), statistic: 0.969, ci: [0.861, 1.077], threshold: 'SerpentLite slope in [0.8, 1.3]', band: { ge: 0.8, le: 1.3 }, parts, decidedBy: 1, reason: 'part 2 fails' },
    control: {
      params: { attentionInPlace: true },
      why: 'with attention in place of the method, the slope is not linear',
      expect: 'fail',
      verdict: 'inconclusive',
      expected: false,
      evidence: evidence({ values: [1.5, 1.6, 1.4], statistic: 1.53, ci: [1.24, 1.82], threshold: 'slope in [0.8, 1.3]', band: { ge: 0.8, le: 1.3 }, reason: 'the interval straddles 1.3' }),
    },
  };
  const censoredValues = [12, Infinity, Infinity, Infinity, Infinity];
  const censored: ClaimResult = {
    id: 'iteration-speedup',
    quote: 'It reaches the target loss in fewer iterations.',
    kind: 'median-ratio',
    why: 'the paper reports a 2x speed-up',
    params: {},
    verdict: 'inconclusive',
    statistic: 12,
    ci: [2, Infinity],
    threshold: 'speed-up ≥ 1.5',
    evidence: { ...evidence({ values: censoredValues, threshold: 'speed-up ≥ 1.5', band: { ge: 1.5 } }), statistic: 12, ci: [2, Infinity], reason: 'speed-up is infinite for 4 of 5 seeds (1, 2, 3, 4): no finite mean to decide on' },
    control: null,
  };
  const rest: ClaimResult[] = Array.from({ length: 10 }, (_, k) => {
    const values = seedsOf(30).map(() => 0.4 + 0.3 * r());
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const verdict = k % 3 === 0 ? 'inconclusive' : 'pass';
    return {
      id: `claim-${k + 1}`,
      quote: `Claim ${k + 1} of the paper, stated in a sentence of ordinary length about what the method does.`,
      kind: 'mean-within',
      why: 'the paper’s own figure',
      params: { size: 64 * (k + 1) },
      verdict,
      statistic: mean,
      ci: [mean - 0.1, mean + 0.1],
      threshold: 'mean ≥ 0.5',
      evidence: evidence({ values, statistic: mean, ci: [mean - 0.1, mean + 0.1], chart: curveChart(`claim ${k + 1}: loss curves`, 3, r) }),
      control: {
        params: { size: 8 },
        why: 'a model too small for the effect',
        expect: 'fail',
        verdict: 'fail',
        expected: true,
        evidence: evidence({ values: values.map((v) => v - 0.4), statistic: mean - 0.4, ci: [mean - 0.5, mean - 0.3] }),
      },
    };
  });
  return [many, allOf, censored, ...rest];
}

function file(id: string, title: string, claims: ClaimResult[]) {
  return stringifyResults({ version: RESULTS_VERSION, reproduction: id, paper: { title, authors: ['A. Author', 'B. Author'], year: 2026, arxiv: '2401.00001' }, profile: 'smoke', backend: 'cpu', claims, figures: [] });
}

/** Writes `<root>/results/{large-paper,small-paper}/verdicts.json` and `<root>/expected.json`. */
export async function makeLargeResults(root: string): Promise<{ resultsDir: string; expectedPath: string }> {
  const resultsDir = join(root, 'results');
  const large = largeClaims();
  const small = largeClaims().slice(2, 4);
  for (const [id, title, claims] of [[LARGE_ID, 'A Paper With Many Seeds and Many Claims', large], [SMALL_ID, 'A Small Paper', small]] as const) {
    await mkdir(join(resultsDir, id), { recursive: true });
    await writeFile(join(resultsDir, id, 'verdicts.json'), file(id, title, [...claims]));
  }
  const verdicts = (claims: ClaimResult[]) => Object.fromEntries(claims.map((c) => [c.id, c.verdict]));
  const expected = {
    [LARGE_ID]: {
      ...verdicts(large),
      'time-scales-linearly/control': { verdict: 'inconclusive', tolerate: ['inconclusive', 'fail'], why: 'timing on a shared machine: the slope reaches into the band under load' },
    },
    [SMALL_ID]: verdicts(small),
  };
  const expectedPath = join(root, 'expected.json');
  await writeFile(expectedPath, `${JSON.stringify(expected, null, 2)}\n`);
  return { resultsDir, expectedPath };
}
