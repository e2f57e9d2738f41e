import test from 'ava';
import * as core from '@tensorflow/tfjs-core';
import { describeBackend } from '../../src/backend/describe.js';
import { selectBackend } from '../../src/backend/select.js';
import { getTf } from '../../src/backend/tf.js';

// This test file runs in its own process (workerThreads: false), so forcing cpu here is safe.
process.env.REPRO_BACKEND = 'cpu';

test('selection is made once per process and shared through the one tfjs-core', async (t) => {
  const first = await selectBackend();
  const again = await selectBackend({ prefer: 'wasm' });
  t.is(again, first);
  t.is(first.name, 'cpu');
  const tf = await getTf();
  t.is(tf.engine(), core.engine());
  t.is(core.getBackend(), 'cpu');
});

test('tensors made inside tidy are disposed', async (t) => {
  const tf = await getTf();
  const before = tf.memory().numTensors;
  const value = tf.tidy(() => tf.matMul(tf.ones([8, 8]), tf.ones([8, 8])).sum().arraySync());
  t.is(value, 512);
  t.is(tf.memory().numTensors, before);
});

test('describeBackend gives the doctor lines', async (t) => {
  const text = describeBackend(await selectBackend());
  for (const label of ['backend:', 'fallbacks:', 'tfjs-core:', 'TensorFlow C lib:', 'native binding:', 'node:', 'CPU:']) {
    t.true(text.includes(label), `missing ${label}\n${text}`);
  }
  t.regex(text, /backend:\s+cpu/);
  t.regex(text, /cores available/);
});
