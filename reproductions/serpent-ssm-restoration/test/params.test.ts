import test from 'ava';
import { params } from '../params.js';

const VALID = {
  seeds: 2, experiments: ['flops', 'deblur'], width: 8, state: 4, chunk: 16, ssm_algorithm: 'chunked', mixer: 'ssm',
  rate_min: 0.001, rate_max: 1, cnn_depth: 4, flops_sides: [32, 64, 128], flops_ratio_side: 512,
  time_sides: [64, 128], time_sides_attention: [32, 64], bench_batch: 4, bench_batch_attention: 4, bench_rounds: 2,
  memory_side: 64, memory_sides: [32, 64], rf_side: 32, rf_model: 'serpent', crop: 32, batch: 4,
  deblur_steps: 10, converge_window: 5, converge_tol: 0.02, offset_steps: 10, learning_rate: 0.01, test_images: 8, blur_sigma: 1.5, blur_noise: 0.01,
  offset_max: 0.25, offset_noise: 0.05, real_images: false, real_share: 0,
};

const messages = (value: unknown) => {
  const r = params.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

test('a valid block parses', (t) => {
  t.deepEqual(messages(VALID), []);
});

test('bad values are reported with the key and what is allowed', (t) => {
  t.true(messages({ ...VALID, time_sides: [64, 66] }).some((m) => m.startsWith('time_sides.1') && m.includes('multiple of 4')));
  t.true(messages({ ...VALID, chunk: 12 }).some((m) => m.startsWith('chunk') && m.includes('power of 2')));
  t.true(messages({ ...VALID, flops_sides: [64, 32, 128] }).some((m) => m.startsWith('flops_sides') && m.includes('increasing')));
  t.true(messages({ ...VALID, rate_min: 2, rate_max: 1 }).some((m) => m.startsWith('rate_min')));
  t.true(messages({ ...VALID, ssm_algorithm: 'full' }).some((m) => m.startsWith('ssm_algorithm') && m.includes('deblur')));
  t.deepEqual(messages({ ...VALID, ssm_algorithm: 'full', experiments: ['flops'] }), []);
  t.true(messages({ ...VALID, experiments: ['flops', 'flops'] }).some((m) => m.startsWith('experiments')));
  t.true(messages({ ...VALID, surprise: 1 }).length > 0);
});
