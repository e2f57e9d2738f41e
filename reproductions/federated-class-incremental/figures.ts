/**
 * The evidence the claim charts do not show side by side: accuracy on the seen classes after
 * each task per method, average forgetting per method, and the class histogram of generated
 * samples (trained against untrained generator).
 */
import { intervalChart, seriesChart, type XY } from '#harness/charts';
import type { RunContext } from '#harness';
import type { FederationResult } from './federation.js';
import { averageForgetting, mean } from './metrics.js';
import type { Params } from './params.js';

export function recordFigures(ctx: RunContext<Params>, results: readonly FederationResult[]): void {
  const p = ctx.params;
  const methods = p.methods.filter((m) => results.some((r) => r.method === m));
  const n = ctx.seeds.length;
  const accuracy: XY[] = methods.flatMap((m) => {
    const rs = results.filter((r) => r.method === m);
    return rs[0].seenAccuracy.map((_, t) => ({ x: t + 1, y: mean(rs.map((r) => r.seenAccuracy[t])), group: m }));
  });
  ctx.record.figure({
    id: 'seen-accuracy-per-task',
    title: 'Accuracy on all classes seen so far, after each task',
    caption: `Mean over ${n} seeds; ${p.tasks} tasks of ${p.classes / p.tasks} classes, ${p.clients} clients (${p.clients_per_round} per round, Dirichlet α = ${p.dirichlet_alpha}), ${p.rounds_per_task} rounds per task. Synthetic proxy data (Gaussian clusters through a random 2-layer map), not the paper's images.`,
    chart: seriesChart({ title: 'accuracy on seen classes', xTitle: 'task', yTitle: 'accuracy (%)', points: accuracy, mark: 'line' }),
  });
  ctx.record.figure({
    id: 'forgetting-per-method',
    title: 'Average forgetting per method',
    caption: `Mean over ${n} seeds (bars: min to max over seeds) of (1/(T−1)) Σ_j (best accuracy on task j before the end − final accuracy on task j), in points.`,
    chart: intervalChart({
      title: 'average forgetting',
      yTitle: 'forgetting (points)',
      items: methods.map((m) => {
        const f = results.filter((r) => r.method === m).map((r) => averageForgetting(r.accuracy));
        return { label: m, value: mean(f), lo: Math.min(...f), hi: Math.max(...f) };
      }),
    }),
  });
  const generatorMethods = methods.filter((m) => results.some((r) => r.method === m && r.lastHistogram));
  if (generatorMethods.length) {
    const points: XY[] = generatorMethods.flatMap((m) => {
      const hs = results.filter((r) => r.method === m && r.lastHistogram).map((r) => r.lastHistogram!);
      return hs[0].map((_, c) => ({ x: c, y: hs.reduce((s, h) => s + h[c], 0), group: m === 'mfcl' ? 'trained generator (MFCL)' : 'untrained generator' }));
    });
    const seen = (p.tasks - 1) * (p.classes / p.tasks);
    ctx.record.figure({
      id: 'generated-class-histogram',
      title: 'Classes of generated samples (the last generator)',
      caption: `Argmax label, among the ${seen} classes seen before the last task, of ${p.histogram_samples} generated samples per seed, summed over ${n} seeds; classes ≥ ${seen} cannot occur. Balanced would be ${((p.histogram_samples * n) / seen).toFixed(0)} per class.`,
      chart: seriesChart({ title: 'generated class histogram', xTitle: 'class', yTitle: 'samples', points, mark: 'line' }),
    });
  }
}
