/**
 * The out-of-distribution baseline: distance to the labelled positives' mean. The π fraction of
 * U nearest to that mean is called positive, so the threshold is U's π-quantile of distances
 * (a detector that knows the class prior, like nnPU).
 */
import { quantile } from '#harness/stats';

export function distanceDetector(labelled: ArrayLike<number>, unlabelled: ArrayLike<number>, d: number, prior: number): { predict(rows: ArrayLike<number>): Uint8Array } {
  if (!(prior > 0 && prior < 1)) throw new Error(`distanceDetector: the class prior must be in (0, 1), got ${prior}`);
  const nP = labelled.length / d;
  const centre = new Float64Array(d);
  for (let i = 0; i < nP; i++) for (let j = 0; j < d; j++) centre[j] += labelled[i * d + j] / nP;
  const distances = (rows: ArrayLike<number>) => Float64Array.from({ length: rows.length / d }, (_, i) => {
    let s = 0;
    for (let j = 0; j < d; j++) s += (rows[i * d + j] - centre[j]) ** 2;
    return Math.sqrt(s);
  });
  const threshold = quantile([...distances(unlabelled)], prior);
  return { predict: (rows) => Uint8Array.from(distances(rows), (r) => (r <= threshold ? 1 : 0)) };
}
