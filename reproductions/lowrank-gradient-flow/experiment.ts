/**
 * The experiment: gradient descent on f(X) = ¼||XXᵀ − M||²_F per seed, in float64, recording
 * the curves and numbers the claims read. Called by the runner once per distinct params set.
 */
import type { RunContext } from '#harness';
import { createRng, deriveSeed } from '#harness/random';
import { block, diag, frobenius, gram, matrix, sub, type Matrix } from '#harness/linalg';
import { initialX, makeProblem, predictedSchur, rotate, saddleInit, schurFromFactor, simulate, type Problem, type ProblemSpec, type Trajectory } from './dynamics.js';
import { LATE_WINDOW } from './claims.js';
import type { Params } from './params.js';

/** M = diag(Λ₁, −λ₂I) in its own eigenbasis (V = I): the flow is rotation-equivariant and X₀'s law rotation-invariant, so this is the same experiment with exactly representable invariant subspaces. */
function eigenBasisProblem(spec: ProblemSpec): Problem {
  const { n, s } = spec;
  const eig = [...spec.lambda1, ...new Array<number>(n - s).fill(-spec.lambda2)];
  return { spec, V: diag(new Array<number>(n).fill(1)), M: diag(eig), target: diag([...spec.lambda1, ...new Array<number>(n - s).fill(0)]) };
}

function problemFor(p: Params, seed: number): Problem {
  const spec: ProblemSpec = { n: p.n, s: p.true_rank, r: p.fitted_rank, lambda1: p.lambda1, lambda2: p.lambda2 };
  return p.basis === 'eigen' ? eigenBasisProblem(spec) : makeProblem(spec, createRng(deriveSeed(seed, 1)));
}

/** The block the closed form is checked on: S (the claim) or the raw P₂ (the control). */
function watchedBlock(p: Params, problem: Problem, X: Matrix): Matrix | null {
  const Y = rotate(problem, X);
  if (p.schur_block === 'schur') return schurFromFactor(Y, p.true_rank);
  const Y2 = block(Y, p.true_rank, p.n, 0, p.fitted_rank);
  return gram(Y2);
}

interface SeedRun { trajectory: Trajectory; closedFormError: number; escapeTime: number | null }

function runSeed(p: Params, seed: number): SeedRun {
  const problem = problemFor(p, seed);
  let X0 = initialX(p.n, p.fitted_rank, p.init_scale, createRng(deriveSeed(seed, 2)));
  if (p.init === 'saddle') X0 = saddleInit(problem, X0, p.saddle_direction);
  if (p.init === 'rank-deficient') X0 = rankDeficient(X0, p.true_rank, createRng(deriveSeed(seed, 4)));
  const options = { eta: p.eta, recordEvery: p.record_every, integrator: p.integrator };
  const T = p.eta * p.steps;
  let start = 0;
  let blocks: { t: number; S: Matrix }[] = [];
  const watch = (t: number, X: Matrix) => {
    if (t + 1e-9 < p.closed_form_from) return;
    const S = watchedBlock(p, problem, X);
    if (S) blocks.push({ t, S });
  };
  // With a kick, integrate to perturb_at, add ε·v_j uᵀ (u a random unit vector), then go on.
  const kickStep = p.perturbation > 0 ? Math.min(p.steps, Math.round(p.perturb_at / p.eta)) : 0;
  const pieces: Trajectory[] = [];
  let X = X0;
  if (kickStep > 0) {
    const before = simulate(problem, X, { ...options, steps: kickStep, onRecord: (t, Xt) => watch(t, Xt) });
    pieces.push(before);
    X = kick(problem, before.finalX, p, createRng(deriveSeed(seed, 3)));
    start = kickStep;
    blocks = blocks.filter((b) => b.t < p.eta * kickStep);
  }
  const rest = simulate(problem, X, { ...options, steps: p.steps - start, onRecord: (t, Xt) => watch(t + p.eta * start, Xt) });
  pieces.push({ ...rest, t: rest.t.map((t) => t + p.eta * start) });
  const trajectory = concat(pieces);

  let closedFormError = Number.NaN;
  if (blocks.length >= 2) {
    const [first, ...later] = blocks;
    closedFormError = Math.max(...later.map((b) => {
      const predicted = predictedSchur(first.S, p.lambda2, b.t - first.t);
      const scale = frobenius(b.S);
      return scale > 0 ? frobenius(sub(b.S, predicted)) / scale : Number.NaN;
    }));
  }
  let escapeTime: number | null = null;
  if (p.init === 'saddle') {
    const tKick = p.eta * kickStep;
    const i = trajectory.t.findIndex((t, k) => t >= tKick && trajectory.signalNorms[k][p.saddle_direction] >= p.escape_threshold);
    escapeTime = i >= 0 ? trajectory.t[i] - tKick : T - tKick;
  }
  return { trajectory, closedFormError, escapeTime };
}

/**
 * X₀ with columns s..r−1 replaced by random combinations of columns 0..s−1 (each rescaled to the
 * mean norm of the originals): rank s. The flow acts as X(t) = Φ(t)X₀, so the rank stays s and
 * the r − s excess columns add no excess rank to XXᵀ.
 */
function rankDeficient(X0: Matrix, s: number, rng: ReturnType<typeof createRng>): Matrix {
  const { rows: n, cols: r } = X0;
  const out = Float64Array.from(X0.data);
  for (let c = s; c < r; c++) {
    const q = Array.from({ length: s }, () => rng.normal());
    const norm = Math.hypot(...q);
    for (let i = 0; i < n; i++) {
      let v = 0;
      for (let k = 0; k < s; k++) v += X0.data[i * r + k] * q[k];
      out[i * r + c] = v / norm;
    }
  }
  return matrix(n, r, out);
}

function kick(problem: Problem, X: Matrix, p: Params, rng: ReturnType<typeof createRng>): Matrix {
  const u = Array.from({ length: p.fitted_rank }, () => rng.normal());
  const norm = Math.hypot(...u);
  const out = Float64Array.from(X.data);
  for (let i = 0; i < p.n; i++) {
    const v = problem.V.data[i * p.n + p.saddle_direction];
    for (let c = 0; c < p.fitted_rank; c++) out[i * p.fitted_rank + c] += (p.perturbation * v * u[c]) / norm;
  }
  return matrix(p.n, p.fitted_rank, out);
}

function concat(pieces: Trajectory[]): Trajectory {
  if (pieces.length === 1) return pieces[0];
  const [a, b] = pieces;
  // The second piece starts where the first ended (after the kick): drop its duplicate first record.
  const tail = <T>(xs: T[]) => xs.slice(1);
  return {
    ...b,
    t: [...a.t, ...tail(b.t)],
    step: [...a.step, ...tail(b.step)],
    error: [...a.error, ...tail(b.error)],
    schurMax: [...a.schurMax, ...tail(b.schurMax)],
    couplingNorm: [...a.couplingNorm, ...tail(b.couplingNorm)],
    signalNorms: [...a.signalNorms, ...tail(b.signalNorms)],
    schur: [],
    diverged: a.diverged || b.diverged,
  };
}

function valueAt(t: readonly number[], y: readonly number[], at: number): number {
  let best = 0;
  for (let i = 1; i < t.length; i++) if (Math.abs(t[i] - at) < Math.abs(t[best] - at)) best = i;
  return y[best];
}

export async function run(ctx: RunContext<Params>): Promise<void> {
  const p = ctx.params;
  const T = p.eta * p.steps;
  const k = Math.min(p.fitted_rank - p.true_rank, p.n - p.true_rank);
  for (const [index, seed] of ctx.seeds.entries()) {
    const { trajectory: tr, closedFormError, escapeTime } = runSeed(p, seed);
    const tag = { seed };
    ctx.record.curve('schur-max', tr.t, tr.schurMax, tag);
    ctx.record.curve('coupling-norm', tr.t, tr.couplingNorm, tag);
    ctx.record.curve('error', tr.t, tr.error, tag);
    const late = tr.t.map((t, i) => ({ t, v: t * tr.schurMax[i] })).filter((q) => q.t >= LATE_WINDOW[0] && q.t <= LATE_WINDOW[1]);
    ctx.record.scalar('t-schur-mean', late.length ? late.reduce((s, q) => s + q.v, 0) / late.length : Number.NaN, tag);
    ctx.record.scalar('schur-closed-form-error', closedFormError, tag);
    const finalError = tr.error[tr.error.length - 1];
    // √k/(2t) is the prediction only with excess parameters; with k = 0 it is undefined (NaN).
    ctx.record.scalar('t-error-ratio', k > 0 ? (T * finalError) / (Math.sqrt(k) / 2) : Number.NaN, tag);
    ctx.record.scalar('error-at-t50', valueAt(tr.t, tr.error, 50), tag);
    ctx.record.scalar('target-distance-final', finalError, tag);
    if (p.init === 'saddle') {
      const j = p.saddle_direction;
      ctx.record.curve('escape-coordinate', tr.t, tr.signalNorms.map((s) => s[j]), tag);
      ctx.record.scalar('escape-coordinate-max', Math.max(...tr.signalNorms.map((s) => s[j])), tag);
      // Without a kick nothing escapes; the ratio is then taken against the claim's ε = 1e-6.
      const epsilon = p.perturbation > 0 ? p.perturbation : 1e-6;
      const predicted = Math.log(p.escape_threshold / epsilon) / p.lambda1[j];
      ctx.record.scalar('escape-time-ratio', (escapeTime ?? Number.NaN) / predicted, tag);
    }
    if (tr.diverged) ctx.log(`seed ${seed}: the iteration diverged (non-finite X); later points are missing`);
    ctx.progress(index + 1, ctx.seeds.length, `seed ${seed}`);
  }
}
