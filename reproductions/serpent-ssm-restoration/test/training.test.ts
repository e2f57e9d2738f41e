import test from 'ava';
import { getTf } from '#harness/tf';
import { BatchStream, cleanSources } from '../data.js';
import type { Degradation } from '../degrade.js';
import { createModels } from '../model.js';
import { train, windowImprovement } from '../train.js';
import { cnn, serpent } from './specs.js';

const DEBLUR: Degradation = { task: 'deblur', blurSigma: 1.5, blurNoise: 0.01, offsetMax: 0, offsetNoise: 0 };

for (const [label, spec] of [['SerpentLite', serpent()], ['CNN', cnn()]] as const) {
  test(`${label}: tf.memory().numTensors is flat across training steps`, async (t) => {
    const tf = await getTf();
    const before = tf.memory().numTensors;
    const models = createModels(tf, spec, [1, 2]);
    const stream = new BatchStream([1, 2], DEBLUR, cleanSources({ realImages: false, realShare: 0, root: '.' }).train, 16);
    const counts: number[] = [];
    train(tf, models, stream, { steps: 5, batch: 4, learningRate: 1e-2, side: 16 }, () => counts.push(tf.memory().numTensors));
    t.true(counts.every((c) => c === counts[0]), `tensor counts per step: ${[...new Set(counts)].join(', ')}`);
    models.dispose();
    t.is(tf.memory().numTensors, before);
  });

  test(`${label}: Adam fits one fixed batch (the loss falls within 60 steps)`, async (t) => {
    const tf = await getTf();
    const models = createModels(tf, spec, [1, 2]);
    const fixed = new BatchStream([1, 2], DEBLUR, cleanSources({ realImages: false, realShare: 0, root: '.' }).train, 16).next(4);
    const losses = train(tf, models, { next: () => fixed }, { steps: 60, batch: 4, learningRate: 1e-2, side: 16 });
    t.true(losses[losses.length - 1] < 0.95 * losses[0], `loss ${losses[0]} → ${losses[losses.length - 1]}`);
    models.dispose();
  });
}

test('inference mode (activations freed after their last use) gives the training-mode output and holds only it', async (t) => {
  const tf = await getTf();
  const models = createModels(tf, serpent(), [3], { zeroOutput: false });
  const x = tf.randomUniform([1, 2, 16, 16, 1], 0, 1, 'float32', 4) as any;
  const held = tf.memory().numTensors;
  const a = models.infer(x);
  t.is(tf.memory().numTensors, held + 1);
  const b = models.apply(x);
  const diff = tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]);
  t.true(diff < 1e-6, `max |infer − apply| = ${diff}`);
  [a, b, x].forEach((v) => v.dispose());
  models.dispose();
});

test('the convergence rule compares the means of the last two windows of losses', (t) => {
  t.is(windowImprovement([1, 1, 1], 2), null);
  t.is(windowImprovement([4, 4, 2, 2], 2), 0.5);
  t.is(windowImprovement([9, 4, 4, 3, 3], 2), 0.25);
  t.true(windowImprovement([1, 1, 1.1, 1.1], 2)! < 0);
});

test('training stops once the loss stops improving, and runs to the cap otherwise', async (t) => {
  const tf = await getTf();
  const models = createModels(tf, cnn(), [1]);
  const fixed = new BatchStream([1], DEBLUR, cleanSources({ realImages: false, realShare: 0, root: '.' }).train, 16).next(2);
  // A tolerance of 1 (100%) is met as soon as two windows exist; a negative one never is.
  const early = train(tf, models, { next: () => fixed }, { steps: 40, batch: 2, learningRate: 1e-3, side: 16, converge: { window: 5, tol: 1 } });
  t.is(early.length, 10);
  const capped = train(tf, models, { next: () => fixed }, { steps: 12, batch: 2, learningRate: 1e-3, side: 16, converge: { window: 5, tol: -1 } });
  t.is(capped.length, 12);
  models.dispose();
});
