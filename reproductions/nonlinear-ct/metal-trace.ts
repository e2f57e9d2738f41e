/**
 * The metal comparison's computation, shared by the experiment and tune.ts: per seed a phantom
 * with a metal disc and Poisson counts (scans), then both reconstructions of every scan in one
 * tfjs batch, with the tissue RMSE of every image traced at chosen iterations.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import { createRng, deriveSeed } from '../../harness/src/random.js';
import { csrMultiply, csrSquaredNorm, metalPhantom, parallelBeamMatrix, poisson, tissueMask, type CsrMatrix, type MetalPhantom } from '../../datasets/ct/index.js';
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
  /** The traced iterations, increasing. */
  iterations: number[];
  /** rmse[method][scan][k]: tissue RMSE of that reconstruction at iterations[k]. */
  rmse: Record<Method, number[][]>;
  /** The first scan's images, per method, at the iteration asked for in `keep` (for the figure). */
  kept: Partial<Record<Method, Float64Array>>;
}

export interface TraceOptions {
  photons: number;
  /** Iterations run (the last traced one is ≤ this). */
  horizon: number;
  /** Where the tissue RMSE is traced. */
  at: ReadonlySet<number>;
  /** Per method, the iteration at which the first scan's image is kept. */
  keep?: Partial<Record<Method, number>>;
  onProgress?: (t: number) => void;
}

/** Both methods on every scan, batched; job 2s is scan s post-log, 2s + 1 scan s nonlinear. */
export function traceMetal(tf: typeof tfc, { A, lipschitz, scans }: MetalScans, o: TraceOptions): MetalTrace {
  const jobs: BatchJob[] = scans.flatMap((s) => METHODS.map((method) => ({ method, counts: s.counts })));
  const trace: MetalTrace = { iterations: [], rmse: { 'post-log': scans.map(() => []), nonlinear: scans.map(() => []) }, kept: {} };
  reconstructBatch(tf, A, jobs, {
    photons: o.photons,
    iterations: o.horizon,
    lipschitz,
    recordAt: o.at,
    onRecord: (t, xs) => {
      trace.iterations.push(t);
      xs.forEach((x, b) => {
        const method = METHODS[b % 2];
        const scan = scans[b >> 1];
        trace.rmse[method][b >> 1].push(maskedRmse(x, scan.phantom.image, scan.mask));
        if (b < 2 && o.keep?.[method] === t) trace.kept[method] = Float64Array.from(x);
      });
      o.onProgress?.(t);
    },
  });
  return trace;
}

/** Mean over scans of one method's tissue RMSE at every traced iteration. */
export function meanCurve(trace: MetalTrace, method: Method): number[] {
  const per = trace.rmse[method];
  return trace.iterations.map((_, k) => per.reduce((s, curve) => s + curve[k], 0) / per.length);
}

/** About `points` iterations spread evenly on a log scale over [1, horizon], plus `extra`. */
export function logSpaced(horizon: number, points: number, extra: readonly number[] = []): Set<number> {
  const at = new Set(extra.filter((t) => t >= 1 && t <= horizon));
  for (let k = 0; k < points; k++) at.add(Math.round(Math.exp((Math.log(horizon) * k) / (points - 1))));
  return at;
}
