/**
 * Seeded procedural grayscale images in [0, 1] (row-major Float64Array, side × side): ellipses,
 * rectangles, smooth gradients and dead leaves (disks with radii ∝ r⁻³ painted over each other, a
 * standard stand-in for the scale-invariant statistics of natural images).
 */
import type { Rng } from '#harness/random';

export const IMAGE_KINDS = ['ellipses', 'rectangles', 'gradient', 'dead-leaves'] as const;
export type ImageKind = (typeof IMAGE_KINDS)[number];

const uniform = (rng: Rng, lo: number, hi: number) => lo + (hi - lo) * rng.next();

/** Paint `value` wherever inside(x, y) holds (pixel centres). */
function paint(img: Float64Array, side: number, value: number, box: [number, number, number, number], inside: (x: number, y: number) => boolean) {
  const [x0, x1, y0, y1] = box.map((v, i) => (i % 2 === 0 ? Math.max(0, Math.floor(v)) : Math.min(side - 1, Math.ceil(v))));
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) if (inside(x + 0.5, y + 0.5)) img[y * side + x] = value;
}

function rotatedShapes(rng: Rng, side: number, shape: 'ellipse' | 'rectangle'): Float64Array {
  const img = new Float64Array(side * side).fill(uniform(rng, 0.1, 0.9));
  const count = 3 + rng.int(6);
  for (let k = 0; k < count; k++) {
    const [cx, cy] = [uniform(rng, 0, side), uniform(rng, 0, side)];
    const [a, b] = [uniform(rng, side / 16, side / 3), uniform(rng, side / 16, side / 3)];
    const angle = uniform(rng, 0, Math.PI);
    const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
    const reach = Math.hypot(a, b);
    paint(img, side, rng.next(), [cx - reach, cx + reach, cy - reach, cy + reach], (x, y) => {
      const u = ((x - cx) * cos + (y - cy) * sin) / a;
      const v = (-(x - cx) * sin + (y - cy) * cos) / b;
      return shape === 'ellipse' ? u * u + v * v <= 1 : Math.abs(u) <= 1 && Math.abs(v) <= 1;
    });
  }
  return img;
}

function gradient(rng: Rng, side: number): Float64Array {
  const img = new Float64Array(side * side);
  const base = uniform(rng, 0.3, 0.7);
  const [gx, gy] = [uniform(rng, -0.5, 0.5), uniform(rng, -0.5, 0.5)];
  const amplitude = uniform(rng, 0, 0.2);
  const [fx, fy] = [uniform(rng, -3, 3), uniform(rng, -3, 3)];
  const phase = uniform(rng, 0, 2 * Math.PI);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const [u, v] = [x / side - 0.5, y / side - 0.5];
      const value = base + gx * u + gy * v + amplitude * Math.sin(2 * Math.PI * (fx * u + fy * v) + phase);
      img[y * side + x] = Math.min(1, Math.max(0, value));
    }
  }
  return img;
}

function deadLeaves(rng: Rng, side: number): Float64Array {
  const img = new Float64Array(side * side).fill(rng.next());
  const [rMin, rMax] = [1, side / 3];
  const count = 40 + 4 * side;
  for (let k = 0; k < count; k++) {
    // Inverse CDF of p(r) ∝ r⁻³ on [rMin, rMax].
    const r = 1 / Math.sqrt(rMin ** -2 - rng.next() * (rMin ** -2 - rMax ** -2));
    const [cx, cy] = [uniform(rng, -r, side + r), uniform(rng, -r, side + r)];
    paint(img, side, rng.next(), [cx - r, cx + r, cy - r, cy + r], (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r);
  }
  return img;
}

export function proceduralImage(rng: Rng, side: number, kind: ImageKind = IMAGE_KINDS[rng.int(IMAGE_KINDS.length)]): Float64Array {
  switch (kind) {
    case 'ellipses': return rotatedShapes(rng, side, 'ellipse');
    case 'rectangles': return rotatedShapes(rng, side, 'rectangle');
    case 'gradient': return gradient(rng, side);
    case 'dead-leaves': return deadLeaves(rng, side);
  }
}

/** A random side × side crop of a larger image, randomly flipped and transposed (8 symmetries). */
export function randomCrop(rng: Rng, pixels: ArrayLike<number>, width: number, height: number, side: number): Float64Array {
  if (side > width || side > height) throw new Error(`crop ${side} does not fit a ${width}x${height} image`);
  const [x0, y0] = [rng.int(width - side + 1), rng.int(height - side + 1)];
  const [flipX, flipY, swap] = [rng.next() < 0.5, rng.next() < 0.5, rng.next() < 0.5];
  const out = new Float64Array(side * side);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      let [u, v] = swap ? [y, x] : [x, y];
      if (flipX) u = side - 1 - u;
      if (flipY) v = side - 1 - v;
      out[y * side + x] = pixels[(y0 + v) * width + x0 + u];
    }
  }
  return out;
}
