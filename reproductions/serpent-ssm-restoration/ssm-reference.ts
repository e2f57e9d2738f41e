/**
 * One lane of the bidirectional diagonal SSM in float64 loops, two ways: the blocked algorithm that
 * tfjs runs (ssm-tf.ts), with every multiplication counted (to check the analytic counter), and
 * the definition, y_t = Σ_{k≤t} Kf_{t−k} u_k + Σ_{k≥t} Kb_{k−t} u_k with the closed-form kernels
 * K_j = Σ_n W_n (1 − a_n) a_n^j (to check the blocked algorithm). u holds B sequences of length L.
 */
import { chunkLength, type SsmConfig } from './architecture.js';

export interface Counter { macs: number }

/** One direction's parameters: log-rates and weights of its N modes. */
export interface Direction { logRate: ArrayLike<number>; w: ArrayLike<number> }

/** K_j for j < length (not counted: used by the definition). */
export function closedFormKernel(d: Direction, length: number): Float64Array {
  const K = new Float64Array(length);
  for (let n = 0; n < d.logRate.length; n++) {
    const a = Math.exp(-Math.exp(d.logRate[n]));
    const coef = d.w[n] * (1 - a);
    let p = 1;
    for (let j = 0; j < length; j++, p *= a) K[j] += coef * p;
  }
  return K;
}

/** The definition, O(L²). */
export function directBidirectional(u: Float64Array, B: number, L: number, forward: Direction, backward: Direction): Float64Array {
  const [Kf, Kb] = [closedFormKernel(forward, L), closedFormKernel(backward, L)];
  const out = new Float64Array(B * L);
  for (let b = 0; b < B; b++) {
    for (let t = 0; t < L; t++) {
      let s = 0;
      for (let k = 0; k <= t; k++) s += Kf[t - k] * u[b * L + k];
      for (let k = t; k < L; k++) s += Kb[k - t] * u[b * L + k];
      out[b * L + t] = s;
    }
  }
  return out;
}

/** The blocked algorithm of ssm-tf.ts, step for step, counting multiplications into `counter`. */
export function blockedBidirectional(
  u: Float64Array, B: number, L: number, forward: Direction, backward: Direction,
  config: Pick<SsmConfig, 'chunk' | 'algorithm'>, counter: Counter,
): Float64Array {
  const N = forward.logRate.length;
  const T = chunkLength(L, config);
  const G = L / T;
  const dirs = [forward, backward];
  const logA = dirs.map((d) => Array.from(d.logRate, (r) => -Math.exp(r)));
  const wt = dirs.map((d, k) => Array.from({ length: N }, (_, n) => {
    counter.macs++;
    return d.w[n] * (1 - Math.exp(logA[k][n]));
  }));
  // The kernels K_j, j < T, of both directions; the T×T block holds Kf below the diagonal and Kb
  // above (a copy, as tfjs's tile-and-slice is: not counted).
  const kernels = wt.map((w, k) => Array.from({ length: T }, (_, j) => {
    let s = 0;
    for (let n = 0; n < N; n++) {
      s += w[n] * Math.exp(logA[k][n] * j);
      counter.macs++;
    }
    return s;
  }));
  const block = new Float64Array(T * T);
  for (let i = 0; i < T; i++) for (let j = 0; j < T; j++) block[i * T + j] = (i >= j ? kernels[0][i - j] : 0) + (j >= i ? kernels[1][j - i] : 0);
  const y = new Float64Array(B * L);
  for (let g = 0; g < B * G; g++) {
    for (let i = 0; i < T; i++) {
      let s = 0;
      for (let j = 0; j < T; j++) {
        s += block[i * T + j] * u[g * T + j];
        counter.macs++;
      }
      y[g * T + i] = s;
    }
  }
  if (G === 1) return y;
  // Each chunk's own states: forward at its end, backward at its start; [b][g][k][n].
  const at = (b: number, g: number, k: number, n: number) => ((b * G + g) * 2 + k) * N + n;
  const own = new Float64Array(B * G * 2 * N);
  for (let b = 0; b < B; b++) for (let g = 0; g < G; g++) for (let k = 0; k < 2; k++) for (let n = 0; n < N; n++) {
    let s = 0;
    for (let j = 0; j < T; j++) {
      s += Math.exp(logA[k][n] * (k === 0 ? T - 1 - j : j)) * u[(b * G + g) * T + j];
      counter.macs++;
    }
    own[at(b, g, k, n)] = s;
  }
  // The backward half is scanned on the chunk order reversed; shifted-in zeros are multiplied too.
  const carried = new Float64Array(own.length);
  for (let b = 0; b < B; b++) for (let g = 0; g < G; g++) for (let n = 0; n < N; n++) {
    carried[at(b, g, 0, n)] = own[at(b, g, 0, n)];
    carried[at(b, g, 1, n)] = own[at(b, G - 1 - g, 1, n)];
  }
  for (let d = 1; d < G; d *= 2) {
    const previous = Float64Array.from(carried);
    for (let b = 0; b < B; b++) for (let g = 0; g < G; g++) for (let k = 0; k < 2; k++) for (let n = 0; n < N; n++) {
      const shifted = g >= d ? previous[at(b, g - d, k, n)] : 0;
      carried[at(b, g, k, n)] = previous[at(b, g, k, n)] + Math.exp(logA[k][n] * T * d) * shifted;
      counter.macs++;
    }
  }
  const fromEdge = dirs.map((_, k) => Array.from({ length: N }, (_, n) => Array.from({ length: T }, (_, i) => {
    counter.macs++;
    return wt[k][n] * Math.exp(logA[k][n] * (k === 0 ? i + 1 : T - i));
  })));
  for (let b = 0; b < B; b++) for (let g = 0; g < G; g++) for (let i = 0; i < T; i++) {
    let s = 0;
    for (let k = 0; k < 2; k++) for (let n = 0; n < N; n++) {
      // Entering from the left: the scan at g − 1; from the right: the reversed scan at G − 2 − g.
      const source = k === 0 ? g - 1 : G - 2 - g;
      const entering = source >= 0 ? carried[at(b, source, k, n)] : 0;
      s += entering * fromEdge[k][n][i];
      counter.macs++;
    }
    y[(b * G + g) * T + i] += s;
  }
  return y;
}
