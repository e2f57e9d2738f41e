/**
 * The data of one Monte-Carlo trial of the linear model, shared by every fit of that trial.
 *
 * x ~ N(0, I_p) is split into its k = T + 1 coordinates along the tasks' span (drawn explicitly:
 * the labels depend on them) and its p − k coordinates orthogonal to it, which enter the
 * minimum-norm fit only through their Gram matrix Gc = ZZᵀ. As p grows, Gc gains the Gram of
 * the new columns: drawn column by column, or by the Bartlett decomposition (see wishart.ts).
 * The first `explicitColumns` orthogonal columns are drawn and kept, for the least-squares fits
 * below a threshold (p < rows), which need the columns themselves.
 */
import type { Rng } from '#harness/random';
import { accumulateGram, leadingBlock, normalMatrix, subBlock } from './gram.js';
import { spdSolve } from './minnorm.js';
import { addComplementGram, type GramSampler } from './wishart.js';

/** A fitted model, summarised by what its error needs: its coordinates in the span, and its squared norm outside it. */
export interface LinearFit {
  /** ŵ restricted to the tasks' span (k coordinates); NaN when the solve failed. */
  inSpan: Float64Array;
  /** ||ŵ||² outside the span; +∞ when the solve failed. */
  outsideSq: number;
}

/** E||ŵ − w||² for one draw: in-span distance plus the norm outside (w has none there). */
export function fitError(fit: LinearFit, w: readonly number[]): number {
  if (!Number.isFinite(fit.outsideSq)) return Number.POSITIVE_INFINITY;
  let s = fit.outsideSq;
  for (let j = 0; j < w.length; j++) s += (fit.inSpan[j] - w[j]) ** 2;
  return s;
}

export class LinearDesign {
  readonly N: number;
  readonly k: number;
  /** Explicit features [X_span | Z_kept], N × (k + explicitColumns), row-major. */
  readonly #F: Float64Array;
  readonly #P: number;
  /** X_span X_spanᵀ, fixed for the trial. */
  readonly #GS: Float64Array;
  /** Gram of the orthogonal coordinates drawn so far (the first p − k of them). */
  readonly #Gc: Float64Array;
  #p: number;
  #fullNormal: Float64Array | null = null;
  readonly #rng: Rng;
  readonly #sampler: GramSampler;

  /** `span` is N × k (row-major, already scaled by the signal's standard deviation). */
  constructor(o: { N: number; k: number; span: Float64Array; explicitColumns: number; rng: Rng; sampler: GramSampler }) {
    const { N, k, span, explicitColumns, rng, sampler } = o;
    if (span.length !== N * k) throw new Error(`LinearDesign: span has ${span.length} entries, expected ${N}×${k}`);
    this.N = N;
    this.k = k;
    this.#P = k + explicitColumns;
    this.#rng = rng;
    this.#sampler = sampler;
    this.#F = new Float64Array(N * this.#P);
    for (let i = 0; i < N; i++) for (let j = 0; j < k; j++) this.#F[i * this.#P + j] = span[i * k + j];
    // Kept columns are drawn one column at a time, so the first c are the same whatever the total.
    for (let c = k; c < this.#P; c++) for (let i = 0; i < N; i++) this.#F[i * this.#P + c] = rng.normal();
    this.#GS = new Float64Array(N * N);
    accumulateGram(this.#GS, N, this.#F, this.#P, 0, k);
    this.#Gc = new Float64Array(N * N);
    this.#p = k;
  }

  get p(): number {
    return this.#p;
  }

  /** A copy of the explicit features [X_span | Z_kept] (row-major, `stride` columns), for audits and tests. */
  explicitFeatures(): { data: Float64Array; stride: number } {
    return { data: Float64Array.from(this.#F), stride: this.#P };
  }

  /** Grow the model to p parameters (p never shrinks within a trial). */
  advanceTo(p: number): void {
    if (p < this.#p) throw new Error(`LinearDesign.advanceTo: p must not decrease (at ${this.#p}, asked ${p})`);
    const keptEnd = Math.min(p, this.#P);
    if (keptEnd > this.#p) accumulateGram(this.#Gc, this.N, this.#F, this.#P, this.#p, keptEnd);
    const fresh = p - Math.max(this.#p, this.#P);
    if (fresh > 0) addComplementGram(this.#Gc, this.N, fresh, this.#rng, this.#sampler);
    this.#p = p;
  }

  /** Minimum-norm fits of the rows `rows` to each label vector (one per entry of `labels`, indexed by row of the whole trial). */
  fit(rows: readonly number[], labels: readonly Float64Array[]): LinearFit[] {
    return rows.length <= this.#p ? this.#fitByGram(rows, labels) : this.#fitByNormalEquations(rows, labels);
  }

  #fitByGram(rows: readonly number[], labels: readonly Float64Array[]): LinearFit[] {
    const { N, k } = this;
    const r = rows.length;
    const m = labels.length;
    const Gc = subBlock(this.#Gc, N, rows);
    const G = subBlock(this.#GS, N, rows);
    for (let a = 0; a < r * r; a++) G[a] += Gc[a];
    const Y = new Float64Array(r * m);
    rows.forEach((row, a) => labels.forEach((y, j) => (Y[a * m + j] = y[row])));
    const alpha = spdSolve(G, r, Y, m);
    return labels.map((_, j) => {
      if (!alpha) return failed(k);
      const inSpan = new Float64Array(k);
      rows.forEach((row, a) => {
        const w = alpha[a * m + j];
        for (let c = 0; c < k; c++) inSpan[c] += this.#F[row * this.#P + c] * w;
      });
      // ||Zᵀα||² = αᵀ Gc α: the fitted weights on the orthogonal coordinates, never formed.
      let outsideSq = 0;
      for (let a = 0; a < r; a++) {
        let s = 0;
        for (let b = 0; b < r; b++) s += Gc[a * r + b] * alpha[b * m + j];
        outsideSq += alpha[a * m + j] * s;
      }
      return { inSpan, outsideSq: Math.max(outsideSq, 0) };
    });
  }

  #fitByNormalEquations(rows: readonly number[], labels: readonly Float64Array[]): LinearFit[] {
    const { N, k } = this;
    const p = this.#p;
    if (p > this.#P) throw new Error(`LinearDesign: a least-squares fit at p = ${p} needs ${p - k} kept columns, only ${this.#P - k} were kept`);
    const m = labels.length;
    let A: Float64Array;
    if (rows.length === N) {
      this.#fullNormal ??= normalMatrix(this.#F, this.#P, Array.from({ length: N }, (_, i) => i), this.#P);
      A = leadingBlock(this.#fullNormal, this.#P, p);
    } else {
      A = normalMatrix(this.#F, this.#P, rows, p);
    }
    const B = new Float64Array(p * m);
    for (const row of rows) {
      for (let c = 0; c < p; c++) {
        const x = this.#F[row * this.#P + c];
        for (let j = 0; j < m; j++) B[c * m + j] += x * labels[j][row];
      }
    }
    const W = spdSolve(A, p, B, m);
    return labels.map((_, j) => {
      if (!W) return failed(k);
      const inSpan = new Float64Array(k);
      for (let c = 0; c < k; c++) inSpan[c] = W[c * m + j];
      let outsideSq = 0;
      for (let c = k; c < p; c++) outsideSq += W[c * m + j] ** 2;
      return { inSpan, outsideSq };
    });
  }
}

function failed(k: number): LinearFit {
  return { inSpan: new Float64Array(k).fill(Number.NaN), outsideSq: Number.POSITIVE_INFINITY };
}
