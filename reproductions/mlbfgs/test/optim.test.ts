import test from 'ava';
import { createRng } from '#harness/random';
import { Adam, CurvatureHistory, Mlbfgs, SgdMomentum, dampInPlace, dampingTau, type Optimizer } from '../optim/index.js';

const DAMPING = { sigmaLow: 0.01, sigmaHigh: 1.5, tau0: 0.8 };

/** f(θ) = ½ Σ a_i (θ_i − θ*_i)², a log-spaced in [0.01, 1]: minimum θ*, known exactly. */
function quadratic(dim = 20) {
  const a = Float64Array.from({ length: dim }, (_, i) => 10 ** (-2 * i / (dim - 1)));
  const rng = createRng(7);
  const optimum = Float64Array.from({ length: dim }, () => rng.normal());
  const grad = (theta: Float64Array, out: Float64Array) => {
    for (let i = 0; i < dim; i++) out[i] = a[i] * (theta[i] - optimum[i]);
  };
  const distance = (theta: Float64Array) => Math.sqrt(theta.reduce((s, v, i) => s + (v - optimum[i]) ** 2, 0));
  return { dim, a, optimum, grad, distance };
}

function minimize(optimizer: Optimizer, steps: number, dim = 20) {
  const q = quadratic(dim);
  const theta = new Float64Array(q.dim);
  const g = new Float64Array(q.dim);
  const start = q.distance(theta);
  for (let t = 0; t < steps; t++) {
    q.grad(theta, g);
    optimizer.step(theta, g);
  }
  return { start, end: q.distance(theta) };
}

test('SGD with momentum reaches the minimum of a quadratic', (t) => {
  const { start, end } = minimize(new SgdMomentum(0.5, 0.9), 3000);
  t.true(end < 1e-6 * start, `distance ${end} from ${start}`);
});

test('Adam reaches the minimum of a quadratic (to within its step size)', (t) => {
  const { start, end } = minimize(new Adam(0.01), 4000);
  t.true(end < 0.02 * start, `distance ${end} from ${start}`);
});

test('vanilla L-BFGS (β = 0, no damping, T = 1) reaches the minimum of a quadratic fast', (t) => {
  const opt = new Mlbfgs({ lr: 1, history: 10, period: 1, beta: 0, damping: null });
  const { start, end } = minimize(opt, 200);
  t.true(end < 1e-8 * start, `distance ${end} from ${start}`);
  t.is(opt.name, 'stochastic-lbfgs');
});

test('mL-BFGS (β = 0.9, T = 10, damped) reaches the minimum of a quadratic, faster than SGD at the same budget', (t) => {
  const opt = new Mlbfgs({ lr: 0.5, history: 10, period: 10, beta: 0.9, damping: DAMPING });
  const ml = minimize(opt, 600);
  const sgd = minimize(new SgdMomentum(0.05, 0.9), 600);
  t.true(ml.end < 1e-6 * ml.start, `distance ${ml.end} from ${ml.start}`);
  t.true(ml.end < sgd.end, `mL-BFGS ${ml.end} vs SGD ${sgd.end}`);
  t.true(opt.accepted > 0);
});

test('block-wise mL-BFGS reaches the minimum of a (block-diagonal) quadratic', (t) => {
  const opt = new Mlbfgs({ lr: 0.5, history: 10, period: 10, beta: 0.9, damping: DAMPING, blocks: [[0, 12], [12, 20]] });
  const { start, end } = minimize(opt, 600);
  t.true(end < 1e-6 * start, `distance ${end} from ${start}`);
  t.is(opt.name, 'mlbfgs-block');
});

test('mL-BFGS with m = 0 is plain SGD (H = I)', (t) => {
  const q = quadratic();
  const a = new Float64Array(q.dim);
  const b = new Float64Array(q.dim);
  const g = new Float64Array(q.dim);
  const opt = new Mlbfgs({ lr: 0.3, history: 0, period: 10, beta: 0.9, damping: DAMPING });
  for (let s = 0; s < 50; s++) {
    q.grad(a, g);
    opt.step(a, g);
    q.grad(b, g);
    for (let i = 0; i < q.dim; i++) b[i] -= 0.3 * g[i];
  }
  t.deepEqual(Array.from(a), Array.from(b));
});

test('mL-BFGS with m = 0 and step momentum μ is exactly SGD with momentum μ (the speed-up controls\' near-miss)', (t) => {
  const q = quadratic();
  const a = new Float64Array(q.dim);
  const b = new Float64Array(q.dim);
  const g = new Float64Array(q.dim);
  const ml = new Mlbfgs({ lr: 0.3, history: 0, period: 10, beta: 0.9, damping: DAMPING, stepMomentum: 0.9 });
  const sgd = new SgdMomentum(0.3, 0.9);
  for (let s = 0; s < 50; s++) {
    q.grad(a, g);
    ml.step(a, g);
    q.grad(b, g);
    sgd.step(b, g);
  }
  t.deepEqual(Array.from(a), Array.from(b));
});

test('mL-BFGS with step momentum 0.9 still reaches the minimum of a quadratic', (t) => {
  const opt = new Mlbfgs({ lr: 0.05, history: 10, period: 10, beta: 0.9, damping: DAMPING, stepMomentum: 0.9 });
  const { start, end } = minimize(opt, 1500);
  t.true(end < 1e-6 * start, `distance ${end} from ${start}`);
});

test('the two-loop recursion satisfies the secant equation H·y = s for the newest pair and is symmetric positive definite', (t) => {
  const d = 8;
  const rng = createRng(3);
  const M = Array.from({ length: d }, () => Array.from({ length: d }, () => rng.normal()));
  // A = MᵀM + I: SPD.
  const A = (v: Float64Array) => Float64Array.from({ length: d }, (_, i) => {
    let s = v[i];
    for (let k = 0; k < d; k++) for (let j = 0; j < d; j++) s += M[k][i] * M[k][j] * v[j];
    return s;
  });
  const h = new CurvatureHistory(d, 5);
  let s = new Float64Array(d);
  for (let k = 0; k < 7; k++) {
    s = Float64Array.from({ length: d }, () => rng.normal());
    h.push(s, A(s));
  }
  t.is(h.length, 5);
  const out = new Float64Array(d);
  h.apply(A(s), out);
  out.forEach((v, i) => t.true(Math.abs(v - s[i]) < 1e-9 * (1 + Math.abs(s[i])), `H·y ≠ s at ${i}: ${v} vs ${s[i]}`));
  const u = Float64Array.from({ length: d }, () => rng.normal());
  const w = Float64Array.from({ length: d }, () => rng.normal());
  const Hu = new Float64Array(d);
  const Hw = new Float64Array(d);
  h.apply(u, Hu);
  h.apply(w, Hw);
  const dot = (x: Float64Array, y: Float64Array) => x.reduce((acc, v, i) => acc + v * y[i], 0);
  t.true(Math.abs(dot(w, Hu) - dot(u, Hw)) < 1e-9 * Math.abs(dot(w, Hu)) + 1e-12);
  t.true(dot(u, Hu) > 0 && dot(w, Hw) > 0);
  t.throws(() => h.push(s, Float64Array.from(s, (v) => -v)), { message: /sᵀy must be positive/ });
});

test('damping keeps the curvature ŷᵀs/sᵀs inside [σ_L, σ_H] and uses τ₀ in between', (t) => {
  t.is(dampingTau(1, DAMPING), 0.8);
  t.is(dampingTau(0.5, DAMPING), 0.8);
  // μ = −2: τ = min(0.99/3, 0.8) = 0.33.
  t.true(Math.abs(dampingTau(-2, DAMPING) - 0.33) < 1e-12);
  // μ = 11: τ = min(0.5/10, 0.8) = 0.05.
  t.true(Math.abs(dampingTau(11, DAMPING) - 0.05) < 1e-12);
  const rng = createRng(5);
  for (const mu of [-100, -1, 0, 0.005, 0.01, 0.3, 1, 1.5, 3, 1000]) {
    const s = Float64Array.from({ length: 6 }, () => rng.normal());
    const ss = s.reduce((a, v) => a + v * v, 0);
    // y = μ s + (a component orthogonal to s), so sᵀy/sᵀs = μ.
    const noise = Float64Array.from({ length: 6 }, () => rng.normal());
    const proj = noise.reduce((a, v, i) => a + v * s[i], 0) / ss;
    const y = Float64Array.from(s, (v, i) => mu * v + noise[i] - proj * v);
    dampInPlace(s, y, DAMPING);
    const damped = y.reduce((a, v, i) => a + v * s[i], 0) / ss;
    t.true(damped >= DAMPING.sigmaLow - 1e-12 && damped <= DAMPING.sigmaHigh + 1e-12, `μ = ${mu}: damped curvature ${damped}`);
  }
});

test('optimizers reject bad settings and mismatched vectors with clear errors', (t) => {
  t.throws(() => new SgdMomentum(-1), { message: /lr must be a positive/ });
  t.throws(() => new Adam(0.1, 1), { message: /beta1 must be in \[0, 1\)/ });
  t.throws(() => new Mlbfgs({ lr: 0.1, history: 10, period: 0, beta: 0.9, damping: null }), { message: /period/ });
  t.throws(() => new Mlbfgs({ lr: 0.1, history: 10, period: 10, beta: 0.9, damping: { sigmaLow: 0.5, sigmaHigh: 0.9, tau0: 0.8 } }), { message: /sigmaHigh/ });
  const bad = new Mlbfgs({ lr: 0.1, history: 2, period: 1, beta: 0, damping: null, blocks: [[0, 3], [4, 6]] });
  t.throws(() => bad.step(new Float64Array(6), new Float64Array(6)), { message: /tile/ });
  const sgd = new SgdMomentum(0.1);
  t.throws(() => sgd.step(new Float64Array(3), new Float64Array(4)), { message: /params has 3 entries but grads has 4/ });
});
