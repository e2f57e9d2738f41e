/**
 * The experiment: per seed, get the three trained models (training/, cached by their specs),
 * evaluate them on the seed's held-out digits (evaluate.ts) and record what the claims read.
 * Per-image numbers are tagged with a unit id (seed index × test_images + image), so the paired
 * claims pair the same image across methods; `seed` in those records names that image.
 */
import { getTf } from '#harness/tf';
import type { RunContext } from '#harness';
import { loadSplit } from './digits.js';
import { evaluateSeed } from './evaluate.js';
import { calibrationFigure, qualityFigure, reconstructionFigure, startStepsFigure, trainingFigure } from './figures.js';
import type { Params } from './params.js';
import { ddimGrid, pureNoiseStart } from './schedule.js';
import { runStore, seedModels } from './training/pipeline.js';
import { scheduleSpecOf } from './training/specs.js';

export async function run(ctx: RunContext<Params>): Promise<void> {
  const p = ctx.params;
  const tf = await getTf();
  const grid = ddimGrid(scheduleSpecOf(p), p.ddim_steps);
  const N = p.ddim_steps;
  for (const [index, seed] of ctx.seeds.entries()) {
    const models = await seedModels(p, seed, ctx.root, runStore(ctx.log));
    ctx.progress(index + 0.5, ctx.seeds.length, `seed ${seed}: models ready`);
    const test = loadSplit(ctx.root, p.test_images, seed).test;
    const e = evaluateSeed(tf, p, grid, seed, models, test);
    const tag = { seed };
    const unit = (i: number) => ({ seed: index * p.test_images + i });

    ctx.record.curve('severity-vs-level', e.levels, e.predicted, tag);
    e.calibration.forEach((b, k) => ctx.record.scalar(`calibration-ratio-bin-${k + 1}`, b.ratio, tag));
    e.ordering.forEach((a, i) => ctx.record.scalar('ordering-accuracy', a, unit(i)));
    e.adaptive.steps.forEach((k, i) => ctx.record.scalar('start-fraction', k / N, unit(i)));
    ctx.record.curve('steps-vs-level', e.levels, e.adaptive.steps, tag);
    for (const [name, r] of [['adaptive', e.adaptive], ['baseline', e.baseline], ['fixed', e.fixed], ['estimate', e.estimate]] as const) {
      r.mse.forEach((v, i) => ctx.record.scalar(`mse-${name}`, v, unit(i)));
    }
    ctx.record.curve('quality-fixed-start', e.curve.map((c) => c.steps), e.curve.map((c) => c.mse), tag);
    const histories = { autoencoder: models.autoencoder.history, 'severity encoder': models.severity.history, 'ε-network': models.diffusion.history };
    ctx.record.curve('loss-autoencoder', histories.autoencoder.map((_, i) => i), histories.autoencoder, tag);
    ctx.record.curve('loss-severity-encoder', histories['severity encoder'].map((_, i) => i), histories['severity encoder'], tag);
    ctx.record.curve('loss-diffusion', histories['ε-network'].map((_, i) => i), histories['ε-network'], tag);
    if (index === 0) {
      ctx.record.figure(startStepsFigure(e, N));
      ctx.record.figure(qualityFigure(e, N, pureNoiseStart(grid, p.noise_correction)));
      ctx.record.figure(calibrationFigure(e));
      ctx.record.figure(reconstructionFigure(e, test, p.grid_images, seed));
      ctx.record.figure(trainingFigure(histories, { autoencoder: p.ae_steps, 'severity encoder': p.sev_steps, 'ε-network': p.ddpm_steps }));
    }
    const meanOf = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    ctx.log(`seed ${seed}: mean steps ${meanOf(e.adaptive.steps).toFixed(1)}/${N}; MSE adaptive ${meanOf(e.adaptive.mse).toFixed(4)}, baseline ${meanOf(e.baseline.mse).toFixed(4)}, fixed ${meanOf(e.fixed.mse).toFixed(4)}, D(ẑ) ${meanOf(e.estimate.mse).toFixed(4)}`);
    ctx.progress(index + 1, ctx.seeds.length, `seed ${seed}`);
  }
}
