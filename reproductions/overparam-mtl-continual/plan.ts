/**
 * What a run computes, from its params: the p grids, the replay regimes, and the plans of the
 * linear and random-feature trials (only for the parts the run names).
 */
import type { DeepPlan } from './deep-proxy.js';
import type { LinearPlan, ReplayRegime } from './linear-trial.js';
import { nearForgettingP, totalSamples, type Params, type Part } from './params.js';
import { range } from './summary.js';

/** The p grids of the interpolation-threshold claim: every integer within h of n and of N. */
export function thresholdGrids(p: Params): { single: number[]; mtl: number[] } {
  const N = totalSamples(p);
  const h = p.threshold_halfwidth;
  return { single: range(p.n - h, p.n + h), mtl: range(N - h, N + h) };
}

export function replayRegimes(p: Params, parts: ReadonlySet<Part>): ReplayRegime[] {
  const all: (ReplayRegime & { part: Part })[] = [
    { part: 'forgetting-far', name: 'far', rho: p.forgetting_far_rho, p: p.forgetting_far_p },
    { part: 'forgetting-near', name: 'near', rho: p.forgetting_near_rho, p: nearForgettingP(p) },
    { part: 'forgetting-dissimilar', name: 'dissimilar', rho: p.forgetting_dissimilar_rho, p: p.forgetting_dissimilar_p },
  ];
  return all.filter((r) => parts.has(r.part)).map(({ part: _part, ...r }) => r);
}

export function deepGrid(p: Params): number[] {
  return range(p.deep_p_min, p.deep_p_max, p.deep_p_step);
}

export function linearPlan(p: Params, parts: ReadonlySet<Part>): LinearPlan | null {
  const grids = thresholdGrids(p);
  const singleP = new Set<number>();
  const mtlP = new Set<number>();
  if (parts.has('single')) p.single_p.forEach((x) => singleP.add(x));
  // Single-task errors at the multi-task p too: they give the transfer figure K(p).
  if (parts.has('mtl')) p.mtl_p.forEach((x) => (singleP.add(x), mtlP.add(x)));
  if (parts.has('threshold')) (grids.single.forEach((x) => singleP.add(x)), grids.mtl.forEach((x) => mtlP.add(x)));
  if (parts.has('transfer')) (singleP.add(p.transfer_p), mtlP.add(p.transfer_p));
  const replay = replayRegimes(p, parts);
  if (singleP.size === 0 && mtlP.size === 0 && replay.length === 0) return null;
  return {
    T: p.tasks,
    n: p.n,
    sigma: p.sigma,
    signalVariance: p.signal_variance,
    sampler: p.sampler,
    mtlSolver: p.mtl_solver,
    rhos: [p.rho_similar, p.rho_dissimilar],
    singleP: [...singleP].sort((a, b) => a - b),
    mtlP: [...mtlP].sort((a, b) => a - b),
    replay,
    buffers: p.buffer_sizes,
  };
}

export function deepPlan(p: Params): DeepPlan {
  return { T: p.tasks, n: p.n, sigma: p.sigma, rho: p.rho_similar, inputDim: p.deep_input_dim, testPerTask: p.deep_test_per_task, grid: deepGrid(p), solver: p.mtl_solver };
}
