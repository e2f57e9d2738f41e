/**
 * Extra figures of the main run, for what the claim charts do not show side by side: the
 * subspace energy against its null r/d, and the downstream accuracy of the learned, random and
 * single-task features against d.
 */
import { seriesChart, type XY } from '#harness/charts';
import type { RunContext } from '#harness';
import type { Params } from './params.js';

/** Per-seed points of a recorded series, all under one legend entry, and their mean per x. */
function pointsAndMeans(ctx: RunContext<Params>, series: string, group: string): { points: XY[]; means: XY[] } {
  const points = ctx.record.series(series).flatMap((c) => c.x.map((x, i) => ({ x, y: c.y[i], group })));
  const byX = new Map<number, number[]>();
  for (const pt of points) byX.set(pt.x, [...(byX.get(pt.x) ?? []), pt.y]);
  const means = [...byX.entries()].sort((a, b) => a[0] - b[0]).map(([x, ys]) => ({ x, y: ys.reduce((s, v) => s + v, 0) / ys.length }));
  return { points, means };
}

export function recordFigures(ctx: RunContext<Params>): void {
  const p = ctx.params;
  const method = p.features === 'learned' ? `learned, T = ${p.tasks}` : 'random W₀';
  const learned = pointsAndMeans(ctx, 'subspace-energy', method);
  const single = pointsAndMeans(ctx, 'single-task-subspace-energy', 'learned, T = 1');
  ctx.record.figure({
    id: 'subspace-energy-vs-d',
    title: 'Energy of W₁ in the ground-truth subspace, against d',
    caption: `E = ||W₁M||²_F / ||W₁||²_F per seed (points), with the null r/d of an isotropic W (dashed), r = ${p.rank}. Upstream samples per task grow as ${p.samples_per_dim}·d.`,
    chart: seriesChart({
      title: 'subspace energy vs d',
      xTitle: 'd',
      yTitle: 'E',
      xLog: true,
      mark: 'point',
      points: [...learned.points, ...single.points],
      fit: { label: `mean, ${method}`, points: learned.means },
      references: [
        { label: 'null r/d', points: p.dims.map((d) => ({ x: d, y: p.rank / d })) },
        ...(single.means.length ? [{ label: 'mean, T = 1', points: single.means }] : []),
      ],
    }),
  });
  const methodAcc = pointsAndMeans(ctx, 'downstream-accuracy', method);
  const randomAcc = pointsAndMeans(ctx, 'random-accuracy', 'random W₀');
  const singleAcc = pointsAndMeans(ctx, 'single-task-accuracy', 'learned, T = 1');
  ctx.record.figure({
    id: 'downstream-accuracy-vs-d',
    title: 'Downstream XOR accuracy of frozen features, against d',
    caption: `Logistic regression on m = ${p.neurons} normalised ReLU features, ${p.downstream_train} train / ${p.downstream_test} test samples at every d; points per seed, dashed lines the means.`,
    chart: seriesChart({
      title: 'downstream accuracy vs d',
      xTitle: 'd',
      yTitle: 'test accuracy',
      xLog: true,
      mark: 'point',
      points: [...methodAcc.points, ...(p.features === 'learned' ? randomAcc.points : []), ...singleAcc.points],
      fit: { label: `mean, ${method}`, points: methodAcc.means },
      references: [
        ...(p.features === 'learned' ? [{ label: 'mean, random W₀', points: randomAcc.means }] : []),
        ...(singleAcc.means.length ? [{ label: 'mean, T = 1', points: singleAcc.means }] : []),
      ],
      band: { lo: 0.5, label: 'chance' },
    }),
  });
}
