/**
 * Chooses σ of the near-miss control of interpolation-threshold-shifts on tuning seeds only
 * (tuningSeeds: never a verdict seed). Run by hand; it prints what it chose, which is then written
 * into claims.ts (THRESHOLD_NEAR_MISS_SIGMA) with a comment:
 *
 *   node --import tsx reproductions/overparam-mtl-continual/tune.ts [seeds=100]
 *
 * Rule, fixed before this script was first run: with identical tasks (ρ = 1) and the pooled model,
 * the largest σ of SIGMAS at which both peaks, single task and multi-task, sit at an edge of their
 * grid (|argmax − threshold| = threshold_halfwidth): the peak at the threshold has vanished, not
 * moved by a step or two. The largest such σ keeps the control nearest to the claim's regime.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { tuningSeeds, Recorder } from '#harness';
import { run } from './experiment.js';
import { params as schema } from './params.js';

const SIGMAS = [0.1, 0.03, 0.01, 0.003, 0.001];
const count = Number(process.argv[2] ?? 100);
const seeds = tuningSeeds(count);
const file = parse(readFileSync(new URL('../../params.yaml', import.meta.url), 'utf8')) as { papers: Record<string, { smoke: unknown }> };
const smoke = schema.parse(file.papers['overparam-mtl-continual'].smoke);
const h = smoke.threshold_halfwidth;

console.log(`tuning seeds ${seeds[0]}..${seeds[seeds.length - 1]}`);
let chosen: number | undefined;
for (const sigma of SIGMAS) {
  const record = new Recorder();
  const p = { ...smoke, parts: ['threshold' as const], rho_similar: 1, sigma };
  await run({ params: p, seeds, record, profile: 'smoke', root: process.cwd(), progress: () => {}, log: () => {} });
  const single = record.scalars('single-peak-offset')[0].value;
  const mtl = record.scalars('mtl-peak-offset')[0].value;
  const vanished = Math.abs(single) === h && Math.abs(mtl) === h;
  console.log(`σ = ${sigma}: single-task peak offset ${single}, multi-task peak offset ${mtl}${vanished ? ' (both at a grid edge)' : ''}`);
  if (vanished && chosen === undefined) chosen = sigma;
}
if (chosen === undefined) throw new Error('no σ on the grid removes both peaks');
console.log(`chosen: σ = ${chosen}`);
