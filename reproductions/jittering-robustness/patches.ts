/**
 * Square patches of the real grayscale images (datasets/real.ts): training patches come from the
 * top rows of every image and test patches from the bottom rows, so no test pixel is ever seen in
 * training.
 */
import type { Rng } from '#harness/random';

export interface GrayImage { name: string; width: number; height: number; pixels: Float32Array }

export interface PatchSource {
  images: GrayImage[];
  size: number;
  /** First row of the test region; training patches lie entirely above it. */
  splitRow: number;
}

export function patchSource(images: GrayImage[], size: number, testRows: number): PatchSource {
  if (images.length === 0) throw new Error('patchSource: no images');
  for (const im of images) {
    if (im.height - testRows < size || testRows < size || im.width < size) {
      throw new Error(`patchSource: image '${im.name}' (${im.width}x${im.height}) cannot hold ${size}x${size} patches in both a ${im.height - testRows}-row training region and a ${testRows}-row test region`);
    }
  }
  const heights = new Set(images.map((im) => im.height));
  if (heights.size !== 1) throw new Error('patchSource: images must share one height');
  return { images, size, splitRow: images[0].height - testRows };
}

/** Fill `out` (count x size x size, row-major) with random patches of the chosen region. */
export function samplePatches(src: PatchSource, region: 'train' | 'test', count: number, rng: Rng, out = new Float32Array(count * src.size * src.size)): Float32Array {
  const { size } = src;
  for (let k = 0; k < count; k++) {
    const im = src.images[rng.int(src.images.length)];
    const rowLo = region === 'train' ? 0 : src.splitRow;
    const rowHi = region === 'train' ? src.splitRow - size : im.height - size;
    const top = rowLo + rng.int(rowHi - rowLo + 1);
    const left = rng.int(im.width - size + 1);
    for (let r = 0; r < size; r++) {
      const from = (top + r) * im.width + left;
      out.set(im.pixels.subarray(from, from + size), (k * size + r) * size);
    }
  }
  return out;
}

/** Mean of x² over all pixels of many training patches: the per-pixel signal energy p. */
export function signalEnergy(src: PatchSource, rng: Rng, count = 4096): number {
  const patches = samplePatches(src, 'train', count, rng);
  let s = 0;
  for (const v of patches) s += v * v;
  return s / patches.length;
}
