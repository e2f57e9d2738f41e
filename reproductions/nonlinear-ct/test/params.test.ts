import test from 'ava';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { DEFAULT_RUN, METAL_STOPS, params } from '../params.js';

// The smoke block written in the README's params section, parsed by the schema.
const SMOKE = {
  seeds: 5, experiments: ['rate', 'threshold', 'metal'], signal_norm: 1, indicator: 'closed', solver: 'nonlinear',
  rate_n: 100, rate_m_ratio: 8, rate_step: 0.5, rate_iterations: 3000, record_every: 10,
  threshold_ns: [50, 100, 200], threshold_ratios: [1, 1.5, 2, 2.5, 3, 3.5, 4, 5, 6, 8], threshold_iterations: 3000,
  success_tolerance: 1e-3, success_rate: 0.5, check_every: 10,
  sparse_n: 400, sparse_k: 5, sparse_m: 200, sparse_step: 1, sparse_iterations: 3000, sparse_tolerance: 1e-6, constraint: 'l1',
  ct_size: 32, ct_angles: 60, ct_detectors: 32, photons: 1e4, tissue_attenuation: 0.04, metal_attenuation: 3,
  metal_radius: 2, metal_margin: 2, ct_seeds: 10, ct_iterations: 2000, ct_stop_postlog: 15, ct_stop_nonlinear: 220,
};

const messages = (value: unknown) => {
  const r = params.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

test('the smoke block is valid', (t) => {
  t.deepEqual(messages(SMOKE), []);
});

test('inconsistent values are rejected with the key and the reason', (t) => {
  t.regex(messages({ ...SMOKE, sparse_m: 400 }).join('\n'), /sparse_m: must be < sparse_n \(400\)/);
  t.regex(messages({ ...SMOKE, threshold_ratios: [1, 3, 2] }).join('\n'), /threshold_ratios: must be strictly increasing/);
  t.regex(messages({ ...SMOKE, metal_radius: 5 }).join('\n'), /metal_radius: must be ≤ ct_size\/8 = 4/);
  t.regex(messages({ ...SMOKE, experiments: ['rate', 'rate'] }).join('\n'), /experiments: lists an experiment twice/);
  t.true(messages({ ...SMOKE, unknown_key: 1 }).length > 0, 'unknown keys are errors');
});

test('the params section in the README validates, smoke and paper blocks', (t) => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const block = /```yaml\n(nonlinear-ct:[\s\S]*?)```/.exec(readme);
  t.truthy(block, 'README.md has a ```yaml block starting with nonlinear-ct:');
  const section = parse(block![1])['nonlinear-ct'];
  for (const profile of ['smoke', 'paper']) t.deepEqual(messages(section[profile]), [], profile);
  t.deepEqual(section.smoke, SMOKE);
  for (const [key, value] of Object.entries(METAL_STOPS.starved)) t.is(section.smoke[key], value, `${key}: the no-photon claim's control restores it to share the default run`);
  t.deepEqual(section.smoke.experiments, DEFAULT_RUN, 'the default run lists DEFAULT_RUN, so controls that name it share the run');
});
