import test from 'ava';
import type { Tensor } from '@tensorflow/tfjs-core';
import { getTf } from '#harness/tf';
import { createRng } from '#harness/random';
import { stackClassifiers, type T3 } from '../classifier.js';
import { generatedLabels, initGenerator, invertGenerators } from '../generator.js';
import { disposeFrozen, foldClassifier, makeObjective, objectiveAutodiff } from '../inversion-objective.js';
import type { Weights } from '../protocol.js';

const tf = await getTf();
const SHAPE = { dim: 5, hidden: 7, classes: 6 };
const GEN = { noise: 3, hidden: 6, dim: 5 };

/** A classifier with non-trivial BatchNorm parameters and running statistics. */
function classifier(seed: number): Weights {
  const rng = createRng(seed);
  const r = (n: number, scale: number, shift = 0) => Float32Array.from({ length: n }, () => shift + scale * rng.normal());
  return [r(35, 0.5), r(7, 0.3, 1), r(7, 0.3), r(42, 0.5), r(6, 0.2), r(7, 0.5), Float32Array.from({ length: 7 }, () => 0.5 + rng.next())];
}

for (const [ceTemperature, entropyWeight] of [[1, 1], [1000, 1], [1, 0]] as const) {
  test(`the fused objective equals the autodiff one in value and gradient (T = ${ceTemperature}, w_ie = ${entropyWeight})`, (t) => {
    const model = stackClassifiers(tf, [classifier(1), classifier(2)], SHAPE);
    const frozen = foldClassifier(tf, model, 4);
    const weights = { ceTemperature, entropyWeight, bnWeight: 50 };
    const x = tf.randomNormal([2, 16, 5], 0, 1, 'float32', 3) as T3;
    const fused = makeObjective(tf, frozen, weights, 4);
    const [vf, va] = [fused(x), objectiveAutodiff(tf, frozen, weights, 4, x)];
    // Weight the two models' losses differently so the per-model upstream gradient is exercised.
    const w = tf.tensor1d([1, 2.5]);
    const gf = tf.grad((xx: Tensor) => tf.sum(tf.mul(fused(xx as T3), w)))(x);
    const ga = tf.grad((xx: Tensor) => tf.sum(tf.mul(objectiveAutodiff(tf, frozen, weights, 4, xx as T3), w)))(x);
    const [a, b] = [vf.arraySync() as number[], va.arraySync() as number[]];
    a.forEach((v, i) => t.true(Math.abs(v - b[i]) < 1e-4 * Math.max(1, Math.abs(b[i])), `value ${i}: ${v} vs ${b[i]}`));
    const [gfa, gaa] = [gf.dataSync(), ga.dataSync()];
    const scale = Math.max(...gaa.map(Math.abs));
    let worst = 0;
    gfa.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - gaa[i]))));
    t.true(worst < 1e-4 * scale, `max gradient difference ${worst} against scale ${scale}`);
    t.true(scale > 0);
    tf.dispose([x, vf, va, w, gf, ga, ...Object.values(model)]);
    disposeFrozen(tf, frozen);
  });
}

const CFG = { steps: 30, batch: 32, lr: 0.01, ceTemperature: 1000, entropyWeight: 1, bnWeight: 50, calibration: 200 };

test('generators inverted together get what each gets alone', (t) => {
  const cls = [classifier(4), classifier(5)];
  const inits = [initGenerator(GEN, createRng(6)), initGenerator(GEN, createRng(7))];
  const together = invertGenerators(tf, cls, SHAPE, inits, GEN, 4, CFG, [createRng(8), createRng(9)]);
  const alone = [0, 1].map((g) => invertGenerators(tf, [cls[g]], SHAPE, [inits[g]], GEN, 4, CFG, [createRng(8 + g)])[0]);
  together.forEach((w, g) => w.forEach((part, i) => part.forEach((v, j) => {
    if (Math.abs(v - alone[g][i][j]) > 1e-3 * (1 + Math.abs(v))) t.fail(`model ${g}, part ${i}[${j}]: ${v} vs ${alone[g][i][j]}`);
  })));
  t.pass();
});

test('inversion lowers the objective, and 0 steps leaves the generator at its initialisation', (t) => {
  const cls = [classifier(11)];
  const init = [initGenerator(GEN, createRng(12))];
  const untrained = invertGenerators(tf, cls, SHAPE, init, GEN, 4, { ...CFG, steps: 0 }, [createRng(13)]);
  for (let part = 0; part < 5; part++) t.deepEqual(untrained[0][part], init[0][part]);
  const trained = invertGenerators(tf, cls, SHAPE, init, GEN, 4, { ...CFG, steps: 150, lr: 0.02 }, [createRng(13)]);
  const model = stackClassifiers(tf, cls, SHAPE);
  const frozen = foldClassifier(tf, model, 4);
  const lossOf = (gen: Weights) => {
    // Sample in training mode (the objective's setting): rebuild with the batch statistics.
    const z = tf.randomNormal([1, 256, GEN.noise], 0, 1, 'float32', 14) as T3;
    const value = tf.tidy(() => {
      const W1 = tf.tensor3d(gen[0], [1, GEN.noise, GEN.hidden]);
      const a = tf.matMul(z, W1);
      const m = tf.mean(a, 1, true);
      const v = tf.mean(tf.square(tf.sub(a, m)), 1, true);
      const h = tf.relu(tf.add(tf.mul(tf.div(tf.sub(a, m), tf.sqrt(tf.add(v, 1e-5))), tf.tensor3d(gen[1], [1, 1, GEN.hidden])), tf.tensor3d(gen[2], [1, 1, GEN.hidden])));
      const x = tf.add(tf.matMul(h, tf.tensor3d(gen[3], [1, GEN.hidden, GEN.dim])), tf.tensor3d(gen[4], [1, 1, GEN.dim])) as T3;
      return objectiveAutodiff(tf, frozen, CFG, 4, x).dataSync()[0];
    });
    z.dispose();
    return value;
  };
  t.true(lossOf(trained[0]) < lossOf(untrained[0]) - 0.1, `${lossOf(trained[0])} vs ${lossOf(untrained[0])}`);
  // Sampled labels cover the seen classes only.
  const labels = generatedLabels(tf, cls, SHAPE, trained, GEN, 4, 100, [createRng(15)])[0];
  t.true(labels.every((c) => c >= 0 && c < 4));
  tf.dispose(Object.values(model));
  disposeFrozen(tf, frozen);
});

test('tf.memory().numTensors is flat across inversions', (t) => {
  const cls = [classifier(21)];
  const init = [initGenerator(GEN, createRng(22))];
  invertGenerators(tf, cls, SHAPE, init, GEN, 4, { ...CFG, steps: 3 }, [createRng(23)]);
  const before = tf.memory().numTensors;
  for (let k = 0; k < 3; k++) {
    invertGenerators(tf, cls, SHAPE, init, GEN, 4, { ...CFG, steps: 3 }, [createRng(23)]);
    generatedLabels(tf, cls, SHAPE, init, GEN, 4, 10, [createRng(24)]);
    t.is(tf.memory().numTensors, before, `inversion ${k}`);
  }
});
