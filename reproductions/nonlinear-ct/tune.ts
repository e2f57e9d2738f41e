/**
 * Chooses the metal claims' early-stopping iterations (ct_stop_postlog, ct_stop_nonlinear) on
 * TUNING seeds, never on verdict seeds: for each method, the traced iteration (every 5 steps up to
 * a horizon) with the least tissue RMSE averaged over tuningSeeds(10), in each regime a metal run
 * uses: metal 3.0/px (fewer-metal-artifacts), 1.0/px (no-photon-starvation-no-gap) and 3.0/px with
 * 10⁸ photons (fewer-metal-artifacts' control: no ray starved). Run by hand:
 *   npx tsx reproductions/nonlinear-ct/tune.ts [smoke|paper]
 * and copy what it prints into params.yaml (papers.nonlinear-ct.<profile>) and params.ts (METAL_STOPS).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { getTf } from '#harness/tf';
import { tuningSeeds } from '#harness';
import { meanAt, meanCurve, metalScans, METHODS, traceMetal } from './metal-trace.js';
import { params } from './params.js';

const EVERY = 5;
const SEEDS = tuningSeeds(10);

const profile = process.argv[2] ?? 'smoke';
const file = parse(readFileSync(new URL('../../params.yaml', import.meta.url), 'utf8')) as { papers: Record<string, Record<string, unknown>> };
const p = params.parse(file.papers['nonlinear-ct'][profile]);
const tf = await getTf();

// With 10⁸ photons post-log keeps improving for thousands of steps (high SNR: nothing to stop for; in a longer
// search on these tuning seeds its mean tissue RMSE still fell at 16000), so that regime gets a 4× horizon, a
// compromise with the smoke time; a stop at the horizon only flatters the nonlinear side of the ratio.
const REGIMES = [
  { metal_attenuation: p.metal_attenuation, photons: p.photons, horizon: p.ct_iterations },
  { metal_attenuation: 1, photons: p.photons, horizon: p.ct_iterations },
  { metal_attenuation: p.metal_attenuation, photons: 1e8, horizon: 4 * p.ct_iterations },
];

for (const regime of REGIMES) {
  const { horizon } = regime;
  const at = new Set(Array.from({ length: Math.floor(horizon / EVERY) }, (_, k) => (k + 1) * EVERY));
  const started = Date.now();
  const trace = traceMetal(tf, metalScans({ ...p, ...regime }, SEEDS), { photons: regime.photons, horizon: { 'post-log': horizon, nonlinear: horizon }, at });
  const curves = Object.fromEntries(METHODS.map((m) => [m, meanCurve(trace, m)]));
  console.log(`metal ${regime.metal_attenuation}/px, I₀ = ${regime.photons}, ${p.ct_size}×${p.ct_size}, tuning seeds ${SEEDS[0]}..${SEEDS.at(-1)}, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const best: Record<string, number> = {};
  for (const m of METHODS) {
    const c = curves[m];
    const k = c.indexOf(Math.min(...c));
    best[m] = trace.iterations[m][k];
    console.log(`  ${m}: least mean tissue RMSE ${c[k].toExponential(3)} at iteration ${best[m]} (at ${horizon}: ${c.at(-1)!.toExponential(3)})`);
  }
  const ratioAt = (t: number) => meanAt(trace, 'post-log', t) / meanAt(trace, 'nonlinear', t);
  const early = meanAt(trace, 'post-log', best['post-log']) / meanAt(trace, 'nonlinear', best.nonlinear);
  console.log(`  ratio post-log / nonlinear, both early-stopped: ${early.toFixed(3)}; at the same iteration: ${[100, 500, 1000, 2000, horizon].filter((t, i, all) => t <= horizon && all.indexOf(t) === i).map((t) => `${t}: ${ratioAt(t).toFixed(2)}`).join(', ')}`);
  console.log(`  => ct_stop_postlog: ${best['post-log']}, ct_stop_nonlinear: ${best.nonlinear}`);
}
