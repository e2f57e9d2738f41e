/** The quadratic part: curvature-pair noise against β, per seed, with its closed form. */
import type { RunContext } from '#harness';
import { curvatureNoiseVariance, measureCurvatureNoise, type NoiseSpec } from './noise.js';
import type { Params } from './params.js';
import { names } from './records.js';

export function noiseSpec(p: Params, beta: number): NoiseSpec {
  return {
    dim: p.noise_dim, conditionDecades: p.noise_decades, sigma: p.noise_sigma, beta, period: p.period,
    lr: p.noise_lr, pairs: p.noise_pairs, burnInPairs: p.noise_burn_in_pairs, correlation: p.noise_correlation,
  };
}

export function runNoise(ctx: RunContext<Params>): void {
  const p = ctx.params;
  const betas = [...p.noise_betas].sort((a, b) => a - b);
  for (const [i, seed] of ctx.seeds.entries()) {
    const variances = betas.map((beta) => measureCurvatureNoise(noiseSpec(p, beta), seed).variance);
    ctx.record.curve(names.curvatureNoise, betas, variances, { seed });
    ctx.progress(i + 1, ctx.seeds.length, `curvature noise, seed ${seed}`);
  }
  ctx.record.curve(names.curvatureNoiseTheory, betas, betas.map((beta) => curvatureNoiseVariance(p.noise_sigma, beta, p.period)));
}
