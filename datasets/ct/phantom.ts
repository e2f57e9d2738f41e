/**
 * A seeded 2D phantom with a metal insert: a soft-tissue ellipse (the body) with two inner
 * ellipses of denser and lighter tissue, and a metal disc. Values are linear attenuation per
 * pixel length (pixel side 1), so line integrals of the image are in the projector's units.
 */
import type { Rng } from '../../harness/src/random.js';
import { dilate, rasterize } from './raster.js';

export interface MetalPhantomSpec {
  /** Image side in pixels. */
  size: number;
  /** Attenuation of the body (per pixel). */
  tissue: number;
  /** Attenuation of the metal disc (per pixel). */
  metalAttenuation: number;
  /** Radius of the metal disc in pixels. */
  metalRadius: number;
  /** Sub-samples per pixel side for edge area fractions. */
  supersample?: number;
}

export interface Ellipse { cx: number; cy: number; a: number; b: number; value: number }

export interface MetalPhantom {
  size: number;
  image: Float64Array;
  /** 1 where any part of the pixel is metal. */
  metalMask: Uint8Array;
  /** 1 where at least half of the pixel is inside the body. */
  bodyMask: Uint8Array;
  metal: { cx: number; cy: number; radius: number };
  ellipses: Ellipse[];
}

const inside = (e: { cx: number; cy: number; a: number; b: number }, x: number, y: number) =>
  ((x - e.cx) / e.a) ** 2 + ((y - e.cy) / e.b) ** 2 <= 1;

/** The phantom of one seed: inner ellipses and the metal disc placed at random inside the body. */
export function metalPhantom(spec: MetalPhantomSpec, rng: Rng): MetalPhantom {
  const { size, tissue } = spec;
  if (!Number.isInteger(size) || size < 8) throw new RangeError(`size must be an integer ≥ 8, got ${size}`);
  if (!(spec.metalRadius > 0) || spec.metalRadius > size / 8) throw new RangeError(`metalRadius must be in (0, size/8], got ${spec.metalRadius}`);
  const body: Ellipse = { cx: 0, cy: 0, a: 0.4 * size, b: 0.31 * size, value: tissue };
  const uniform = (lo: number, hi: number) => lo + (hi - lo) * rng.next();
  // Inner structures sit within the middle half of the body so they never touch its edge.
  const inner = (value: number): Ellipse => ({
    cx: uniform(-0.5, 0.5) * body.a * 0.6,
    cy: uniform(-0.5, 0.5) * body.b * 0.6,
    a: uniform(0.06, 0.12) * size,
    b: uniform(0.06, 0.12) * size,
    value,
  });
  const ellipses = [body, inner(1.5 * tissue), inner(0.5 * tissue)];
  // The metal sits within 0.2·size of the centre, so its streaks cross the body.
  const angle = uniform(0, 2 * Math.PI);
  const reach = Math.sqrt(rng.next()) * 0.2 * size;
  const metal = { cx: reach * Math.cos(angle), cy: reach * Math.sin(angle), radius: spec.metalRadius };
  const isMetal = (x: number, y: number) => (x - metal.cx) ** 2 + (y - metal.cy) ** 2 <= metal.radius ** 2;
  const valueAt = (x: number, y: number) => {
    if (isMetal(x, y)) return spec.metalAttenuation;
    let v = 0;
    for (const e of ellipses) if (inside(e, x, y)) v = e.value;
    return v;
  };
  const s = spec.supersample ?? 8;
  const image = rasterize(size, valueAt, s);
  const metalFraction = rasterize(size, (x, y) => (isMetal(x, y) ? 1 : 0), s);
  const bodyFraction = rasterize(size, (x, y) => (inside(body, x, y) ? 1 : 0), s);
  return {
    size,
    image,
    metalMask: Uint8Array.from(metalFraction, (f) => (f > 0 ? 1 : 0)),
    bodyMask: Uint8Array.from(bodyFraction, (f) => (f >= 0.5 ? 1 : 0)),
    metal,
    ellipses,
  };
}

/** The tissue region: body pixels farther than `margin` pixels from any metal pixel. */
export function tissueMask(phantom: MetalPhantom, margin: number): Uint8Array {
  const near = dilate(phantom.metalMask, phantom.size, margin);
  return Uint8Array.from(phantom.bodyMask, (b, i) => (b && !near[i] ? 1 : 0));
}
