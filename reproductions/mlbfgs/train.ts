/**
 * One training run of the MLP on the digits: a method at a learning rate from a seed's
 * initialization and batch order (both fixed by the seed, so methods are compared on the same
 * draws). Returns the full training-set loss every `evalEvery` steps with the training time spent
 * so far, or only the final loss when tuning.
 */
import { createRng, deriveSeed } from '#harness/random';
import type { DigitsSplit } from './data.js';
import { makeOptimizer, type Method } from './methods.js';
import { evaluate, initParams, layoutOf, lossAndGrad, workspace, type Layout, type Workspace } from './model/mlp.js';
import type { Optimizer } from './optim/index.js';
import type { Params } from './params.js';

export interface TrainingSetup {
  p: Params;
  data: DigitsSplit;
  layout: Layout;
  /** Batch-sized scratch for steps, and a larger one for evaluations. */
  stepSpace: Workspace;
  evalSpace: Workspace;
}

export function trainingSetup(p: Params, data: DigitsSplit): TrainingSetup {
  const layout = layoutOf({ input: data.features, hidden: p.hidden, output: data.classes });
  if (p.batch > data.train.n) throw new Error(`batch (${p.batch}) exceeds the ${data.train.n} training images`);
  return { p, data, layout, stepSpace: workspace(layout, p.batch), evalSpace: workspace(layout, 256) };
}

/** Draws mini-batches without replacement, reshuffling every epoch. */
export class BatchSampler {
  readonly #order: Int32Array;
  #pos: number;
  readonly rows: Int32Array;
  readonly #rng;

  constructor(n: number, batch: number, seed: number) {
    this.#order = Int32Array.from({ length: n }, (_, i) => i);
    this.#pos = n; // shuffle on first use
    this.rows = new Int32Array(batch);
    this.#rng = createRng(seed);
  }

  next(): Int32Array {
    const n = this.#order.length;
    for (let b = 0; b < this.rows.length; b++) {
      if (this.#pos >= n) {
        for (let i = n - 1; i > 0; i--) {
          const j = this.#rng.int(i + 1);
          const tmp = this.#order[i];
          this.#order[i] = this.#order[j];
          this.#order[j] = tmp;
        }
        this.#pos = 0;
      }
      this.rows[b] = this.#order[this.#pos++];
    }
    return this.rows;
  }
}

/** Everything a step needs, so that a benchmark can time exactly what training does. */
export interface Stepper { theta: Float64Array; grad: Float64Array; optimizer: Optimizer; sampler: BatchSampler; step(): number }

export function stepper(setup: TrainingSetup, method: Method, lr: number, seed: number): Stepper {
  const { p, data, layout, stepSpace } = setup;
  const theta = initParams(layout, createRng(deriveSeed(seed, 1)));
  const grad = new Float64Array(layout.size);
  const optimizer = makeOptimizer(p, method, lr, layout);
  const sampler = new BatchSampler(data.train.n, p.batch, deriveSeed(seed, 2));
  return {
    theta, grad, optimizer, sampler,
    step() {
      const loss = lossAndGrad(layout, theta, data.train.X, data.train.y, sampler.next(), stepSpace, grad);
      optimizer.step(theta, grad);
      return loss;
    },
  };
}

/**
 * A run whose loss (batch or full) exceeds this has blown up and is stopped: the loss starts at
 * ln 10 ≈ 2.3, and 1e3 means logits of order 1e3 confidently wrong. Its final loss counts as +∞.
 */
export const DIVERGED_LOSS = 1e3;

const blownUp = (loss: number) => !(loss <= DIVERGED_LOSS);

export interface TrainResult {
  method: Method;
  lr: number;
  seed: number;
  /** Steps at which the full training loss was measured (0, evalEvery, ..., steps). */
  evalSteps: number[];
  loss: number[];
  /** Milliseconds of training (steps only, not evaluations) up to each evaluation. */
  elapsedMs: number[];
  finalLoss: number;
  testAccuracy: number;
  diverged: boolean;
}

export function train(setup: TrainingSetup, method: Method, lr: number, seed: number, evalEvery: number | null): TrainResult {
  const { p, data, layout, evalSpace } = setup;
  const run = stepper(setup, method, lr, seed);
  const evalSteps: number[] = [];
  const loss: number[] = [];
  const elapsedMs: number[] = [];
  let elapsed = 0;
  let diverged = false;
  const measure = (t: number) => {
    const value = evaluate(layout, run.theta, data.train.X, data.train.y, evalSpace).loss;
    evalSteps.push(t);
    loss.push(value);
    elapsedMs.push(elapsed);
    if (blownUp(value)) diverged = true;
  };
  if (evalEvery !== null) measure(0);
  for (let t = 1; t <= p.steps && !diverged; t++) {
    const start = performance.now();
    const batchLoss = run.step();
    elapsed += performance.now() - start;
    if (blownUp(batchLoss)) diverged = true;
    if (evalEvery !== null && (t % evalEvery === 0 || t === p.steps) && !diverged) measure(t);
  }
  let finalLoss = Number.POSITIVE_INFINITY;
  let testAccuracy = Number.NaN;
  if (!diverged) {
    finalLoss = evalEvery !== null ? loss[loss.length - 1] : evaluate(layout, run.theta, data.train.X, data.train.y, evalSpace).loss;
    if (blownUp(finalLoss)) {
      diverged = true;
      finalLoss = Number.POSITIVE_INFINITY;
    } else {
      testAccuracy = evaluate(layout, run.theta, data.test.X, data.test.y, evalSpace).accuracy;
    }
  }
  return { method, lr, seed, evalSteps, loss, elapsedMs, finalLoss, testAccuracy, diverged };
}

/**
 * The grid's learning rate with the lowest worst-case final training loss over the tuning seeds (a
 * rate that diverges on any of them loses): the verdict seeds are fresh draws, so a rate that only
 * works on some seeds would not be the tuned optimum there. `finalLoss[s][i]`: seed s, rate i.
 */
export function tune(setup: TrainingSetup, method: Method, grid: readonly number[], seeds: readonly number[]): { lr: number; worst: number[]; finalLoss: number[][] } {
  if (seeds.length === 0) throw new Error('tune: needs at least one tuning seed');
  const finalLoss = seeds.map((seed) => grid.map((lr) => train(setup, method, lr, seed, null).finalLoss));
  const worst = grid.map((_, i) => Math.max(...finalLoss.map((row) => row[i])));
  let best = 0;
  for (let i = 1; i < grid.length; i++) if (worst[i] < worst[best]) best = i;
  return { lr: grid[best], worst, finalLoss };
}

/**
 * First evaluated step at which the full training loss is ≤ target; +∞ when the run never gets
 * there within its horizon (or diverged), the convention of time-to-target performance profiles.
 * NaN (undefined, never 0: the ratio is then censored and the claim inconclusive) when the target
 * itself is not finite: a reference run that diverged sets no target to reach.
 */
export function stepsToTarget(result: TrainResult, target: number): number {
  if (!Number.isFinite(target)) return Number.NaN;
  const i = result.loss.findIndex((l) => l <= target);
  return i >= 0 ? result.evalSteps[i] : Number.POSITIVE_INFINITY;
}
