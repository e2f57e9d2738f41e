import test from 'ava';
import { forward } from '../architecture.js';
import { analyticCost, matchedCnnWidth, parameterCount, parameterInfo, ssmMacs } from '../cost-model.js';
import { initialWeights } from '../init.js';
import { image, ReferenceOps } from '../reference-ops.js';
import { createRng } from '#harness/random';
import { cnn, serpent, TINY_SPECS } from './specs.js';

for (const { label, spec } of TINY_SPECS) {
  test(`${label}: the analytic count equals the brute-force count of the float64 reference, layer by layer`, (t) => {
    const side = 8;
    const batch = 2;
    const rng = createRng(3);
    const x = image(batch, side, side, 1, Array.from({ length: batch * side * side }, () => rng.next()));
    const ref = new ReferenceOps(initialWeights(spec, 1));
    forward(ref, spec, x);
    const analytic = analyticCost(spec, side, batch);
    const counted = [...ref.macs].map(([layer, macs]) => ({ layer, macs }));
    t.deepEqual(analytic.perLayer, counted);
    t.true(analytic.macs > 0);
  });
}

test('the SSM count is linear in L for the blocked scan and quadratic for the full Toeplitz', (t) => {
  const config = { state: 8, chunk: 16, algorithm: 'chunked' as const, rateMin: 1e-3, rateMax: 1 };
  const lanes = 2 * 16;
  const perPixel = (L: number) => ssmMacs(1, L, 16, config) / L / lanes;
  // Per pixel and lane: T + 4N, the scans' 2N·log2(L/T)/T (+4 from L = 4096 to 65536: 16x more
  // chunks), and the fixed 2N + 2NT + 2NT (Wt, the kernels, the edge maps) spread over L.
  const fixed = (L: number) => (16 + 16 * 16 + 16 * 16) / L;
  t.true(Math.abs(perPixel(65536) - perPixel(4096) - (4 + fixed(65536) - fixed(4096))) < 1e-9);
  // So 16x the pixels cost < 16 · 1.08: a log-log slope below 1.03.
  t.true(perPixel(65536) / perPixel(4096) < 1.08);
  const full = { ...config, algorithm: 'full' as const };
  t.is(ssmMacs(1, 1024, 16, full), lanes * 16 + lanes * 2 * 8 * 1024 + lanes * 1024 * 1024);
});

test('parameter counts: a CNN layer is k²·cin·cout + cout; widths are matched to a target', (t) => {
  t.is(parameterCount(parameterInfo(cnn(3, 5))), (9 * 5 + 5) + (9 * 25 + 5) + (9 * 5 + 1));
  const target = parameterCount(parameterInfo(serpent()));
  const width = matchedCnnWidth(4, target);
  const gap = (w: number) => Math.abs(parameterCount(parameterInfo(cnn(4, w))) - target);
  t.true(gap(width) <= gap(width - 1) && gap(width) <= gap(width + 1));
});
