/**
 * Minibatches for S seeds at once: B rows drawn with replacement from each seed's own matrix,
 * stacked into one [S, B, d] buffer (built on the CPU: cheaper than a gather op per step).
 */
import type { Rng } from '#harness/random';

export function sampleRows(sources: readonly Float32Array[], d: number, batch: number, rngs: readonly Rng[]): Float32Array {
  if (sources.length !== rngs.length) throw new Error(`sampleRows: ${sources.length} sources but ${rngs.length} generators`);
  const out = new Float32Array(sources.length * batch * d);
  sources.forEach((src, s) => {
    const rows = src.length / d;
    if (!Number.isInteger(rows) || rows < 1) throw new Error(`sampleRows: source ${s} has ${src.length} values, not a positive multiple of d = ${d}`);
    for (let b = 0; b < batch; b++) {
      const r = rngs[s].int(rows);
      out.set(src.subarray(r * d, (r + 1) * d), (s * batch + b) * d);
    }
  });
  return out;
}

/** Stack equal-length per-seed matrices into one [S, n, d] buffer. */
export function stack(sources: readonly Float32Array[]): Float32Array {
  const n = sources[0]?.length ?? 0;
  if (sources.some((s) => s.length !== n)) throw new Error(`stack: per-seed matrices differ in size (${sources.map((s) => s.length).join(', ')})`);
  const out = new Float32Array(sources.length * n);
  sources.forEach((s, i) => out.set(s, i * n));
  return out;
}
