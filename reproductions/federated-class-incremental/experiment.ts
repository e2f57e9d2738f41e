/**
 * The experiment: every listed method trained through the same class-incremental federation per
 * seed (federation.ts), then the numbers the claims read, per seed:
 *   final-accuracy-<m>, forgetting-<m>       accuracy over all classes after the last task; average forgetting
 *   mfcl-minus-fedavg                        the first claim's paired difference
 *   generator-label-entropy                  min over tasks of the trained generator's label entropy
 *   client-old-task-samples / client-stored-arrays / non-weight-bytes   the protocol audit of MFCL
 * and the curves seen-accuracy-<m> (accuracy on the classes seen so far after each task).
 */
import type { RunContext } from '#harness';
import { getTf } from '#harness/tf';
import { simulate, type FederationResult } from './federation.js';
import { recordFigures } from './figures.js';
import { averageForgetting } from './metrics.js';
import type { Params } from './params.js';

export async function run(ctx: RunContext<Params>): Promise<void> {
  const p = ctx.params;
  const tf = await getTf();
  const results = simulate(tf, p, ctx.seeds, (done, total) => ctx.progress(done, total, 'rounds'));
  const of = (method: string, seed: number) => results.find((r) => r.method === method && r.seed === seed);
  for (const r of results) {
    const tag = { seed: r.seed };
    const m = r.method;
    ctx.record.curve(`seen-accuracy-${m}`, r.seenAccuracy.map((_, t) => t + 1), r.seenAccuracy, tag);
    ctx.record.scalar(`final-accuracy-${m}`, r.seenAccuracy[r.seenAccuracy.length - 1], tag);
    ctx.record.scalar(`forgetting-${m}`, averageForgetting(r.accuracy), tag);
    ctx.record.scalar(`client-old-task-samples-${m}`, r.oldTaskSamples, tag);
    ctx.record.scalar(`client-stored-arrays-${m}`, r.storedArrays, tag);
    ctx.record.scalar(`non-weight-bytes-${m}`, r.nonWeightBytes, tag);
    if (r.generatorEntropy.length) {
      ctx.record.curve(`generator-entropy-${m}`, r.generatorEntropy.map((_, t) => t + 1), r.generatorEntropy, tag);
      ctx.record.scalar(`generator-label-entropy-${m}`, Math.min(...r.generatorEntropy), tag);
    }
  }
  for (const seed of ctx.seeds) {
    const mfcl = of('mfcl', seed);
    const fedavg = of('fedavg', seed);
    if (mfcl && fedavg) ctx.record.scalar('mfcl-minus-fedavg', last(mfcl) - last(fedavg), { seed });
  }
  ctx.log(summary(results));
  recordFigures(ctx, results);
}

function last(r: FederationResult): number {
  return r.seenAccuracy[r.seenAccuracy.length - 1];
}

function summary(results: readonly FederationResult[]): string {
  const methods = [...new Set(results.map((r) => r.method))];
  return methods.map((m) => {
    const rs = results.filter((r) => r.method === m);
    const mean = (f: (r: FederationResult) => number) => (rs.reduce((s, r) => s + f(r), 0) / rs.length).toFixed(1);
    return `${m}: final ${mean(last)}%, forgetting ${mean((r) => averageForgetting(r.accuracy))}, seen-acc per task [${rs[0].seenAccuracy.map((a) => a.toFixed(0)).join(' ')}] (seed ${rs[0].seed})`;
  }).join('\n');
}
