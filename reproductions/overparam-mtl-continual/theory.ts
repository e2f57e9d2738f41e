/**
 * The paper's closed forms for the expected squared parameter error E||ŵ − w_i||² of the
 * minimum-norm least-squares estimate, with isotropic Gaussian inputs x ~ N(0, I_p) and labels
 * y = xᵀw_s + N(0, σ²) for the samples of task s. Task vectors are given by their coordinates in
 * any orthonormal basis of their span (only norms and distances enter the formulas).
 *
 * Every function returns NaN where the paper gives no finite closed form (the expectation is
 * infinite or undefined near an interpolation threshold); callers must exclude those p.
 */

export type TaskVector = readonly number[];

export function squaredNorm(w: TaskVector): number {
  let s = 0;
  for (const v of w) s += v * v;
  return s;
}

export function squaredDistance(a: TaskVector, b: TaskVector): number {
  if (a.length !== b.length) throw new Error(`squaredDistance: vectors of length ${a.length} and ${b.length}`);
  let s = 0;
  for (let j = 0; j < a.length; j++) s += (a[j] - b[j]) ** 2;
  return s;
}

/**
 * One task, n samples, p parameters: (1 − n/p)||w||² + nσ²/(p − n − 1) for p ≥ n + 2
 * (overparameterized: the part of w outside the row space, plus noise) and pσ²/(n − p − 1)
 * for n ≥ p + 2 (underparameterized ordinary least squares: noise only).
 */
export function singleTaskError(o: { n: number; p: number; sigma: number; wNormSq: number }): number {
  const { n, p, sigma, wNormSq } = o;
  const s2 = sigma * sigma;
  if (p >= n + 2) return (1 - n / p) * wNormSq + (n * s2) / (p - n - 1);
  if (n >= p + 2) return (p * s2) / (n - p - 1);
  return Number.NaN;
}

/**
 * One minimum-norm model fitted to the pooled samples of several tasks (sizes[s] samples of
 * tasks[s], N = Σ sizes, p ≥ N + 2), evaluated on task i:
 *   (1 − N/p)||w_i||² + Σ_s (n_s/p)||w_s − w_i||²
 *   + Σ_{s,s'} n_s n_s' ||w_s − w_s'||² / (2p(p − N − 1)) + Nσ²/(p − N − 1).
 */
export function pooledError(o: { sizes: readonly number[]; tasks: readonly TaskVector[]; i: number; p: number; sigma: number }): number {
  const { sizes, tasks, i, p, sigma } = o;
  if (sizes.length !== tasks.length) throw new Error(`pooledError: ${sizes.length} sizes for ${tasks.length} tasks`);
  if (!(i >= 0 && i < tasks.length)) throw new Error(`pooledError: task index ${i} is outside 0..${tasks.length - 1}`);
  const N = sizes.reduce((a, b) => a + b, 0);
  if (p < N + 2) return Number.NaN;
  const wi = tasks[i];
  let error = (1 - N / p) * squaredNorm(wi);
  for (let s = 0; s < tasks.length; s++) error += (sizes[s] / p) * squaredDistance(tasks[s], wi);
  let cross = 0;
  for (let s = 0; s < tasks.length; s++) {
    for (let r = 0; r < tasks.length; r++) cross += sizes[s] * sizes[r] * squaredDistance(tasks[s], tasks[r]);
  }
  error += cross / (2 * p * (p - N - 1));
  error += (N * sigma * sigma) / (p - N - 1);
  return error;
}

/** Multi-task learning: n samples of every task pooled (N = nT); the error averaged over the tasks. */
export function mtlError(o: { n: number; tasks: readonly TaskVector[]; p: number; sigma: number }): number {
  const sizes = o.tasks.map(() => o.n);
  const errors = o.tasks.map((_, i) => pooledError({ sizes, tasks: o.tasks, i, p: o.p, sigma: o.sigma }));
  return errors.reduce((a, b) => a + b, 0) / errors.length;
}

/** Single-task learning averaged over the tasks (each task fitted alone on its n samples). */
export function averageSingleTaskError(o: { n: number; tasks: readonly TaskVector[]; p: number; sigma: number }): number {
  const errors = o.tasks.map((w) => singleTaskError({ n: o.n, p: o.p, sigma: o.sigma, wNormSq: squaredNorm(w) }));
  return errors.reduce((a, b) => a + b, 0) / errors.length;
}

/** Knowledge transfer K = G_single − G_MTL: positive when pooling the tasks helps. */
export function transfer(o: { n: number; tasks: readonly TaskVector[]; p: number; sigma: number }): number {
  return averageSingleTaskError(o) - mtlError(o);
}

/**
 * Replay: after task t (1-based) the model is the minimum-norm fit to m buffered samples of each
 * earlier task and the n samples of task t (sizes [m, …, m, n]); its error on task i ≤ t.
 */
export function replayError(o: { n: number; m: number; tasks: readonly TaskVector[]; t: number; i: number; p: number; sigma: number }): number {
  const { n, m, tasks, t, i, p, sigma } = o;
  if (!(t >= 1 && t <= tasks.length)) throw new Error(`replayError: t = ${t} is outside 1..${tasks.length}`);
  if (!(i >= 1 && i <= t)) throw new Error(`replayError: i = ${i} must be in 1..t (${t})`);
  const sizes = [...new Array<number>(t - 1).fill(m), n];
  return pooledError({ sizes, tasks: tasks.slice(0, t), i: i - 1, p, sigma });
}

/** Forgetting F = (1/(T − 1)) Σ_{i<T} [E_T(i) − E_i(i)]: how much worse the final model is on each earlier task than the model right after it. */
export function forgetting(o: { n: number; m: number; tasks: readonly TaskVector[]; p: number; sigma: number }): number {
  const T = o.tasks.length;
  if (T < 2) throw new Error(`forgetting: needs at least 2 tasks, got ${T}`);
  let total = 0;
  for (let i = 1; i < T; i++) {
    total += replayError({ ...o, t: T, i }) - replayError({ ...o, t: i, i });
  }
  return total / (T - 1);
}

/** The total sample count of the final replay model, (T − 1)m + n: its interpolation threshold. */
export function replayTotal(o: { n: number; m: number; T: number }): number {
  return (o.T - 1) * o.m + o.n;
}
