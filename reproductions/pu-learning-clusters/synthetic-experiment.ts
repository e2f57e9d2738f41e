/**
 * D2 through ctx.record: PCA-sign clustering accuracy against dimension, per trial, beside the
 * BBP closed form, and the per-regime numbers claim `clustering-degrades-with-dimension` reads.
 */
import type { RunContext } from '../../harness/src/index.js';
import { bayesAccuracy, pcaClusteringAccuracy } from './closed-forms.js';
import { accuracyVsDimensionFigure } from './figures.js';
import { syntheticNames } from './names.js';
import type { Params } from './params.js';
import { pcaSignTrial, SYNTHETIC_DIMS, SYNTHETIC_N } from './synthetic.js';

export function runSynthetic(ctx: RunContext<Params>, trialSeeds: readonly number[]): void {
  const p = ctx.params;
  const n = SYNTHETIC_N;
  const theory = SYNTHETIC_DIMS.map((d) => pcaClusteringAccuracy(p.synthetic_mu_norm, d, n));
  ctx.record.curve('pca-accuracy-theory', SYNTHETIC_DIMS, theory);
  for (const [index, seed] of trialSeeds.entries()) {
    const tag = { seed };
    SYNTHETIC_DIMS.forEach((d, k) => {
      const { accuracy, overlap } = pcaSignTrial(seed, d, n, p.synthetic_mu_norm, p.synthetic_labelled);
      ctx.record.point('pca-accuracy', d, accuracy, tag);
      ctx.record.point('pca-overlap-squared', d, overlap, tag);
      ctx.record.scalar(syntheticNames.accuracy(d), accuracy, tag);
      ctx.record.scalar(syntheticNames.gap(d), accuracy - theory[k], tag);
      if (d === 2) ctx.record.scalar(syntheticNames.bayesExcess, accuracy - bayesAccuracy(p.synthetic_mu_norm), tag);
    });
    ctx.progress(index + 1, trialSeeds.length, `D2 trial ${seed}`);
  }
  ctx.record.figure(accuracyVsDimensionFigure(ctx.record.series('pca-accuracy'), p.synthetic_mu_norm, n));
}
