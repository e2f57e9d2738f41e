import test from 'ava';
import {
  asymptoticWorstCaseRisk,
  bestShrinkage,
  chiMean,
  exactWorstCaseRisk,
  jitteredShrinkage,
  optimalJitterVariance,
  optimalShrinkage,
  standardShrinkage,
} from '../theory.js';

const close = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol;

test('the optimal jitter variance: zero without an adversary, and its known value at ζ = 0.3, ν = 0.04', (t) => {
  t.is(optimalJitterVariance(0, 0.04), 0);
  // [0.012 + √(0.012·0.74)]/0.7 = 0.151762 by hand, so α* = 1/(1.04 + 0.151762) = 0.839093
  t.true(close(optimalJitterVariance(0.3, 0.04), (0.012 + Math.sqrt(0.012 * 0.74)) / 0.7, 1e-15));
  t.true(close(optimalShrinkage(0.3, 0.04), 0.839093, 1e-6));
  t.is(standardShrinkage(0.04), 1 / 1.04);
  t.is(jitteredShrinkage(0.04, 0), standardShrinkage(0.04));
  t.throws(() => optimalJitterVariance(1, 0.04), { message: /ζ must be in \[0, 1\)/ });
});

test('α* (jittering with the closed-form variance) is the minimiser of the asymptotic worst-case risk', (t) => {
  for (const nu of [0.04, 0.25, 1]) {
    for (const zeta of [0.01, 0.1, 0.3, 0.6]) {
      const { alpha } = bestShrinkage(zeta, nu);
      t.true(close(alpha, optimalShrinkage(zeta, nu), 1e-7), `ν=${nu} ζ=${zeta}: argmin ${alpha} vs α* ${optimalShrinkage(zeta, nu)}`);
    }
  }
});

test('the exact finite-d risk lies below the asymptotic one and converges to it as d grows', (t) => {
  t.true(close(chiMean(1), Math.sqrt(2 / Math.PI), 1e-12));
  t.true(close(chiMean(2), Math.sqrt(Math.PI / 2), 1e-12));
  const [a, z, nu] = [0.84, 0.3, 0.04];
  let previous = 0;
  for (const d of [4, 32, 512, 8192]) {
    const exact = exactWorstCaseRisk(a, z, nu, d);
    t.true(exact < asymptoticWorstCaseRisk(a, z, nu));
    t.true(exact > previous);
    previous = exact;
  }
  t.true(close(previous, asymptoticWorstCaseRisk(a, z, nu), 1e-5));
  // Without an adversary both are the mean squared error s².
  t.true(close(exactWorstCaseRisk(a, 0, nu, 32), (1 - a) ** 2 + a * a * nu, 1e-15));
});

test('standard training is worse than jittering in the worst case by a margin that grows with ζ', (t) => {
  const nu = 0.04;
  const ratio = (z: number) => asymptoticWorstCaseRisk(standardShrinkage(nu), z, nu) / asymptoticWorstCaseRisk(optimalShrinkage(z, nu), z, nu);
  t.true(close(ratio(0), 1, 1e-12));
  t.true(ratio(0.1) > 1.03 && ratio(0.1) < 1.05);
  t.true(ratio(0.3) > 1.08 && ratio(0.3) < 1.1);
});
