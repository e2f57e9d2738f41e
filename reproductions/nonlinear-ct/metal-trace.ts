/**
 * The metal comparison's computation, shared by the experiment and tune.ts: per seed a phantom
 * with a metal disc and Poisson counts (scans), then both reconstructions of every scan (one tfjs
 * batch per method), with the tissue RMSE of every image traced at chosen iterations.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import { createRng, deriveSeed } from '#harness/random';
import { csrMultiply, csrSquaredNorm, metalPhantom, parallelBeamMatrix, poisson, tissueMask, type CsrMatrix, type MetalPhantom } from '#datasets/ct';
import { reconstructBatch, type BatchJob, type Method } from './ct-batch.js';
import { maskedRmse } from './ct-reconstruct.js';
import type { Params } from './params.js';

/** Power iteration estimates λmax(AᵀA) from below; 1% margin keeps the step under 1/L. */
const LIPSCHITZ_MARGIN = 1.01;

export type CtParams = Pick<Params, 'ct_size' | 'ct_angles' | 'ct_detectors' | 'photons' | 'tissue_attenuation' | 'metal_attenuation' | 'metal_radius' | 'metal_margin'>;

export interface Scan { seed: number; phantom: MetalPhantom; mask: Uint8Array; counts: Float64Array; zeroCounts: number }

export interface MetalScans { A: CsrMatrix; lipschitz: number; scans: Scan[] }

export function metalScans(p: CtParams, seeds: readonly number[]): MetalScans {
  const A = parallelBeamMatrix({ size: p.ct_size, angles: p.ct_angles, detectors: p.ct_detectors });
  const scans = seeds.map((seed) => {
    const phantom = metalPhantom({ size: p.ct_size, tissue: p.tissue_attenuation, metalAttenuation: p.metal_attenuation, metalRadius: p.metal_radius }, createRng(deriveSeed(seed, 3)));
    const noise = createRng(deriveSeed(seed, 4));
    const counts = Float64Array.from(csrMultiply(A, phantom.image), (line) => poisson(noise, p.photons * Math.exp(-line)));
    return { seed, phantom, mask: tissueMask(phantom, p.metal_margin), counts, zeroCounts: counts.filter((c) => c === 0).length };
  });
  return { A, lipschitz: csrSquaredNorm(A) * LIPSCHITZ_MARGIN, scans };
}

export const METHODS: readonly Method[] = ['post-log', 'nonlinear'];

export interface MetalTrace {
  /** Per method, the traced iterations, increasing. */
  iterations: Record<Method, number[]>;
  /** rmse[method][scan][k]: tissue RMSE of that reconstruction at iterations[method][k]. */
  rmse: Record<Method, number[][]>;
  /** The first scan's images, per method, at the iteration asked for in `keep` (for the figure). */
  kept: Partial<Record<Method, Float64Array>>;
}

export interface TraceOptions {
  photons: number;
  /** Per method, iterations run (the last traced one is ≤ this). */
  horizon: Record<Method, number>;
  /** Where the tissue RMSE is traced. */
  at: ReadonlySet<number>;
  /** Per method, the iteration at which the first scan's image is kept. */
  keep?: Partial<Record<Method, number>>;
  onProgress?: (t: number, method: Method) => void;
}

/** Each method on every scan, one tfjs batch per method (their horizons differ). */
export function traceMetal(tf: typeof tfc, { A, lipschitz, scans }: MetalScans, o: TraceOptions): MetalTrace {
  const trace: MetalTrace = { iterations: { 'post-log': [], nonlinear: [] }, rmse: { 'post-log': scans.map(() => []), nonlinear: scans.map(() => []) }, kept: {} };
  for (const method of METHODS) {
    const jobs: BatchJob[] = scans.map((s) => ({ method, counts: s.counts }));
    reconstructBatch(tf, A, jobs, {
      photons: o.photons,
      iterations: o.horizon[method],
      lipschitz,
      recordAt: o.at,
      onRecord: (t, xs) => {
        trace.iterations[method].push(t);
        xs.forEach((x, s) => {
          const scan = scans[s];
          trace.rmse[method][s].push(maskedRmse(x, scan.phantom.image, scan.mask));
          if (s === 0 && o.keep?.[method] === t) trace.kept[method] = Float64Array.from(x);
        });
        o.onProgress?.(t, method);
      },
    });
  }
  return trace;
}

/** Mean over scans of one method's tissue RMSE at every traced iteration of that method. */
export function meanCurve(trace: MetalTrace, method: Method): number[] {
  const per = trace.rmse[method];
  return trace.iterations[method].map((_, k) => per.reduce((s, curve) => s + curve[k], 0) / per.length);
}

/** The mean RMSE of one method at a traced iteration. */
export function meanAt(trace: MetalTrace, method: Method, t: number): number {
  const k = trace.iterations[method].indexOf(t);
  if (k < 0) throw new RangeError(`${method} was not traced at iteration ${t}`);
  return meanCurve(trace, method)[k];
}

/** About `points` iterations spread evenly on a log scale over [1, horizon] (none for horizon 0), plus `extra`. */
export function logSpaced(horizon: number, points: number, extra: readonly number[] = []): Set<number> {
  const at = new Set(extra.filter((t) => t >= 1));
  if (horizon < 1) return at;
  for (let k = 0; k < points; k++) at.add(Math.round(Math.exp((Math.log(horizon) * k) / (points - 1))));
  return at;
}
