import test from 'ava';
import { mean, normalCdf, std } from '#harness/stats';
import { bayesAccuracy, pcaClusteringAccuracy, pcaOverlapSquared } from '../closed-forms.js';
import { pcaSignTrial } from '../synthetic.js';

test('Bayes accuracy Φ(||μ||) at known values', (t) => {
  t.true(Math.abs(bayesAccuracy(1) - 0.841344746) < 1e-7);
  t.is(bayesAccuracy(0), 0.5);
  t.throws(() => bayesAccuracy(-1), { message: /≥ 0/ });
});

test('BBP overlap: 1 as d/n → 0, 1/3 at c = 0.5 and ℓ = 1, 0 at and below the transition ℓ = √c', (t) => {
  t.true(Math.abs(pcaOverlapSquared(1, 1, 1e9) - 1) < 1e-8);
  t.true(Math.abs(pcaOverlapSquared(1, 250, 500) - 1 / 3) < 1e-12);
  t.true(Math.abs(pcaOverlapSquared(1, 50, 500) - 0.9 / 1.1) < 1e-12);
  t.is(pcaOverlapSquared(1, 1000, 500), 0);
  t.is(pcaOverlapSquared(1, 500, 500), 0); // ℓ = √c = 1: exactly at the transition
  // Continuous at the transition: c → ℓ² from below gives ρ² → 0.
  t.true(pcaOverlapSquared(1, 499.9, 500) < 1e-3);
  // Above the transition with a strong spike: ℓ = 9, c = 2.
  t.true(Math.abs(pcaOverlapSquared(3, 1000, 500) - (1 - 2 / 81) / (1 + 2 / 9)) < 1e-12);
  t.throws(() => pcaOverlapSquared(1, 0, 500), { message: /d ≥ 1/ });
});

test('clustering accuracy: the plan grid, and the in-sample identity ζ²/(1 − ζ²) = ℓρ²', (t) => {
  const grid = [2, 50, 250, 1000].map((d) => pcaClusteringAccuracy(1, d, 500));
  t.log(`closed form at d = 2, 50, 250, 1000 (n = 500): ${grid.map((a) => a.toFixed(4)).join(', ')}`);
  t.true(Math.abs(grid[1] - normalCdf(Math.sqrt(0.9 / 1.1))) < 1e-12);
  t.is(grid[3], 0.5);
  t.true(grid[0] > grid[1] && grid[1] > grid[2] && grid[2] > grid[3]);
  t.true(grid[0] <= bayesAccuracy(1));
  for (const [ell, c] of [[1, 0.1], [2, 0.5], [1.5, 1]]) {
    const rho2 = (1 - c / ell ** 2) / (1 + c / ell);
    const zeta2 = (1 - c / ell ** 2) / (1 + 1 / ell);
    t.true(Math.abs(zeta2 / (1 - zeta2) - ell * rho2) < 1e-12);
  }
});

test('the closed form against a Monte-Carlo of PCA-sign clustering (d = 200, n = 1000, 30 trials)', (t) => {
  const [d, n, trials] = [200, 1000, 30];
  const runs = Array.from({ length: trials }, (_, s) => pcaSignTrial(100 + s, d, n, 1, 20));
  const acc = runs.map((r) => r.accuracy);
  const overlap = runs.map((r) => r.overlap);
  const theory = pcaClusteringAccuracy(1, d, n);
  const se = std(acc) / Math.sqrt(trials);
  t.log(`accuracy ${mean(acc).toFixed(4)} ± ${se.toFixed(4)} (SE) vs ${theory.toFixed(4)}; ρ² ${mean(overlap).toFixed(4)} vs ${pcaOverlapSquared(1, d, n).toFixed(4)}`);
  // Away from the transition (ℓ/√c = 2.2) finite-size bias is small: 4 SE plus 0.01.
  t.true(Math.abs(mean(acc) - theory) < 4 * se + 0.01);
  t.true(Math.abs(mean(overlap) - pcaOverlapSquared(1, d, n)) < 0.03);
});
