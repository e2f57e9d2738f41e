/**
 * mL-BFGS (Niu et al., 2023): L-BFGS whose curvature pairs come from momentum buffers,
 *   M^θ_t = βM^θ_{t−1} + (1−β)θ_t,   M^g_t = βM^g_{t−1} + (1−β)g_t,
 * taken every T steps as s = ΔM^θ, y = ΔM^g, damped (damping.ts), and applied to the current
 * stochastic gradient by the two-loop recursion: d = H·g_t. The step is heavy-ball momentum on that
 * direction, v ← μv + d, θ ← θ − ηv (as SLIM-QN, the authors' predecessor, and as SgdMomentum: with
 * H = I it is exactly SGD with momentum μ); μ = 0 is the plain step θ ← θ − η·H·g_t.
 *
 * Block-wise: each block [start, end) of the flat vector keeps its own pairs and its own H (a
 * block-diagonal inverse Hessian), so blocks can live on different workers.
 * Vanilla stochastic L-BFGS is the same class with β = 0 and no damping: s = θ_t − θ_{t−T},
 * y = g_t − g_{t−T} from different mini-batches; a pair with sᵀy ≤ 0 is skipped (as in
 * textbook L-BFGS), since H would otherwise stop being positive definite.
 *
 * The buffers start at the first θ and g (M₁ = θ₁, M^g₁ = g₁) rather than at 0: a zero start
 * leaves a bias (1 − β^t)θ in M^θ that would make the first pairs meaningless.
 */
import { CurvatureHistory } from './two-loop.js';
import { dampInPlace, validateDamping, type Damping } from './damping.js';
import { requirePositive, requireSameLength, requireUnit, type Optimizer } from './types.js';

export interface MlbfgsOptions {
  lr: number;
  /** m: curvature pairs kept per block (0: H = I, plain SGD). */
  history: number;
  /** T: steps between curvature pairs. */
  period: number;
  /** β of the momentum buffers (0: vanilla pairs). */
  beta: number;
  /** μ: heavy-ball momentum on the quasi-Newton direction H·g (0: none, θ ← θ − η·H·g). */
  stepMomentum?: number;
  /** Damping bounds, or null for none (vanilla). */
  damping: Damping | null;
  /** Blocks [start, end) covering 0..size; default: one block, the full vector. */
  blocks?: [number, number][];
  /** Called with each raw pair (s, y) before damping, per block index: for diagnostics and tests. */
  onPair?: (block: number, s: Float64Array, y: Float64Array) => void;
}

interface BlockState {
  start: number;
  end: number;
  history: CurvatureHistory;
  s: Float64Array;
  y: Float64Array;
}

export class Mlbfgs implements Optimizer {
  readonly name: string;
  #size = -1;
  #t = 0;
  #mTheta: Float64Array | null = null;
  #mGrad: Float64Array | null = null;
  #prevTheta: Float64Array | null = null;
  #prevGrad: Float64Array | null = null;
  #blocks: BlockState[] = [];
  #direction: Float64Array | null = null;
  #velocity: Float64Array | null = null;
  /** Pairs stored and pairs rejected (sᵀy ≤ 0 without damping, or s = 0), for diagnostics. */
  accepted = 0;
  rejected = 0;

  constructor(readonly options: MlbfgsOptions) {
    requirePositive('Mlbfgs', 'lr', options.lr);
    if (!Number.isInteger(options.history) || options.history < 0) throw new Error(`Mlbfgs: history must be an integer ≥ 0, got ${options.history}`);
    if (!Number.isInteger(options.period) || options.period < 1) throw new Error(`Mlbfgs: period must be a positive integer, got ${options.period}`);
    requireUnit('Mlbfgs', 'beta', options.beta);
    requireUnit('Mlbfgs', 'stepMomentum', options.stepMomentum ?? 0);
    if (options.damping) validateDamping(options.damping);
    const kind = options.beta === 0 && !options.damping ? 'stochastic-lbfgs' : 'mlbfgs';
    this.name = options.blocks && options.blocks.length > 1 ? `${kind}-block` : kind;
  }

  #init(params: Float64Array, grads: Float64Array): void {
    const size = params.length;
    const blocks = this.options.blocks ?? [[0, size]];
    let expected = 0;
    for (const [start, end] of blocks) {
      if (start !== expected || end <= start) throw new Error(`Mlbfgs: blocks must tile [0, ${size}) in order without gaps, got ${JSON.stringify(blocks)}`);
      expected = end;
    }
    if (expected !== size) throw new Error(`Mlbfgs: blocks cover [0, ${expected}) but params has ${size} entries`);
    this.#size = size;
    this.#blocks = blocks.map(([start, end]) => ({
      start, end,
      history: new CurvatureHistory(end - start, this.options.history),
      s: new Float64Array(end - start),
      y: new Float64Array(end - start),
    }));
    this.#mTheta = Float64Array.from(params);
    this.#mGrad = Float64Array.from(grads);
    this.#direction = new Float64Array(size);
    this.#velocity = new Float64Array(size);
  }

  step(params: Float64Array, grads: Float64Array): void {
    if (this.#size < 0) this.#init(params, grads);
    requireSameLength(this.name, params, grads, this.#size);
    const { beta, period, lr } = this.options;
    const mTheta = this.#mTheta!;
    const mGrad = this.#mGrad!;
    this.#t += 1;
    if (this.#t > 1) {
      for (let i = 0; i < params.length; i++) {
        mTheta[i] = beta * mTheta[i] + (1 - beta) * params[i];
        mGrad[i] = beta * mGrad[i] + (1 - beta) * grads[i];
      }
    }
    if (this.#t % period === 0) this.#updateCurvature();

    const direction = this.#direction!;
    for (const b of this.#blocks) b.history.apply(grads.subarray(b.start, b.end), direction.subarray(b.start, b.end));
    const mu = this.options.stepMomentum ?? 0;
    if (mu === 0) {
      for (let i = 0; i < params.length; i++) params[i] -= lr * direction[i];
      return;
    }
    const v = this.#velocity!;
    for (let i = 0; i < params.length; i++) {
      v[i] = mu * v[i] + direction[i];
      params[i] -= lr * v[i];
    }
  }

  /** At t = kT: pair the buffers with their snapshot from t − T, then take a new snapshot. */
  #updateCurvature(): void {
    const mTheta = this.#mTheta!;
    const mGrad = this.#mGrad!;
    if (this.#prevTheta && this.#prevGrad) {
      for (const [index, b] of this.#blocks.entries()) {
        const { s, y } = b;
        let ss = 0;
        for (let i = 0; i < s.length; i++) {
          s[i] = mTheta[b.start + i] - this.#prevTheta[b.start + i];
          y[i] = mGrad[b.start + i] - this.#prevGrad[b.start + i];
          ss += s[i] * s[i];
        }
        this.options.onPair?.(index, s, y);
        if (ss > 0 && this.options.damping) dampInPlace(s, y, this.options.damping);
        let sy = 0;
        for (let i = 0; i < s.length; i++) sy += s[i] * y[i];
        if (ss > 0 && sy > 0 && Number.isFinite(sy)) {
          b.history.push(s, y); // a no-op when m = 0
          this.accepted++;
        } else {
          this.rejected++;
        }
      }
    }
    if (this.#prevTheta && this.#prevGrad) {
      this.#prevTheta.set(mTheta);
      this.#prevGrad.set(mGrad);
    } else {
      this.#prevTheta = Float64Array.from(mTheta);
      this.#prevGrad = Float64Array.from(mGrad);
    }
  }
}
