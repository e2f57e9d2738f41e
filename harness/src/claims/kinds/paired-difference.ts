/**
 * `paired-difference`: method A against method B on the same seeds. The statistic is the mean of
 * per-seed differences A − B with its 95% paired t interval, decided against a band (a strict
 * superiority margin, or an inclusive non-inferiority margin).
 */
import { pairedChart } from '../../charts/index.js';
import { pairedTTest } from '../../stats/index.js';
import { bandText, requireBand, type Band } from '../band.js';
import { requireScalars, type Check } from '../check.js';
import type { RecordView } from '../../record/recorder.js';
import { decideEstimate, identicalArms, nonFiniteOutcome, undecided } from '../decision.js';
import { perSeedEvidence } from '../summarize.js';

export function pairedDifference(a: string, b: string, options: { labels?: [string, string]; yTitle?: string } = {}) {
  const labels = options.labels ?? [a, b];
  return {
    differenceWithin(band: Band): Check {
      requireBand(`pairedDifference('${a}', '${b}')`, band);
      const threshold = `${labels[0]} − ${labels[1]} ${bandText(band)} (mean over seeds, 95% paired t interval)`;
      return {
        kind: 'paired-difference',
        threshold,
        band,
        decide(record) {
          const { pairs, perSeed: differences, base } = pairedEvidence(record, a, b, (x, y) => x - y, threshold, band);
          const finite = pairs.filter((p) => Number.isFinite(p.a) && Number.isFinite(p.b));
          const chart = pairedChart({ title: `${labels[0]} vs ${labels[1]}`, yTitle: options.yTitle ?? 'value', labels, pairs: finite });
          const broken = nonFiniteOutcome(differences, band, `${labels[0]} − ${labels[1]}`);
          if (broken) return undecided(broken.verdict, { ...base, chart, method: 'paired differences', reason: broken.reason });
          if (pairs.length < 2) return undecided('inconclusive', { ...base, chart, method: 'paired t interval', reason: `only ${pairs.length} paired seeds; a paired interval needs at least 2` });
          const result = pairedTTest(pairs.map((p) => p.a), pairs.map((p) => p.b));
          return decideEstimate({
            ...base,
            chart,
            label: `mean ${labels[0]} − ${labels[1]}`,
            estimate: result.estimate,
            interval: { lo: result.lo, hi: result.hi, method: `mean of per-seed differences, paired t interval over n = ${pairs.length}` },
            details: { 'paired t-test p-value': result.pValue, 'seeds where A > B': result.positive, 'seeds where A < B': result.negative },
            degenerate: identicalArms(pairs),
          });
        },
      };
    },
  };
}

/**
 * The two scalars paired by seed, the per-seed values of `combine(a, b)`, and the evidence a
 * paired kind starts from (threshold, band, n, seeds, per-seed values).
 */
export function pairedEvidence(record: RecordView, a: string, b: string, combine: (a: number, b: number) => number, threshold: string, band: Band) {
  const pairs = pairUp(requireScalars(record, a), requireScalars(record, b));
  const perSeed = pairs.map((p) => ({ seed: p.seed, value: combine(p.a, p.b) }));
  return { pairs, perSeed, base: { threshold, band, n: pairs.length, seeds: pairs.map((p) => p.seed), perSeed: perSeedEvidence(perSeed) } };
}

/** The seeds recorded for both scalars, in A's order; non-finite values are kept for the caller to judge. */
export function pairUp(a: { seed: number | null; value: number }[], b: { seed: number | null; value: number }[]) {
  const bySeed = new Map(b.map((v) => [v.seed ?? 0, v.value]));
  return a
    .filter((v) => bySeed.has(v.seed ?? 0))
    .map((v) => ({ seed: v.seed ?? 0, a: v.value, b: bySeed.get(v.seed ?? 0)! }));
}

