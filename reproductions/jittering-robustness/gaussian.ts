/**
 * Bulk standard-normal samples for training on fresh data every step. tfjs draws random numbers
 * in JavaScript on every backend (~40 ns each here, as does the harness's Rng); this fills a
 * Float32Array at ~10 ns each (xoshiro128** on locals + Marsaglia's polar method, no trigonometry),
 * seeded by an integer so runs are reproducible.
 */
export class GaussianStream {
  /** xoshiro128** state. */
  private readonly state = new Int32Array(4);

  constructor(seed: number) {
    // splitmix32 expands the seed into a non-zero state.
    let x = seed >>> 0;
    for (let k = 0; k < 4; k++) {
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      this.state[k] = z ^ (z >>> 16);
    }
    this.state[3] |= 1;
  }

  /** Fill `out` with independent N(0, scale²) samples. */
  fill(out: Float32Array, scale = 1): Float32Array {
    // The generator runs on locals (much faster than fields in V8) and is stored back at the end.
    let s0 = this.state[0];
    let s1 = this.state[1];
    let s2 = this.state[2];
    let s3 = this.state[3];
    const INV = 1 / 2147483648;
    const n = out.length;
    let i = 0;
    while (i < n) {
      let m = Math.imul(s1, 5);
      const r1 = Math.imul((m << 7) | (m >>> 25), 9);
      let t = s1 << 9;
      s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = (s3 << 11) | (s3 >>> 21);
      m = Math.imul(s1, 5);
      const r2 = Math.imul((m << 7) | (m >>> 25), 9);
      t = s1 << 9;
      s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = (s3 << 11) | (s3 >>> 21);
      // Signed 32-bit outputs as uniforms in [-1, 1); keep the pair inside the unit disc.
      const u = r1 * INV;
      const v = r2 * INV;
      const q = u * u + v * v;
      if (q >= 1 || q === 0) continue;
      const f = scale * Math.sqrt((-2 * Math.log(q)) / q);
      out[i++] = u * f;
      if (i < n) out[i++] = v * f;
    }
    this.state[0] = s0;
    this.state[1] = s1;
    this.state[2] = s2;
    this.state[3] = s3;
    return out;
  }
}
