import test from 'ava';
import { createRng } from '#harness/random';
import { curvatureNoiseVariance, eigenvalues, measureCurvatureNoise, type NoiseSpec } from '../noise.js';

const SPEC: NoiseSpec = {
  dim: 100, conditionDecades: 3, sigma: 0.1, beta: 0.9, period: 10, lr: 0.1, pairs: 500, burnInPairs: 10, correlation: 0,
};

test('closed form: β = 0 gives 2σ²; T = 1 gives 2σ²(1−β)²/(1+β); it falls with β', (t) => {
  t.true(Math.abs(curvatureNoiseVariance(0.1, 0, 10) - 2 * 0.01) < 1e-15);
  t.true(Math.abs(curvatureNoiseVariance(1, 0.5, 1) - (2 * 0.25) / 1.5) < 1e-15);
  const values = [0, 0.5, 0.9, 0.99].map((b) => curvatureNoiseVariance(0.1, b, 10));
  for (let i = 1; i < values.length; i++) t.true(values[i] < values[i - 1]);
  // β = 0.9, T = 10: 2σ²·0.1·(1 − 0.9¹⁰)/1.9 ≈ 0.0343·2σ², a 29-fold reduction.
  t.true(Math.abs(values[2] / values[0] - (0.1 * (1 - 0.9 ** 10)) / 1.9) < 1e-12);
});

test('closed form against a direct simulation of the normalised EMA of i.i.d. noise', (t) => {
  const rng = createRng(1);
  for (const beta of [0, 0.5, 0.9]) {
    const T = 10;
    let m = rng.normal();
    let previous = m;
    let sum = 0;
    let n = 0;
    for (let step = 1; step <= 200_000; step++) {
      m = beta * m + (1 - beta) * rng.normal();
      if (step % T === 0) {
        if (step > 200) {
          sum += (m - previous) ** 2;
          n++;
        }
        previous = m;
      }
    }
    const ratio = sum / n / curvatureNoiseVariance(1, beta, T);
    t.true(Math.abs(ratio - 1) < 0.05, `β = ${beta}: simulated / closed form = ${ratio}`);
  }
});

test('mL-BFGS\'s own pairs on the quadratic: var(y − A s) matches the closed form for β ∈ {0, 0.5, 0.9}', (t) => {
  for (const beta of [0, 0.5, 0.9]) {
    const r = measureCurvatureNoise({ ...SPEC, beta }, 1);
    t.is(r.pairs, 500);
    const ratio = r.variance / curvatureNoiseVariance(SPEC.sigma, beta, SPEC.period);
    t.true(Math.abs(ratio - 1) < 0.08, `β = ${beta}: measured / closed form = ${ratio}`);
    t.true(Number.isFinite(r.finalDistance));
  }
});

test('AR(1)-correlated noise (the control) breaks the closed form at β = 0: 2σ²(1 − ρ^T)', (t) => {
  const rho = 0.9;
  const r = measureCurvatureNoise({ ...SPEC, beta: 0, correlation: rho }, 2);
  const expected = 2 * SPEC.sigma ** 2 * (1 - rho ** SPEC.period);
  t.true(Math.abs(r.variance / expected - 1) < 0.1, `${r.variance} vs ${expected}`);
  t.true(r.variance / curvatureNoiseVariance(SPEC.sigma, 0, SPEC.period) < 0.85);
});

test('eigenvalues run log-evenly from 1 to 10^−decades', (t) => {
  const a = eigenvalues(4, 3);
  t.deepEqual(Array.from(a).map((v) => Number(v.toPrecision(12))), [1, 0.1, 0.01, 0.001]);
  t.throws(() => measureCurvatureNoise({ ...SPEC, correlation: 1 }, 0), { message: /correlation must be in \[0, 1\)/ });
});
