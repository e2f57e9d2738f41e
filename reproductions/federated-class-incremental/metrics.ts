/** Pure measures of the class-incremental runs: accuracy, forgetting, label balance. */

/**
 * Average forgetting (Chaudhry et al.): acc[t][j] is the accuracy on task j after task t (j ≤ t).
 * For every task but the last, the drop from its best accuracy before the end to its final one,
 * averaged: (1/(T−1)) Σ_{j<T−1} (max_{j≤l<T−1} acc[l][j] − acc[T−1][j]).
 */
export function averageForgetting(acc: readonly (readonly number[])[]): number {
  const T = acc.length;
  if (T < 2) return Number.NaN;
  let total = 0;
  for (let j = 0; j < T - 1; j++) {
    let best = -Infinity;
    for (let l = j; l < T - 1; l++) best = Math.max(best, acc[l][j]);
    total += best - acc[T - 1][j];
  }
  return total / (T - 1);
}

/** Counts of each label in [0, classes). */
export function histogram(labels: ArrayLike<number>, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (let i = 0; i < labels.length; i++) counts[labels[i]]++;
  return counts;
}

/** Shannon entropy of the label histogram divided by log(classes): 1 for balanced, 0 for one class. */
export function normalizedEntropy(labels: ArrayLike<number>, classes: number): number {
  if (classes < 2 || labels.length === 0) return Number.NaN;
  const counts = histogram(labels, classes);
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / labels.length) * Math.log(c / labels.length);
  return h / Math.log(classes);
}

/** Percentage of rows whose prediction equals the label, per task (`classesPerTask` consecutive classes each), for tasks 0..upTo. */
export function accuracyPerTask(pred: ArrayLike<number>, labels: ArrayLike<number>, classesPerTask: number, upTo: number): number[] {
  const right = new Array<number>(upTo + 1).fill(0);
  const total = new Array<number>(upTo + 1).fill(0);
  for (let i = 0; i < labels.length; i++) {
    const task = Math.floor(labels[i] / classesPerTask);
    if (task > upTo) continue;
    total[task]++;
    if (pred[i] === labels[i]) right[task]++;
  }
  return right.map((r, t) => (total[t] ? (100 * r) / total[t] : Number.NaN));
}

export function mean(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}
