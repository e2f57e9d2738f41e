import test from 'ava';
import { getTf } from '../../src/backend/tf.js';
import { FlatAdam } from '../../src/optim/flat-adam.js';

/** Adam in float64, one parameter vector, written from the paper's Algorithm 1 (the reference). */
function referenceAdam(x0: number[], grad: (x: number[]) => number[], rates: number[], b1 = 0.9, b2 = 0.999, eps = 1e-8): number[] {
  const x = [...x0];
  const m = x.map(() => 0);
  const v = x.map(() => 0);
  rates.forEach((lr, k) => {
    const t = k + 1;
    const g = grad(x);
    for (let i = 0; i < x.length; i++) {
      m[i] = b1 * m[i] + (1 - b1) * g[i];
      v[i] = b2 * v[i] + (1 - b2) * g[i] ** 2;
      x[i] -= (lr * Math.sqrt(1 - b2 ** t) / (1 - b1 ** t)) * m[i] / (Math.sqrt(v[i]) + eps);
    }
  });
  return x;
}

test('steps on two variables of different shapes match a float64 Adam, with a schedule', async (t) => {
  const tf = await getTf();
  // loss = Σ c_i (x_i − 1)² over the flat vector [a (2x2), b (3)]: gradient 2 c_i (x_i − 1).
  const c = [1, 2, 3, 4, 0.5, 5, 0.1];
  const x0 = [0.3, -1.2, 2.0, 0.7, -0.4, 1.5, 3.0];
  const a = tf.variable(tf.tensor2d(x0.slice(0, 4), [2, 2]));
  const b = tf.variable(tf.tensor1d(x0.slice(4)));
  const weights = tf.tensor1d(c);
  const adam = new FlatAdam(tf, [a, b]);
  const rates = [0.1, 0.08, 0.05, 0.05, 0.02];
  const losses = rates.map((lr) =>
    adam.minimize(() => tf.sum(tf.mul(weights, tf.square(tf.sub(tf.concat([tf.reshape(a, [-1]), b]), 1)))) as ReturnType<typeof tf.scalar>, lr));
  const expected = referenceAdam(x0, (x) => x.map((xi, i) => 2 * c[i] * (xi - 1)), rates);
  const got = [...a.dataSync(), ...b.dataSync()];
  got.forEach((g, i) => t.true(Math.abs(g - expected[i]) < 1e-5, `x[${i}] = ${g}, float64 reference ${expected[i]}`));
  t.is(adam.steps, 5);
  t.true(losses[4] < losses[0], `loss went from ${losses[0]} to ${losses[4]}`);
  adam.dispose();
  [a, b, weights].forEach((x) => x.dispose());
});

test('a step leaves no tensors behind', async (t) => {
  const tf = await getTf();
  const w = tf.variable(tf.randomNormal([4, 3], 0, 1, 'float32', 7));
  const adam = new FlatAdam(tf, [w], { beta1: 0.8 });
  const loss = () => tf.mean(tf.square(w)) as ReturnType<typeof tf.scalar>;
  adam.minimize(loss, 0.01);
  const before = tf.memory().numTensors;
  for (let k = 0; k < 5; k++) adam.minimize(loss, 0.01);
  t.is(tf.memory().numTensors, before);
  adam.dispose();
  w.dispose();
});

test('no variables is an error, not a silent no-op', async (t) => {
  const tf = await getTf();
  t.throws(() => new FlatAdam(tf, []), { message: /no variables/ });
});
