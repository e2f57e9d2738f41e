import test from 'ava';
import { detailTable, fmt, formatGrid, statusWord, targetTable } from '../table.js';
import { fixtureResult } from './fixture.js';

test('fmt: significant digits, large values rounded, n/a for missing', (t) => {
  t.is(fmt(178.4321), '178');
  t.is(fmt(0.52345), '0.523');
  t.is(fmt(12.5), '12.5');
  t.is(fmt(1234.6), '1235');
  t.is(fmt(0), '0');
  t.is(fmt(0.000012345), '0.000012');
  t.is(fmt(null), 'n/a');
  t.is(fmt(Number.NaN), 'n/a');
});

test('formatGrid pads columns to the widest cell and rules the header', (t) => {
  const text = formatGrid(['a', 'bb'], [['xxx', 'y'], ['z', 'wwww']]);
  t.is(text, ['a    bb', '---  ----', 'xxx  y', 'z    wwww'].join('\n'));
});

test('statusWord', (t) => {
  t.is(statusWord(true), 'met');
  t.is(statusWord(false), 'NOT MET');
  t.is(statusWord(null), 'not measured');
});

test('the target table: one row per target, measured value with what it came from, goal and status', (t) => {
  const lines = targetTable(fixtureResult()).split('\n');
  t.is(lines.length, 2 + 5);
  t.regex(lines[0], /^target\s+measured \(median\)\s+goal\s+status$/);
  t.regex(lines[2], /matmul.*0\.500x \(native 90\.0 vs numpy 180 GFLOP\/s\)\s+>= 0\.8\s+NOT MET$/);
  t.regex(lines[3], /per-op.*4\.50x \(9\.00 vs 2\.00 us\/op\)\s+<= 3\s+NOT MET$/);
  t.regex(lines[4], /lowrank.*0\.750x \(0\.150 vs 0\.200 s\)\s+<= 1\.5\s+met$/);
  t.regex(lines[5], /smoke.*42\.0 s\s+<= 300\s+met$/);
  t.regex(lines[6], /no-op.*2\.50 s\s+<= 5\s+met$/);
  // Columns line up: every status starts at the same offset.
  const at = lines.slice(2).map((l) => l.search(/(met|NOT MET|not measured)$/));
  t.true(at.every((x) => x === at[0]));
});

test('a quick run prints n/a and "not measured" for the pipeline rows', (t) => {
  const text = targetTable(fixtureResult({ smoke_repro_seconds: null, noop_repro_seconds: null, reproductions: {} }));
  t.regex(text, /smoke.*n\/a\s+<= 300\s+not measured/);
});

test('the detail table lists the other backends, the fastest-sample ratios, the binding floor, the error agreement and each reproduction', (t) => {
  const text = detailTable(fixtureResult());
  t.regex(text, /matmul wasm .*20\.0 GFLOP\/s/);
  t.regex(text, /matmul cpu .*0\.500 GFLOP\/s/);
  t.regex(text, /TF binding alone.*5\.50 us\/op/);
  t.regex(text, /matmul tfjs \/ numpy, fastest samples\s+0\.550x/);
  t.regex(text, /per-op tfjs \/ PyTorch, fastest samples\s+6\.40x \(8\.00 vs 1\.25 us\/op\)/);
  t.regex(text, /lowrank TS \/ PyTorch, fastest samples\s+0\.800x/);
  t.regex(text, /max rel\. diff 3\.0e-14/);
  t.regex(text, /reproduction lowrank-gradient-flow\s+10\.5 s, peak RSS 312 MB/);
});

test('the detail table leaves out what a result does not have', (t) => {
  const r = fixtureResult();
  r.per_op_overhead_us = { tfjs: 9, torch: 2, ratio: 4.5 };
  const text = detailTable(r);
  t.notRegex(text, /binding alone/);
  t.notRegex(text, /per-op tfjs/);
});

test('the webgpu matmul row gives GFLOP/s, the ratio to the in-process backend and the adapter; n/a when not measured', (t) => {
  const base = fixtureResult();
  t.regex(detailTable(base), /matmul webgpu \(child process\)\s+n\/a/);
  const r = fixtureResult({ matmul: { ...base.matmul, webgpu_gflops: 0.646, webgpu_ratio_vs_tfjs: 0.0136, webgpu_adapter: 'mesa llvmpipe [software]' } });
  t.regex(detailTable(r), /matmul webgpu \(child process\)\s+0\.646 GFLOP\/s, 0\.0136x the in-process backend \(mesa llvmpipe \[software\]\)/);
});
