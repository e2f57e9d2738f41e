/**
 * Chooses, on tuning seeds only (tuningSeeds: never a verdict seed), the values of the smoke profile that were
 * first set after looking at results: the proxy's assignment rule and the D2 trial counts. Run by hand; it
 * prints what it chose, which is then written into params.yaml with a comment:
 *
 *   node --import tsx reproductions/pu-learning-clusters/tune.ts [digitSeeds=10] [trials=100]
 *
 * Rules, fixed before this script was first run (2026-12-05):
 *  1. assignment: the proxy is trained at the smoke params with each rule on the tuning seeds' digits splits; the
 *     rule with the higher mean test accuracy is chosen; within 0.01 of each other, `nearest` (the plan's literal
 *     VQ) is kept.
 *  2. D2 trial counts: `trials` tuning trials per dimension give each part's mean m and standard deviation s; a
 *     part needs the smallest n ≥ 10 with t(0.975, n − 1)·s/√n ≤ (distance of m to its band's nearest end)/2,
 *     so that its expected 95% interval clears the band's end by its own half-width (about 97.5% power to
 *     decide). synthetic_seeds is the largest need of the parts off the transition (d = 2, 50, 1000 and the
 *     Bayes ceiling), transition_seeds that of d = 250, at least synthetic_seeds and capped at 256 (256 trials
 *     at d = 250 cost about 10 s per run, twice per smoke run with the ||μ|| = 3 control; beyond that the
 *     smoke time would grow past the pipeline's budget, and the part is reported as sized short).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { tuningSeeds } from '#harness';
import { getTf } from '#harness/tf';
import { studentTQuantile } from '#harness/stats';
import { loadDigits } from '#datasets/real';
import { bayesAccuracy, pcaClusteringAccuracy } from './closed-forms.js';
import { predictByCentres } from './digits-experiment.js';
import { params as schema, type Params } from './params.js';
import { makeSplit, PIXELS } from './pu-split.js';
import { accuracy } from './scores.js';
import { pcaSignTrial, SYNTHETIC_DIMS, SYNTHETIC_N, TRANSITION_DIM } from './synthetic.js';
import { createVqPu, disposeVqPu, embed, trainVqPu, type VqPuConfig } from './vq-pu.js';

const TIE = 0.01;
const MIN_TRIALS = 10;
const TRANSITION_CAP = 256;

const digitSeeds = tuningSeeds(Number(process.argv[2] ?? 10));
const trials = tuningSeeds(Number(process.argv[3] ?? 100));
const root = new URL('../..', import.meta.url).pathname;
const file = parse(readFileSync(new URL('../../params.yaml', import.meta.url), 'utf8')) as { papers: Record<string, { smoke: unknown }> };
const smoke = schema.parse(file.papers['pu-learning-clusters'].smoke);
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: readonly number[]) => Math.sqrt(xs.reduce((a, x) => a + (x - mean(xs)) ** 2, 0) / (xs.length - 1));

// Rule 1: the assignment rule.
const tf = await getTf();
const digits = loadDigits(root);
const splits = digitSeeds.map((seed) => makeSplit(digits.images, digits.labels, seed, { testFraction: smoke.test_fraction, labelledCount: smoke.labelled_positives }));
const proxyAccuracy = (assignment: Params['assignment']) => {
  const cfg: VqPuConfig = { ...smoke, quantiseUnlabelled: true, assignment };
  const model = createVqPu(tf, digitSeeds, PIXELS, cfg);
  trainVqPu(tf, model, splits.map((x) => ({ labelled: x.labelled, unlabelled: x.unlabelled, prior: x.prior })), digitSeeds, PIXELS, cfg);
  const test = embed(tf, model, splits.map((x) => x.test), PIXELS);
  disposeVqPu(model);
  return splits.map((x, s) => {
    const predicted = predictByCentres(test.codebooks[s], 0, test.embeddings[s], cfg.embed);
    return { accuracy: accuracy(predicted, x.testY), positiveShare: mean(Array.from(predicted)) };
  });
};
console.log(`tuning seeds ${digitSeeds[0]}..${digitSeeds[digitSeeds.length - 1]} (digits), ${trials.length} D2 trials per dimension`);
const rules = (['nearest', 'prior'] as const).map((rule) => {
  const rs = proxyAccuracy(rule);
  const acc = mean(rs.map((r) => r.accuracy));
  const collapsed = rs.filter((r) => r.positiveShare < 0.05 || r.positiveShare > 0.95).length;
  console.log(`assignment ${rule}: mean test accuracy ${acc.toFixed(3)} (per seed ${rs.map((r) => r.accuracy.toFixed(2)).join(' ')}), ${collapsed}/${rs.length} seeds collapsed onto one codeword`);
  return { rule, acc };
});
const [nearest, prior] = rules;
const assignment = prior.acc > nearest.acc + TIE ? 'prior' : 'nearest';
console.log(`chosen assignment: ${assignment}`);

// Rule 2: the D2 trial counts.
const need = (xs: readonly number[], band: { ge?: number; le?: number }) => {
  const m = mean(xs);
  const s = sd(xs);
  const room = Math.min(band.ge === undefined ? Infinity : m - band.ge, band.le === undefined ? Infinity : band.le - m);
  if (room <= 0) return { m, s, n: Infinity };
  let n = MIN_TRIALS;
  while (n < 100_000 && studentTQuantile(0.975, n - 1) * s / Math.sqrt(n) > room / 2) n++;
  return { m, s, n };
};
const mu = smoke.synthetic_mu_norm;
let offTransition = MIN_TRIALS;
let transition = MIN_TRIALS;
for (const d of SYNTHETIC_DIMS) {
  const theory = pcaClusteringAccuracy(mu, d, SYNTHETIC_N);
  const acc = trials.map((seed) => pcaSignTrial(seed, d, SYNTHETIC_N, mu, smoke.synthetic_labelled).accuracy);
  const parts = d === 1000
    ? [{ label: 'accuracy ≤ 0.6', ...need(acc, { le: 0.6 }) }]
    : [{ label: 'gap in ±0.03', ...need(acc.map((a) => a - theory), { ge: -0.03, le: 0.03 }) }];
  if (d === 2) parts.push({ label: 'Bayes excess ≤ 0.03', ...need(acc.map((a) => a - bayesAccuracy(mu)), { le: 0.03 }) });
  for (const part of parts) {
    console.log(`d = ${d}, ${part.label}: mean ${part.m.toFixed(4)}, sd ${part.s.toFixed(4)}, needs ${part.n} trials`);
    if (d === TRANSITION_DIM) transition = Math.max(transition, part.n);
    else offTransition = Math.max(offTransition, part.n);
  }
}
const chosenTransition = Math.min(TRANSITION_CAP, Math.max(transition, offTransition));
console.log(`chosen synthetic_seeds: ${offTransition}, transition_seeds: ${chosenTransition}${transition > TRANSITION_CAP ? ` (capped: the rule asks ${transition})` : ''}`);
