/**
 * Euclidean projection onto the ℓ1 ball {x : ||x||₁ ≤ radius} (Duchi, Shalev-Shwartz, Singer
 * and Chandra 2008): soft-threshold at the θ that puts the result on the sphere. O(n log n).
 */
export function projectOntoL1Ball(v: Float64Array, radius: number): Float64Array {
  if (!(radius >= 0)) throw new RangeError(`radius must be ≥ 0, got ${radius}`);
  const n = v.length;
  const u = new Float64Array(n);
  let norm = 0;
  for (let i = 0; i < n; i++) {
    u[i] = Math.abs(v[i]);
    norm += u[i];
  }
  if (norm <= radius) return v;
  u.sort(); // ascending; walk it from the largest down
  let cumulative = 0;
  let theta = 0;
  for (let j = 0; j < n; j++) {
    const uj = u[n - 1 - j];
    cumulative += uj;
    const t = (cumulative - radius) / (j + 1);
    if (uj - t > 0) theta = t;
    else break;
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = Math.abs(v[i]) - theta;
    out[i] = a > 0 ? (v[i] > 0 ? a : -a) : 0;
  }
  return out;
}
