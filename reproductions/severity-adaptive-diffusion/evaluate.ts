/**
 * One seed's measurements on its held-out test images: the severity encoder's predictions
 * (against the true level, across 10 levels per image, against its own latent error) and the
 * reconstructions of the adaptive solver, the full-length baseline and fixed starts.
 * Returns plain numbers; every tensor made here is disposed here.
 */
import type { tf as TF } from '#harness/tf';
import { createRng, deriveSeed, type Rng } from '#harness/random';
import { blurMatrix, blurStd, degrade } from './blur.js';
import { PIXELS, STREAM } from './digits.js';
import type { Params } from './params.js';
import { startIndex, varianceAt, type DdimGrid } from './schedule.js';
import { CALIBRATION_BINS, ORDERING_LEVELS, calibrationBins, orderingAccuracy, reversedRanks } from './severity-metrics.js';
import { pixelErrors, solve, startLatents, type Problem, type SolverModels } from './solver.js';
import { disposeAll, toTensors, type Tf } from './training/mlp.js';
import { encode, severity } from './training/networks.js';
import type { SeedModels } from './training/pipeline.js';
import { blurSpecOf } from './training/specs.js';

export interface Reconstruction { steps: number[]; mse: number[]; images: Float32Array }

export interface SeedEvaluation {
  levels: number[];
  /** σ̂² and the latent error power ||ẑ − z₀||²/d per test image. */
  predicted: number[];
  errorPower: number[];
  ordering: number[];
  calibration: ReturnType<typeof calibrationBins>;
  degraded: Float32Array[];
  /** D(ẑ): the severity encoder's own estimate, before any diffusion step. */
  estimate: Reconstruction;
  adaptive: Reconstruction;
  baseline: Reconstruction;
  fixed: Reconstruction;
  /** Mean MSE of fixed starts at each of curve_starts. */
  curve: { steps: number; mse: number }[];
}

const stack = (rows: readonly ArrayLike<number>[], width: number) => {
  const out = new Float32Array(rows.length * width);
  rows.forEach((r, i) => out.set(r, i * width));
  return out;
};

/**
 * The blank encoder (the mechanism test's break): every σ̂² replaced by one constant, their
 * geometric mean, so the solver's mean cost stays about the same but no image's severity shows.
 */
export function blankVariances(values: readonly number[]): number[] {
  const constant = Math.exp(values.reduce((s, v) => s + Math.log(v), 0) / values.length);
  return values.map(() => constant);
}

/** σ̂² of degraded images [n, 64] (plain numbers). */
function predictVariance(tf: Tf, sev: Record<string, TF.Tensor>, y: Float32Array, n: number, d: number, blank: boolean): number[] {
  const v = tf.tidy(() => tf.exp(severity(tf, sev, tf.tensor2d(y, [n, PIXELS]), d).logVar));
  const out = Array.from(v.dataSync());
  v.dispose();
  return blank ? blankVariances(out) : out;
}

/**
 * The level the severity encoder sees for a measurement at true level t: s·t + (1 − s)·u with a
 * fresh u ~ U[0, 1] per measurement (severity_signal = s). At s = 1 it is t and nothing is drawn.
 */
const seenLevel = (signal: number, rng: Rng) => (t: number) => (signal === 1 ? t : signal * t + (1 - signal) * rng.next());

/** Ordering accuracy of each image over `levels` evenly spaced severities (fresh noise). */
function orderingPerImage(tf: Tf, sev: Record<string, TF.Tensor>, clean: readonly Float32Array[], p: Params, levels: number, seed: number): number[] {
  const rng = createRng(deriveSeed(seed, STREAM.ordering));
  const seen = seenLevel(p.severity_signal, createRng(deriveSeed(seed, STREAM.signalOrdering)));
  const ts = Array.from({ length: levels }, (_, l) => l / (levels - 1));
  const ys = clean.flatMap((x) => ts.map((t) => degrade(x, seen(t), blurSpecOf(p), rng)));
  const v = predictVariance(tf, sev, stack(ys, PIXELS), ys.length, p.latent_dim, p.severity_encoder === 'blank');
  return clean.map((_, i) => orderingAccuracy(v.slice(i * levels, (i + 1) * levels)));
}

export function evaluateSeed(tf: Tf, p: Params, grid: DdimGrid, seed: number, models: SeedModels, test: readonly Float32Array[]): SeedEvaluation {
  const n = test.length;
  const d = p.latent_dim;
  const N = p.ddim_steps;
  const blur = blurSpecOf(p);
  const ae = toTensors(tf, models.autoencoder.weights);
  const sev = toTensors(tf, models.severity.weights);
  const eps = toTensors(tf, models.diffusion.weights);
  const m: SolverModels = { ae, eps, embedDim: p.ddpm_embed };

  const rng = createRng(deriveSeed(seed, STREAM.test));
  const levels = test.map(() => rng.next());
  const degraded = test.map((x, i) => degrade(x, levels[i], blur, rng));
  const x = tf.tensor2d(stack(test, PIXELS), [n, PIXELS]);
  const y = tf.tensor2d(stack(degraded, PIXELS), [n, PIXELS]);
  const B = tf.tensor3d(stack(levels.map((t) => blurMatrix(blurStd(blur, t))), PIXELS * PIXELS), [n, PIXELS, PIXELS]);
  // What the severity encoder reads: y itself, or (severity_signal < 1) the image at a weakened level; the solver keeps y.
  const seen = seenLevel(p.severity_signal, createRng(deriveSeed(seed, STREAM.signal)));
  const yEncoder = p.severity_signal === 1 ? y : tf.tensor2d(stack(test.map((xi, i) => degrade(xi, seen(levels[i]), blur, rng)), PIXELS), [n, PIXELS]);
  const { zHat, logVar, errorPower } = tf.tidy(() => {
    const s = severity(tf, sev, yEncoder, d);
    return { ...s, errorPower: tf.div(tf.sum(tf.square(tf.sub(s.zHat, encode(tf, ae, x))), 1), d) };
  });
  if (yEncoder !== y) yEncoder.dispose();
  const variance = tf.exp(logVar);
  const trained = Array.from(variance.dataSync());
  variance.dispose();
  const predicted = p.severity_encoder === 'blank' ? blankVariances(trained) : trained;
  const errors = Array.from(errorPower.dataSync());
  const solverRng = createRng(deriveSeed(seed, STREAM.solver));
  // The same start noise for every solver: common random numbers make the paired comparisons sharper.
  const noise = tf.tensor2d(Float32Array.from({ length: n * d }, () => solverRng.normal()), [n, d]);
  const problem: Problem = { y, B };

  const run = (steps: number[], variances: number[], fromNoise = false): Reconstruction => {
    const z = startLatents(tf, zHat, noise, fromNoise ? variances.map(() => Infinity) : variances, p.noise_correction);
    const out = solve(tf, m, grid, problem, { z, steps }, p.dps_step);
    const r = pixelErrors(tf, m, out, x);
    disposeAll({ z, out });
    return { steps, ...r };
  };
  const fixedAt = (k: number) => run(test.map(() => k), test.map(() => varianceAt(grid, k)));

  const assigned = p.severity_order === 'reversed' ? reversedRanks(predicted) : predicted;
  const adaptiveSteps = p.start === 'full' ? test.map(() => N) : assigned.map((v) => startIndex(grid, v));
  const adaptive = p.start === 'full' ? fixedAt(N) : run(adaptiveSteps, assigned, p.start_from === 'noise');
  const meanSteps = adaptiveSteps.reduce((a, b) => a + b, 0) / n;
  const result: SeedEvaluation = {
    levels,
    predicted,
    errorPower: errors,
    ordering: orderingPerImage(tf, sev, test, p, ORDERING_LEVELS, seed),
    calibration: calibrationBins(predicted, errors, CALIBRATION_BINS),
    degraded,
    estimate: { steps: test.map(() => 0), ...pixelErrors(tf, m, zHat, x) },
    adaptive,
    baseline: p.start === 'full' ? adaptive : fixedAt(N),
    fixed: fixedAt(Math.max(1, Math.round(meanSteps))),
    curve: p.curve_starts.map((k) => ({ steps: k, mse: fixedAt(k).mse.reduce((a, b) => a + b, 0) / n })),
  };
  disposeAll({ x, y, B, zHat, logVar, errorPower, noise });
  disposeAll(ae);
  disposeAll(sev);
  disposeAll(eps);
  return result;
}
