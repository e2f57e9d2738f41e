import test from 'ava';
import { getTf } from '#harness/tf';
import { createRng } from '#harness/random';
import { directBidirectional } from '../ssm-reference.js';
import { bidirectionalScan } from '../ssm-tf.js';

// The scan frees its temporaries as it goes (nested tidies, explicit disposes); under a gradient
// tape that must not change the gradients. Checked against central differences of the float64
// definition, for the inputs and the SSM parameters.
test('gradients through the blocked scan match finite differences of the definition', async (t) => {
  const tf = await getTf();
  const rng = createRng(21);
  const [B, L, N] = [2, 32, 3];
  const u = Array.from({ length: B * L }, () => rng.normal());
  const r = Array.from({ length: B * L }, () => rng.normal());
  const logRate = Array.from({ length: 2 * N }, () => Math.log(0.05) + 2 * rng.next());
  const w = Array.from({ length: 2 * N }, () => rng.normal());
  const objective = (uu: number[], lr: number[], ww: number[]) => {
    const y = directBidirectional(Float64Array.from(uu), B, L, { logRate: lr.slice(0, N), w: ww.slice(0, N) }, { logRate: lr.slice(N), w: ww.slice(N) });
    return y.reduce((s, v, i) => s + v * r[i], 0);
  };
  const grads = tf.tidy(() => {
    const f = (uu: any, lr: any, ww: any) => tf.sum(tf.mul(bidirectionalScan(tf, uu, lr, ww, { chunk: 4, algorithm: 'chunked' }).reshape([B * L]), tf.tensor1d(r)));
    return tf.grads(f)([tf.tensor3d(u, [1, B, L]), tf.tensor3d(logRate, [1, 2, N]), tf.tensor3d(w, [1, 2, N])]).map((g) => Array.from(g.dataSync()));
  });
  const central = (which: 0 | 1 | 2, i: number, h: number) => {
    const args = [u, logRate, w].map((a) => [...a]);
    args[which][i] += h;
    const up = objective(args[0], args[1], args[2]);
    args[which][i] -= 2 * h;
    return (up - objective(args[0], args[1], args[2])) / (2 * h);
  };
  for (const i of [0, 7, 33, 63]) t.true(Math.abs(grads[0][i] - central(0, i, 1e-3)) < 1e-3, `∂/∂u[${i}]`);
  for (let i = 0; i < 2 * N; i++) {
    const scale = Math.max(1, Math.abs(central(1, i, 1e-5)));
    t.true(Math.abs(grads[1][i] - central(1, i, 1e-5)) < 2e-3 * scale, `∂/∂logRate[${i}]: ${grads[1][i]} vs ${central(1, i, 1e-5)}`);
    t.true(Math.abs(grads[2][i] - central(2, i, 1e-5)) < 2e-3 * Math.max(1, Math.abs(central(2, i, 1e-5))), `∂/∂w[${i}]`);
  }
});
