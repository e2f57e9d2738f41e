/**
 * Limited-memory BFGS: a ring buffer of the last m curvature pairs (s, y) of one block, and the
 * standard two-loop recursion (Nocedal & Wright, Algorithm 7.4) that applies the implied
 * inverse-Hessian H to a vector in O(m·d), with H₀ = γI, γ = sᵀy/yᵀy of the newest pair.
 */

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

export class CurvatureHistory {
  readonly #s: Float64Array[] = [];
  readonly #y: Float64Array[] = [];
  readonly #rho: number[] = [];
  /** Index of the oldest pair once the buffer is full. */
  #head = 0;
  readonly #alpha: Float64Array;

  constructor(readonly size: number, readonly capacity: number) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`CurvatureHistory: size must be a positive integer, got ${size}`);
    if (!Number.isInteger(capacity) || capacity < 0) throw new Error(`CurvatureHistory: capacity (m) must be an integer ≥ 0, got ${capacity}`);
    this.#alpha = new Float64Array(capacity);
  }

  get length(): number {
    return this.#s.length;
  }

  /** Store a copy of (s, y); the caller guarantees sᵀy > 0. The oldest pair goes when m are held. */
  push(s: Float64Array, y: Float64Array): void {
    if (s.length !== this.size || y.length !== this.size) throw new Error(`CurvatureHistory.push: pairs must have ${this.size} entries, got ${s.length} and ${y.length}`);
    if (this.capacity === 0) return;
    const sy = dot(s, y);
    if (!(sy > 0)) throw new Error(`CurvatureHistory.push: sᵀy must be positive, got ${sy}`);
    if (this.#s.length < this.capacity) {
      this.#s.push(Float64Array.from(s));
      this.#y.push(Float64Array.from(y));
      this.#rho.push(1 / sy);
      return;
    }
    const k = this.#head;
    this.#s[k].set(s);
    this.#y[k].set(y);
    this.#rho[k] = 1 / sy;
    this.#head = (k + 1) % this.capacity;
  }

  /** out ← H·g (out may not alias g). With no pairs, H = I. */
  apply(g: Float64Array, out: Float64Array): void {
    if (g.length !== this.size || out.length !== this.size) throw new Error(`CurvatureHistory.apply: vectors must have ${this.size} entries`);
    out.set(g);
    const n = this.#s.length;
    if (n === 0) return;
    const alpha = this.#alpha;
    const d = this.size;
    // Newest to oldest.
    for (let j = n - 1; j >= 0; j--) {
      const k = (this.#head + j) % n;
      const s = this.#s[k];
      const y = this.#y[k];
      let a = 0;
      for (let i = 0; i < d; i++) a += s[i] * out[i];
      a *= this.#rho[k];
      alpha[j] = a;
      for (let i = 0; i < d; i++) out[i] -= a * y[i];
    }
    const newest = (this.#head + n - 1) % n;
    const yNew = this.#y[newest];
    const gamma = 1 / (this.#rho[newest] * dot(yNew, yNew));
    for (let i = 0; i < d; i++) out[i] *= gamma;
    // Oldest to newest.
    for (let j = 0; j < n; j++) {
      const k = (this.#head + j) % n;
      const s = this.#s[k];
      const y = this.#y[k];
      let b = 0;
      for (let i = 0; i < d; i++) b += y[i] * out[i];
      b *= this.#rho[k];
      const c = alpha[j] - b;
      for (let i = 0; i < d; i++) out[i] += c * s[i];
    }
  }
}
