/**
 * D2 through ctx.record: PCA-sign clustering accuracy against dimension, per trial, beside the
 * BBP closed form, and the per-regime numbers claim `clustering-degrades-with-dimension` reads.
 */
import type { RunContext } from '#harness';
import { bayesAccuracy, pcaClusteringAccuracy } from './closed-forms.js';
import { accuracyVsDimensionFigure } from './figures.js';
import { syntheticNames } from './names.js';
import type { Params } from './params.js';
import { pcaSignTrial, SYNTHETIC_DIMS, SYNTHETIC_N, TRANSITION_DIM } from './synthetic.js';

export function runSynthetic(ctx: RunContext<Params>, base: number): void {
  const p = ctx.params;
  const n = SYNTHETIC_N;
  const theory = SYNTHETIC_DIMS.map((d) => pcaClusteringAccuracy(p.synthetic_mu_norm, d, n));
  ctx.record.curve('pca-accuracy-theory', SYNTHETIC_DIMS, theory);
  const total = SYNTHETIC_DIMS.reduce((s, d) => s + trialsAt(p, d), 0);
  let done = 0;
  SYNTHETIC_DIMS.forEach((d, k) => {
    for (let i = 0; i < trialsAt(p, d); i++) {
      const seed = base + i;
      const tag = { seed };
      const { accuracy, overlap } = pcaSignTrial(seed, d, n, p.synthetic_mu_norm, p.synthetic_labelled);
      ctx.record.point('pca-accuracy', d, accuracy, tag);
      ctx.record.point('pca-overlap-squared', d, overlap, tag);
      ctx.record.scalar(syntheticNames.accuracy(d), accuracy, tag);
      ctx.record.scalar(syntheticNames.gap(d), accuracy - theory[k], tag);
      if (d === 2) ctx.record.scalar(syntheticNames.bayesExcess, accuracy - bayesAccuracy(p.synthetic_mu_norm), tag);
      if (++done % 10 === 0 || done === total) ctx.progress(done, total, `D2 d = ${d}, trial ${seed}`);
    }
  });
  ctx.record.figure(accuracyVsDimensionFigure(ctx.record.series('pca-accuracy'), p.synthetic_mu_norm, n));
}

/** Trials at dimension d: `transition_seeds` at d = TRANSITION_DIM (widest spread, next to the BBP transition), else `synthetic_seeds`. */
export function trialsAt(p: Pick<Params, 'synthetic_seeds' | 'transition_seeds'>, d: number): number {
  return d === TRANSITION_DIM ? p.transition_seeds : p.synthetic_seeds;
}
