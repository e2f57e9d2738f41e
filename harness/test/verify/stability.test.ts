import test from 'ava';
import { execa } from 'execa';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toyProject } from '../runner/toy.js';

const CLI = fileURLToPath(new URL('../../bin/repro.js', import.meta.url));
const repro = (cwd: string, ...args: string[]) => execa(process.execPath, [CLI, ...args], { cwd, reject: false, all: true, env: { REPRO_BACKEND: 'cpu' } });

test('verify --seeds reruns with fresh seeds, writes stability.json, and fails when a verdict moves with the seeds', async (t) => {
  // The toy's slope is 1 + 0.001·seed: fine for seeds 0..2, far outside [0.9, 1.1] from seed 1000 on.
  const root = toyProject();
  t.is((await repro(root, 'run', 'toy')).exitCode, 0);
  t.is((await repro(root, 'verify', '--update')).exitCode, 0);
  const r = await repro(root, 'verify', '--seeds', '2');
  t.is(r.exitCode, 1, r.all);
  t.regex(r.stdout, /toy\/slope-is-one: pass in 0% of 2 fresh-seed runs \(fail, fail\)/);
  t.regex(r.stdout, /toy\/slope-positive: pass in 100% of 2 fresh-seed runs/);
  t.regex(r.stdout, /✗ toy\/slope-is-one: the verdict changes with the seeds/);
  const stability = JSON.parse(readFileSync(path.join(root, 'results', 'toy', 'stability.json'), 'utf8'));
  t.deepEqual(stability.seedBases, [1000, 2000]);
  t.is(stability.claims['slope-positive'].passRate, 1);
  t.is((await repro(root, 'report')).exitCode, 0);
  t.regex(readFileSync(path.join(root, 'reports', 'toy.html'), 'utf8'), /over 2 fresh-seed runs: fail 2/);
});
