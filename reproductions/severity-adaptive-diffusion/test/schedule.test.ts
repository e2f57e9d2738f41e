import test from 'ava';
import { alphaBars, ddimGrid, pureNoiseStart, snr, startIndex, varianceAt } from '../schedule.js';

const DDPM = { T: 1000, betaStart: 1e-4, betaEnd: 0.02 };

test('ᾱ of the linear DDPM schedule: ᾱ₁ = 1 − β₁ and the known ᾱ_T ≈ 4.04e-5', (t) => {
  const ab = alphaBars(DDPM);
  t.is(ab[0], 1);
  t.true(Math.abs(ab[1] - (1 - 1e-4)) < 1e-15);
  t.true(Math.abs(ab[2] - (1 - 1e-4) * (1 - (1e-4 + 0.0199 / 999))) < 1e-15);
  t.true(Math.abs(ab[1000] / 4.0358e-5 - 1) < 1e-3, `ᾱ_T = ${ab[1000]}`);
});

test('the DDIM grid takes every T/N-th step, starting at ᾱ = 1', (t) => {
  const g = ddimGrid(DDPM, 100);
  t.is(g.timesteps.length, 101);
  t.deepEqual(g.timesteps.slice(0, 3), [0, 10, 20]);
  t.is(g.alphaBars[0], 1);
  t.is(g.alphaBars[100], alphaBars(DDPM)[1000]);
  t.throws(() => ddimGrid(DDPM, 300), { message: /must divide/ });
});

test('the start index is the brute-force argmin of |SNR − 1/σ²|, clamped to 1..N', (t) => {
  const g = ddimGrid(DDPM, 100);
  for (const v of [1e-4, 0.01, 0.05, 0.2, 0.5, 1, 3, 1e6]) {
    const costs = g.alphaBars.slice(1).map((a) => Math.abs(snr(a) - 1 / v));
    t.is(startIndex(g, v), 1 + costs.indexOf(Math.min(...costs)), `σ² = ${v}`);
  }
  t.is(startIndex(g, 1e-9), 1);
  t.is(startIndex(g, 1e9), 100);
  // At a grid point the matching is exact.
  t.is(startIndex(g, varianceAt(g, 17)), 17);
});

test('the start recipe is pure noise from the first step with c·σ² ≥ 1', (t) => {
  const g = ddimGrid(DDPM, 100);
  const k = pureNoiseStart(g, 1.2);
  t.true(1.2 * varianceAt(g, k) >= 1 && 1.2 * varianceAt(g, k - 1) < 1);
});
