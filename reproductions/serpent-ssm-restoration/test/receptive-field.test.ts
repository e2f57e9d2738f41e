import test from 'ava';
import { getTf } from '#harness/tf';
import { centreGradients, fieldSize } from '../receptive-field.js';
import { cnn, serpent } from './specs.js';

test('a 3-layer 3x3 CNN sees exactly its 7x7 window', async (t) => {
  const tf = await getTf();
  const before = tf.memory().numTensors;
  const [g] = centreGradients(tf, cnn(3, 5), [1], 16);
  t.is(fieldSize(g), 49);
  // ... and the window is centred on the probed pixel (8, 8).
  for (let i = 0; i < 256; i++) {
    const [y, x] = [Math.floor(i / 16), i % 16];
    t.is(g[i] !== 0, Math.abs(y - 8) <= 3 && Math.abs(x - 8) <= 3, `pixel (${y}, ${x})`);
  }
  t.is(tf.memory().numTensors, before);
});

test('one SerpentLite layer stack reaches every pixel (global receptive field)', async (t) => {
  const tf = await getTf();
  const gradients = centreGradients(tf, serpent(), [1, 2], 16);
  for (const g of gradients) t.is(fieldSize(g), 256);
});
