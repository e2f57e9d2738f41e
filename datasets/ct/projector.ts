/**
 * A 2D parallel-beam CT projector: the system matrix A whose entry (ray, pixel) is the exact
 * length of the ray inside the pixel (Siddon's method), so (Ax)_ray is the line integral of the
 * pixelized image x along the ray. Pixels have side 1; the image is centred on the origin.
 *
 * Pixel (row r, column c), stored at r·size + c, covers x ∈ [c − size/2, c − size/2 + 1] and
 * y ∈ [size/2 − r − 1, size/2 − r] (row 0 at the top, as images are drawn).
 * Ray (angle k, detector j), stored at k·detectors + j, is the line {p : p·u = s} with
 * u = (cos θ_k, sin θ_k), θ_k = kπ/angles, s_j = (j − (detectors − 1)/2)·spacing.
 */
import { csrFromRows, type CsrMatrix } from './sparse-matrix.js';

export interface ParallelBeamGeometry {
  /** Image side in pixels (square image). */
  size: number;
  /** Projection angles, equally spaced over [0, π). */
  angles: number;
  detectors: number;
  /** Detector spacing in pixels; default size / detectors (the detector row spans the image). */
  spacing?: number;
}

export interface Ray { theta: number; s: number }

export function rayOf(g: ParallelBeamGeometry, index: number): Ray {
  const k = Math.floor(index / g.detectors);
  const j = index % g.detectors;
  const spacing = g.spacing ?? g.size / g.detectors;
  return { theta: (k * Math.PI) / g.angles, s: (j - (g.detectors - 1) / 2) * spacing };
}

/** The (pixel, length) pairs of one ray through a size×size image. */
export function rayPixels(size: number, ray: Ray): { col: number; value: number }[] {
  const half = size / 2;
  const cos = Math.cos(ray.theta);
  const sin = Math.sin(ray.theta);
  // p(t) = s·u + t·d with d = (−sin θ, cos θ): x(t) = s cos θ − t sin θ, y(t) = s sin θ + t cos θ.
  const x0 = ray.s * cos;
  const y0 = ray.s * sin;
  const EPS = 1e-12;
  let tLo = -Infinity;
  let tHi = Infinity;
  // Clip to the square: each axis bounds t unless the ray runs parallel to it.
  const clip = (p0: number, dp: number) => {
    if (Math.abs(dp) < EPS) {
      if (p0 <= -half || p0 >= half) { tLo = Infinity; tHi = -Infinity; }
      return;
    }
    const a = (-half - p0) / dp;
    const b = (half - p0) / dp;
    tLo = Math.max(tLo, Math.min(a, b));
    tHi = Math.min(tHi, Math.max(a, b));
  };
  clip(x0, -sin);
  clip(y0, cos);
  if (!(tHi > tLo)) return [];
  const ts = [tLo, tHi];
  // Crossings of the vertical (x = e) and horizontal (y = e) pixel edges inside the clip.
  for (let e = -half; e <= half; e++) {
    if (Math.abs(sin) >= EPS) {
      const t = (x0 - e) / sin;
      if (t > tLo && t < tHi) ts.push(t);
    }
    if (Math.abs(cos) >= EPS) {
      const t = (e - y0) / cos;
      if (t > tLo && t < tHi) ts.push(t);
    }
  }
  ts.sort((a, b) => a - b);
  const entries: { col: number; value: number }[] = [];
  for (let i = 0; i + 1 < ts.length; i++) {
    const length = ts[i + 1] - ts[i];
    if (length <= 1e-12) continue;
    const tm = (ts[i] + ts[i + 1]) / 2;
    const c = Math.floor(x0 - tm * sin + half);
    const r = size - 1 - Math.floor(y0 + tm * cos + half);
    if (c < 0 || c >= size || r < 0 || r >= size) continue;
    entries.push({ col: r * size + c, value: length });
  }
  return entries;
}

/** The system matrix: rows = angles·detectors rays, columns = size² pixels. */
export function parallelBeamMatrix(g: ParallelBeamGeometry): CsrMatrix {
  for (const key of ['size', 'angles', 'detectors'] as const) {
    if (!Number.isInteger(g[key]) || g[key] < 1) throw new RangeError(`${key} must be a positive integer, got ${g[key]}`);
  }
  if (g.spacing !== undefined && !(g.spacing > 0)) throw new RangeError(`spacing must be > 0, got ${g.spacing}`);
  const rows = Array.from({ length: g.angles * g.detectors }, (_, i) => rayPixels(g.size, rayOf(g, i)));
  return csrFromRows(g.size * g.size, rows);
}

/** ∫ along the ray of a disc of value `value`, radius `radius`, centre (cx, cy): 2·value·√(R² − d²). */
export function discLineIntegral(ray: Ray, disc: { cx: number; cy: number; radius: number; value: number }): number {
  const d = ray.s - (disc.cx * Math.cos(ray.theta) + disc.cy * Math.sin(ray.theta));
  const h = disc.radius * disc.radius - d * d;
  return h > 0 ? 2 * disc.value * Math.sqrt(h) : 0;
}
