/**
 * The main experiment: for each d and seed, the two-step multi-task training (T tasks), the same
 * training on task 0 alone (the single-task control, shown beside it), and the random features
 * W₀; then the downstream XOR fitted on each set of frozen features. Records, per seed and d:
 * the subspace energy and singular-value spread of W₁M, and the three downstream accuracies.
 */
import type { RunContext } from '#harness';
import { makeProblem, taskBatch, xorData } from './data.js';
import { evaluateFeatures, type FeatureJob } from './downstream.js';
import { recordFigures } from './figures.js';
import type { Tf } from './network.js';
import type { Params } from './params.js';
import { singularValueRatio, subspaceEnergy } from './subspace.js';
import { learnFirstLayer } from './upstream.js';

/** Per (d, seed): the method's features, the random baseline, and the single-task control. */
const METHOD = 0;
const RANDOM = 1;
const SINGLE = 2;

export async function runMultitask(ctx: RunContext<Params>, tf: Tf): Promise<void> {
  const p = ctx.params;
  const steps = { headLr: p.head_lr, lr: p.lr };
  const dMax = p.dims[p.dims.length - 1];
  const learned = p.features === 'learned';
  // Single-task side run only where it differs from the method (T > 1, learned features).
  const withSingle = learned && p.tasks > 1;
  let done = 0;
  for (const d of p.dims) {
    const n = Math.round(p.samples_per_dim * d);
    const jobs: FeatureJob[] = [];
    const perSeed: { seed: number; energy: number; ratio: number; randomEnergy: number; singleEnergy: number; singleRatio: number; jobIndex: number[] }[] = [];
    for (const seed of ctx.seeds) {
      const problem = makeProblem(seed, d, p.rank, p.neurons);
      const data = xorData(problem, p.downstream_train, p.downstream_test);
      let W = problem.W0;
      let single: Float32Array | null = null;
      if (learned) {
        const batch = taskBatch(problem, p.tasks, n, p.labels);
        W = learnFirstLayer(tf, problem, batch, p.tasks, steps);
        single = withSingle ? learnFirstLayer(tf, problem, batch, 1, steps) : W;
      }
      const jobIndex: number[] = [];
      jobIndex[METHOD] = jobs.push({ W, data }) - 1;
      jobIndex[RANDOM] = learned ? jobs.push({ W: problem.W0, data }) - 1 : jobIndex[METHOD];
      if (single) jobIndex[SINGLE] = single === W ? jobIndex[METHOD] : jobs.push({ W: single, data }) - 1;
      perSeed.push({
        seed,
        energy: subspaceEnergy(W, problem.M),
        ratio: singularValueRatio(W, problem.M),
        randomEnergy: subspaceEnergy(problem.W0, problem.M),
        singleEnergy: single ? subspaceEnergy(single, problem.M) : Number.NaN,
        singleRatio: single ? singularValueRatio(single, problem.M) : Number.NaN,
        jobIndex,
      });
      ctx.progress(++done, p.dims.length * ctx.seeds.length * 2, `d = ${d}, seed ${seed}: upstream`);
    }
    const fit = evaluateFeatures(tf, jobs, p.l2);
    if (fit.unconverged > 0) ctx.log(`d = ${d}: ${fit.unconverged} of ${jobs.length} logistic fits stopped at ${fit.iterations} Newton steps without converging`);
    for (const s of perSeed) {
      const tag = { seed: s.seed };
      const acc = fit.testAccuracy;
      ctx.record.point('subspace-energy', d, s.energy, tag);
      ctx.record.point('singular-value-ratio', d, s.ratio, tag);
      ctx.record.point('random-subspace-energy', d, s.randomEnergy, tag);
      ctx.record.point('downstream-accuracy', d, acc[s.jobIndex[METHOD]], tag);
      ctx.record.point('random-accuracy', d, acc[s.jobIndex[RANDOM]], tag);
      if (s.jobIndex[SINGLE] !== undefined) {
        ctx.record.point('single-task-accuracy', d, acc[s.jobIndex[SINGLE]], tag);
        ctx.record.point('single-task-subspace-energy', d, s.singleEnergy, tag);
        ctx.record.point('single-task-singular-value-ratio', d, s.singleRatio, tag);
      }
      if (d === dMax) {
        ctx.record.scalar('subspace-energy-dmax', s.energy, tag);
        ctx.record.scalar('singular-value-ratio-dmax', s.ratio, tag);
        ctx.record.scalar('downstream-accuracy-dmax', acc[s.jobIndex[METHOD]], tag);
        ctx.record.scalar('random-accuracy-dmax', acc[s.jobIndex[RANDOM]], tag);
      }
      ctx.progress(++done, p.dims.length * ctx.seeds.length * 2, `d = ${d}, seed ${s.seed}: downstream`);
    }
  }
  recordFigures(ctx);
}
