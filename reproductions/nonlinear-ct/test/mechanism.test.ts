/**
 * Mechanism tests at a tiny size, in-process. The metal claim rests on photon starvation: rays
 * through metal count (almost) nothing, post-log clamps and amplifies them, the nonlinear loss on raw
 * counts does not. Remove the starvation (more photons, same phantoms) and the early-stopped gap
 * must go. The near-minimal claim rests on fitting the nonlinear model: its linearisation on −log y
 * (which ignores the ReLU clipping) must find no threshold at all.
 */
import test from 'ava';
import { getTf } from '#harness/tf';
import { tuningSeeds } from '#harness';
import { meanAt, meanCurve, metalScans, METHODS, traceMetal, type CtParams } from '../metal-trace.js';
import { successGrid, successRates } from '../success-grid.js';

const CT: CtParams = {
  ct_size: 16, ct_angles: 30, ct_detectors: 16, photons: 1e4, tissue_attenuation: 0.1,
  metal_attenuation: 3, metal_radius: 2, metal_margin: 2,
};
const HORIZON = 1500;
const AT = new Set(Array.from({ length: HORIZON / 5 }, (_, k) => (k + 1) * 5));

/** Stops chosen on tuning seeds (least mean tissue RMSE), then the ratio of means on seeds 0..5 at those stops. */
async function earlyStoppedRatio(photons: number): Promise<number> {
  const tf = await getTf();
  const p = { ...CT, photons };
  const horizon = { 'post-log': HORIZON, nonlinear: HORIZON };
  const tune = traceMetal(tf, metalScans(p, tuningSeeds(6)), { photons, horizon, at: AT });
  const stop = Object.fromEntries(METHODS.map((m) => {
    const c = meanCurve(tune, m);
    return [m, tune.iterations[m][c.indexOf(Math.min(...c))]];
  }));
  const verdict = traceMetal(tf, metalScans(p, [0, 1, 2, 3, 4, 5]), { photons, horizon, at: AT });
  return meanAt(verdict, 'post-log', stop['post-log']) / meanAt(verdict, 'nonlinear', stop.nonlinear);
}

test('the early-stopped metal gap is there with photon starvation and gone without it', async (t) => {
  const starved = await earlyStoppedRatio(1e4);
  const ample = await earlyStoppedRatio(1e8);
  t.log(`post-log / nonlinear tissue RMSE: I₀ = 1e4 ${starved.toFixed(2)}, I₀ = 1e8 ${ample.toFixed(2)}`);
  t.true(starved >= 1.5, `with starvation the claim's ratio ${starved} should reach 1.5`);
  t.true(ample < 1.5, `without starvation the ratio ${ample} should stay below 1.5`);
});

test('the linearised (post-log) solver finds no threshold where the nonlinear one succeeds', async (t) => {
  const tf = await getTf();
  const o = { n: 12, ratios: [4, 8], seeds: [0, 1, 2], step: 0.5, iterations: 3000, tolerance: 1e-3, checkEvery: 10, indicator: 'closed' as const, signalNorm: 1 };
  t.deepEqual(successRates(successGrid(tf, o), o.ratios), [1, 1]);
  const linear = successGrid(tf, { ...o, solver: 'post-log' });
  t.deepEqual(successRates(linear, o.ratios), [0, 0]);
  // Biased, not stuck: the iterate moved and settled far from x* (≈ x*/2 gives an error near 0.5).
  t.true(linear.every((c) => c.finalError > 0.2 && c.finalError < 0.9), linear.map((c) => c.finalError.toFixed(3)).join(' '));
});
