/** Synthetic records for claim-kind tests: data built to pass, and data built to fail. */
import { Recorder } from '../../src/record/recorder.js';

export function recordWith(fill: (r: Recorder) => void): Recorder {
  const r = new Recorder();
  fill(r);
  return r;
}

export const seeds = [0, 1, 2, 3, 4];

/** y = c·x^k with a small per-seed wobble in c (does not change the exponent). */
export function powerCurves(r: Recorder, name: string, k: number): void {
  for (const seed of seeds) {
    const xs = Array.from({ length: 40 }, (_, i) => 5 * (i + 1));
    r.curve(name, xs, xs.map((x) => (1 + 0.01 * seed) * Math.pow(x, k)), { seed });
  }
}
