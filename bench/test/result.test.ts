import test from 'ava';
import { shapeProblems } from '../result.js';
import { fixtureResult } from './fixture.js';

test('a complete result has the required shape, also after a JSON round trip', (t) => {
  const r = fixtureResult();
  t.deepEqual(shapeProblems(r), []);
  t.deepEqual(shapeProblems(JSON.parse(JSON.stringify(r))), []);
});

test('the keys the brief requires are all at the top level or one level down', (t) => {
  const r = JSON.parse(JSON.stringify(fixtureResult()));
  for (const key of ['backend', 'matmul', 'per_op_overhead_us', 'lowrank_vs_torch', 'smoke_repro_seconds', 'noop_repro_seconds', 'reproductions']) {
    t.true(key in r, key);
  }
  t.deepEqual(Object.keys(r.matmul).slice(0, 6), ['size', 'tfjs_gflops', 'numpy_gflops', 'ratio_vs_numpy', 'wasm_gflops', 'cpu_gflops']);
  t.deepEqual(Object.keys(r.per_op_overhead_us).slice(0, 3), ['tfjs', 'torch', 'ratio']);
  t.deepEqual(Object.keys(r.lowrank_vs_torch).slice(0, 3), ['tfjs_or_ts_seconds', 'torch_seconds', 'ratio']);
  t.deepEqual(Object.keys(r.reproductions['lowrank-gradient-flow']).slice(0, 2), ['seconds', 'peak_rss_mb']);
});

test('a quick run (no pipeline) is still well-shaped: nulls where nothing was measured', (t) => {
  const r = fixtureResult({ smoke_repro_seconds: null, noop_repro_seconds: null, reproductions: {}, quick: true });
  r.matmul.cpu_gflops = null;
  t.deepEqual(shapeProblems(r), []);
});

test('missing keys, wrong types and bad reproduction entries are named', (t) => {
  const r = JSON.parse(JSON.stringify(fixtureResult()));
  delete r.matmul.numpy_gflops;
  r.per_op_overhead_us.ratio = '4.5';
  r.backend = null;
  r.noop_repro_seconds = Number.NaN;
  r.reproductions.x = { seconds: 1 };
  const problems = shapeProblems(r);
  t.true(problems.includes('matmul.numpy_gflops: missing'));
  t.true(problems.includes('per_op_overhead_us.ratio: expected number or null, got string'));
  t.true(problems.includes('backend: null'));
  t.true(problems.includes('noop_repro_seconds: not finite'));
  t.true(problems.includes('reproductions.x.peak_rss_mb: missing'));
  t.deepEqual(shapeProblems(null).slice(0, 1), ['backend: missing']);
  t.true(shapeProblems({ ...fixtureResult(), matmul: [] }).includes('matmul: expected object, got array'));
});
