/**
 * The nonlinear proxy: small convolutional denoisers trained on patches of real images (the
 * shared `datasets` stage), by standard training and by jittering at the level the linear
 * theory gives for the patches' signal energy, then attacked by PGD at ζ = nl_attack_zeta.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import type { RunContext } from '#harness';
import { imageGridChart, type GridImage } from '#harness/charts';
import { createRng, deriveSeed } from '#harness/random';
import type { SampleImage } from '#datasets/real';
import { GaussianStream } from './gaussian.js';
import { memo } from './memo.js';
import { attackDenoiser, initialWeights, trainDenoiser, type AttackResult, type DenoiserWeights } from './nonlinear.js';
import type { Params } from './params.js';
import { patchSource, samplePatches, signalEnergy, type PatchSource } from './patches.js';
import { optimalJitterVariance } from './theory.js';

type Tf = typeof tfc;

/** The bottom rows of each 128 x 128 image are held out for testing. */
const TEST_ROWS = 32;
/** Seed of the fixed test split (not shifted with the run's seeds). */
const TEST_SEED = 33;
/** Crops shown in the image grid (from the held-out rows). */
const SHOWN = ['camera', 'astronaut', 'coins'];

/** σ_w² from the linear theory, with ν = σ²/p for per-pixel signal energy p. */
export function imageJitterVariance(p: Params, energy: number): number {
  const nu = p.nl_noise_std ** 2 / energy;
  return p.jitter_scale ** 2 * energy * optimalJitterVariance(p.nl_jitter_zeta, nu);
}

async function trained(tf: Tf, p: Params, src: PatchSource, seed: number, inputNoiseStd: number): Promise<DenoiserWeights> {
  const options = { steps: p.nl_steps, batch: p.nl_batch, lr: p.nl_lr, inputNoiseStd };
  return memo({ what: 'conv-denoiser', seed, channels: p.nl_channels, patch: p.nl_patch, options }, () =>
    trainDenoiser(tf, src, initialWeights(p.nl_channels, deriveSeed(seed, 32)), options, deriveSeed(seed, 35)));
}

export async function runNonlinear(ctx: RunContext<Params>, tf: Tf, images: SampleImage[]): Promise<void> {
  const p = ctx.params;
  const src = patchSource(images, p.nl_patch, TEST_ROWS);
  const energy = signalEnergy(src, createRng(31));
  const jitterVar = imageJitterVariance(p, energy);
  const pixels = p.nl_patch * p.nl_patch;
  const eps = Math.sqrt(p.nl_attack_zeta * pixels * energy);
  ctx.log(`nonlinear: per-pixel signal energy ${energy.toFixed(4)}, jitter std ${Math.sqrt(jitterVar).toFixed(4)}, attack radius ${eps.toFixed(3)} per ${p.nl_patch}x${p.nl_patch} patch`);
  const seeds = ctx.seeds.slice(0, p.nl_seeds);
  const arms = { standard: p.nl_noise_std, jitter: Math.sqrt(p.nl_noise_std ** 2 + jitterVar) };
  let shownWeights: Record<string, DenoiserWeights> | null = null;
  // One fixed test split (held-out patches and their noise) for every seed: the paired differences
  // then vary only with training (initialisation, patches and noise seen), not with the test draw.
  const x = samplePatches(src, 'test', p.nl_test_patches, createRng(TEST_SEED));
  const z = new GaussianStream(TEST_SEED + 1).fill(new Float32Array(x.length), p.nl_noise_std);
  const y = x.map((v, i) => v + z[i]);
  for (const [index, seed] of seeds.entries()) {
    const weights: Record<string, DenoiserWeights> = {};
    for (const [name, std] of Object.entries(arms)) {
      weights[name] = await trained(tf, p, src, seed, std);
      const attacked = await attackDenoiser(tf, weights[name], x, y, [p.nl_test_patches, p.nl_patch, p.nl_patch], eps, p.pgd_iters, p.pgd_step);
      const mse = attacked.perSample.reduce((s, v) => s + v, 0) / attacked.perSample.length;
      ctx.record.scalar(`nl-wc-mse-${name}`, mse, { seed });
    }
    shownWeights ??= weights;
    ctx.progress(index + 1, seeds.length, `nonlinear seed ${seed}`);
  }
  if (shownWeights) await imageFigure(ctx, tf, src, shownWeights, energy);
}

/** A few held-out 32x32 crops: clean, noisy, and each denoiser's output without and under attack. */
async function imageFigure(ctx: RunContext<Params>, tf: Tf, src: PatchSource, weights: Record<string, DenoiserWeights>, energy: number): Promise<void> {
  const p = ctx.params;
  const size = 32;
  const images: GridImage[] = [];
  const noise = new GaussianStream(deriveSeed(ctx.seeds[0], 36));
  const eps = Math.sqrt(p.nl_attack_zeta * size * size * energy);
  for (const name of SHOWN) {
    const im = src.images.find((i) => i.name === name);
    if (!im) continue;
    const left = Math.floor((im.width - size) / 2);
    const x = new Float32Array(size * size);
    for (let r = 0; r < size; r++) x.set(im.pixels.subarray((im.height - size + r) * im.width + left, (im.height - size + r) * im.width + left + size), r * size);
    const z = noise.fill(new Float32Array(size * size), p.nl_noise_std);
    const y = x.map((v, i) => v + z[i]);
    const cell = (label: string, values: Float32Array) => images.push({ label, width: size, height: size, pixels: Array.from(values, (v) => Math.min(1, Math.max(0, v))) });
    // Two rows of three per crop (labels must fit under a cell): clean, standard, standard attacked;
    // then noisy, jittered, jittered attacked. The numbers are per-pixel MSEs.
    const mse = (v: number) => v.toFixed(3).replace(/^0/, '');
    const outputs: Record<string, { plain: AttackResult; attacked: AttackResult }> = {};
    for (const arm of ['standard', 'jitter'] as const) {
      outputs[arm] = {
        plain: await attackDenoiser(tf, weights[arm], x, y, [1, size, size], 0, p.pgd_iters, p.pgd_step),
        attacked: await attackDenoiser(tf, weights[arm], x, y, [1, size, size], eps, p.pgd_iters, p.pgd_step),
      };
    }
    const { standard, jitter } = outputs;
    cell(name, x);
    cell(`std ${mse(standard.plain.perSample[0])}`, standard.plain.outputs);
    cell(`std atk ${mse(standard.attacked.perSample[0])}`, standard.attacked.outputs);
    cell('noisy', y);
    cell(`jit ${mse(jitter.plain.perSample[0])}`, jitter.plain.outputs);
    cell(`jit atk ${mse(jitter.attacked.perSample[0])}`, jitter.attacked.outputs);
  }
  ctx.record.figure({
    id: 'attacked-denoising',
    title: `Conv denoisers on held-out crops, without and under an ℓ2 PGD attack (ζ = ${p.nl_attack_zeta})`,
    caption: `32x32 crops from the held-out bottom rows of scikit-image sample images (seed ${ctx.seeds[0]}'s models). Per crop, two rows: the clean crop, standard training's output (std) and its output under attack (std atk); then the noisy input (σ = ${p.nl_noise_std}), jittering's output (jit) and its output under attack (jit atk). Numbers are per-pixel MSEs.`,
    chart: imageGridChart({ title: 'attacked denoising', images, columns: 3 }),
  });
}
