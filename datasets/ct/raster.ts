/**
 * Pixelize a continuous image: each pixel's value is the mean of the function over an s×s grid
 * of sub-samples (area fractions at shape edges). Same pixel layout as the projector: pixel
 * (r, c) covers x ∈ [c − size/2, c − size/2 + 1], y ∈ [size/2 − r − 1, size/2 − r].
 */
export function rasterize(size: number, valueAt: (x: number, y: number) => number, supersample = 8): Float64Array {
  const out = new Float64Array(size * size);
  const half = size / 2;
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      let sum = 0;
      for (let a = 0; a < supersample; a++) {
        for (let b = 0; b < supersample; b++) {
          const x = c - half + (b + 0.5) / supersample;
          const y = half - r - 1 + (a + 0.5) / supersample;
          sum += valueAt(x, y);
        }
      }
      out[r * size + c] = sum / (supersample * supersample);
    }
  }
  return out;
}

/** Pixels whose centre lies within `radius` (Euclidean, in pixels) of a pixel of the mask. */
export function dilate(mask: Uint8Array, size: number, radius: number): Uint8Array {
  const out = new Uint8Array(mask.length);
  const reach = Math.floor(radius);
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      if (!mask[r * size + c]) continue;
      for (let dr = -reach; dr <= reach; dr++) {
        for (let dc = -reach; dc <= reach; dc++) {
          const rr = r + dr;
          const cc = c + dc;
          if (dr * dr + dc * dc > radius * radius || rr < 0 || rr >= size || cc < 0 || cc >= size) continue;
          out[rr * size + cc] = 1;
        }
      }
    }
  }
  return out;
}
