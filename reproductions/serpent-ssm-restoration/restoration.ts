/**
 * The restoration experiments: SerpentLite (a proxy) and the parameter-matched CNN, each trained on
 * one task for all seeds side by side, then tested by PSNR on one held-out test set.
 */
import type { tf as TF } from '#harness/tf';
import { createRng, deriveSeed } from '#harness/random';
import type { RunContext } from '#harness';
import { analyticCost } from './cost-model.js';
import { BatchStream, cleanSources, samplePairs, STREAM } from './data.js';
import type { Degradation, Task } from './degrade.js';
import { psnrFigure, restorationFigure } from './figures.js';
import { createModels } from './model.js';
import type { Params } from './params.js';
import type { Specs } from './specs.js';
import { restore, testPsnr, train } from './train.js';

type Tf = typeof TF;

export function degradationOf(p: Params, task: Task): Degradation {
  return { task, blurSigma: p.blur_sigma, blurNoise: p.blur_noise, offsetMax: p.offset_max, offsetNoise: p.offset_noise };
}

const SHOWN = 4;
/** Seeds the one test set shared by all seeds (any fixed number; not one of the run's seeds). */
export const TEST_SET_SEED = 20240325;

export function runRestoration(ctx: RunContext<Params>, tf: Tf, specs: Specs, task: Task): void {
  const p = ctx.params;
  const seeds = ctx.seeds;
  const side = p.crop;
  const d = degradationOf(p, task);
  const sources = cleanSources({ realImages: p.real_images, realShare: p.real_share, root: process.cwd() });
  if (p.real_images) ctx.log(`${task}: real sample images for training ${sources.realTrain.join(', ')}; held out for testing ${sources.realTest.join(', ')}`);
  // One test set for every seed (seeds vary the initialization and the training batches), so the
  // paired differences between models are not swamped by which images a seed happened to draw.
  const testSet = samplePairs(createRng(deriveSeed(TEST_SET_SEED, STREAM.test)), d, sources.test, p.test_images, side);
  const tests = seeds.map(() => testSet);
  const steps = task === 'deblur' ? p.deblur_steps : p.offset_steps;
  const restored: Record<'serpent' | 'cnn', Float32Array[][]> = { serpent: [], cnn: [] };
  for (const key of ['serpent', 'cnn'] as const) {
    const models = createModels(tf, specs[key], seeds);
    try {
      const stream = new BatchStream(seeds, d, sources.train, side);
      // Deblurring trains to convergence (the quality claim's rule, fixed before running), capped at deblur_steps.
      const converge = task === 'deblur' ? { window: p.converge_window, tol: p.converge_tol } : undefined;
      const losses = train(tf, models, stream, { steps, batch: p.batch, learningRate: p.learning_rate, side, converge }, (step) => {
        if (step % 25 === 0 || step === steps) ctx.progress(step, steps, `${task}: training ${key}`);
      });
      if (losses.length) ctx.record.curve(`loss-${task}-${key}`, losses.map((_, i) => i + 1), losses);
      ctx.record.scalar(`steps-${task}-${key}`, losses.length);
      ctx.log(`${task}: ${key} trained ${losses.length} steps${converge && losses.length < steps ? ' (converged)' : ''}`);
      restored[key] = restore(tf, models, tests, side);
    } finally {
      models.dispose();
    }
    ctx.record.scalar(`flops-${task}-${key}`, analyticCost(specs[key], side).flops);
  }
  const perSeed: { x: number; y: number; group: string }[] = [];
  seeds.forEach((seed, s) => {
    const serpent = testPsnr(restored.serpent[s], tests[s]);
    const cnn = testPsnr(restored.cnn[s], tests[s]);
    ctx.record.scalar(`psnr-${task}-serpent`, serpent.restored, { seed });
    ctx.record.scalar(`psnr-${task}-cnn`, cnn.restored, { seed });
    ctx.record.scalar(`psnr-${task}-input`, serpent.input, { seed });
    perSeed.push({ x: seed, y: serpent.input, group: 'degraded input' }, { x: seed, y: serpent.restored, group: 'SerpentLite (proxy)' }, { x: seed, y: cnn.restored, group: 'CNN' });
  });
  ctx.record.figure(psnrFigure(`psnr-${task}`, `Test PSNR per seed, ${task}`, perSeed));
  const what = task === 'deblur' ? `deblurring (σ_blur ${p.blur_sigma}, noise ${p.blur_noise})` : `a global unknown offset (|b| ≤ ${p.offset_max}, noise ${p.offset_noise})`;
  ctx.record.figure(restorationFigure(`restored-${task}`, `Test images, ${what}, after ${steps} steps at most`, [
    { label: 'degraded', images: tests[0].slice(0, SHOWN).map((q) => q.degraded) },
    { label: 'SerpentLite', images: restored.serpent[0].slice(0, SHOWN) },
    { label: 'CNN', images: restored.cnn[0].slice(0, SHOWN) },
    { label: 'clean', images: tests[0].slice(0, SHOWN).map((q) => q.clean) },
  ], side, seeds[0]));
}
