/**
 * One Monte-Carlo trial of the linear model: T tasks with n samples each, one design shared by
 * every fit (single-task, multi-task, replay) at every p the plan asks for, p swept upward.
 */
import { createRng, deriveSeed } from '#harness/random';
import { LinearDesign, fitError } from './linear-design.js';
import { equicorrelatedTasks } from './tasks.js';
import type { GramSampler } from './wishart.js';

export interface ReplayRegime {
  name: string;
  rho: number;
  p: number;
}

export interface LinearPlan {
  T: number;
  n: number;
  sigma: number;
  signalVariance: number;
  sampler: GramSampler;
  mtlSolver: 'pooled' | 'separate';
  /** ρ of the task families single-task and multi-task errors are measured for. */
  rhos: readonly number[];
  /** p where the single-task error is measured (every task alone, averaged). */
  singleP: readonly number[];
  /** p where the multi-task error is measured. */
  mtlP: readonly number[];
  replay: readonly ReplayRegime[];
  buffers: readonly number[];
}

export interface LinearTrial {
  /** p → per ρ (plan order): the single-task error averaged over the T tasks. */
  single: Map<number, number[]>;
  /** p → per ρ: the multi-task model's error averaged over the T tasks. */
  mtl: Map<number, number[]>;
  /** regime name → per buffer size: forgetting F of this trial. */
  forgetting: Map<string, number[]>;
}

/** Orthogonal columns to keep explicitly: enough for every least-squares fit below a threshold (p < rows). */
export function explicitColumnsFor(plan: LinearPlan): number {
  const k = plan.T + 1;
  const N = plan.T * plan.n;
  const mtlRows = plan.mtlSolver === 'pooled' ? N : plan.n;
  let most = k;
  for (const p of plan.singleP) if (p < plan.n) most = Math.max(most, p);
  for (const p of plan.mtlP) if (p < mtlRows) most = Math.max(most, p);
  return most - k;
}

export function runLinearTrial(plan: LinearPlan, seed: number): LinearTrial {
  const { T, n, sigma } = plan;
  const k = T + 1;
  const N = T * n;
  // Span coordinates and label noise from their own stream: identical in every run of this seed.
  const signal = createRng(deriveSeed(seed, 1));
  const scale = Math.sqrt(plan.signalVariance);
  const span = new Float64Array(N * k);
  for (let a = 0; a < N * k; a++) span[a] = scale * signal.normal();
  const noise = Float64Array.from({ length: N }, () => signal.normal());

  const tasksByRho = new Map<number, number[][]>();
  const labelsByRho = new Map<number, Float64Array>();
  const tasksOf = (rho: number) => {
    if (!tasksByRho.has(rho)) tasksByRho.set(rho, equicorrelatedTasks(T, rho) as number[][]);
    return tasksByRho.get(rho)!;
  };
  const labelsOf = (rho: number) => {
    let y = labelsByRho.get(rho);
    if (!y) {
      const W = tasksOf(rho);
      y = new Float64Array(N);
      for (let r = 0; r < N; r++) {
        const w = W[Math.floor(r / n)];
        let s = sigma * noise[r];
        for (let c = 0; c < k; c++) s += span[r * k + c] * w[c];
        y[r] = s;
      }
      labelsByRho.set(rho, y);
    }
    return y;
  };

  const design = new LinearDesign({ N, k, span, explicitColumns: explicitColumnsFor(plan), rng: createRng(deriveSeed(seed, 2)), sampler: plan.sampler });
  const taskRows = Array.from({ length: T }, (_, t) => Array.from({ length: n }, (_, a) => t * n + a));
  const allRows = taskRows.flat();
  const labels = plan.rhos.map(labelsOf);

  /** Every task fitted alone, errors averaged over tasks; one value per ρ. */
  const separate = (): number[] => {
    const sums = plan.rhos.map(() => 0);
    taskRows.forEach((rows, t) => {
      design.fit(rows, labels).forEach((fit, j) => (sums[j] += fitError(fit, tasksOf(plan.rhos[j])[t])));
    });
    return sums.map((s) => s / T);
  };
  const pooled = (): number[] =>
    design.fit(allRows, labels).map((fit, j) => tasksOf(plan.rhos[j]).reduce((s, w) => s + fitError(fit, w), 0) / T);

  const out: LinearTrial = { single: new Map(), mtl: new Map(), forgetting: new Map() };
  const ps = [...new Set([...plan.singleP, ...plan.mtlP, ...plan.replay.map((r) => r.p)])].sort((a, b) => a - b);
  for (const p of ps) {
    design.advanceTo(p);
    if (plan.singleP.includes(p)) out.single.set(p, separate());
    if (plan.mtlP.includes(p)) out.mtl.set(p, plan.mtlSolver === 'pooled' ? pooled() : separate());
    for (const regime of plan.replay) {
      if (regime.p === p) out.forgetting.set(regime.name, plan.buffers.map((m) => trialForgetting(design, taskRows, m, tasksOf(regime.rho), labelsOf(regime.rho))));
    }
  }
  return out;
}

/**
 * F for one trial and buffer size m: after task t the model is the minimum-norm fit to the
 * first m samples of each earlier task and all n of task t; F averages, over the tasks i < T,
 * the final model's error on task i minus the error of the model right after task i.
 */
function trialForgetting(design: LinearDesign, taskRows: number[][], m: number, tasks: number[][], y: Float64Array): number {
  const T = taskRows.length;
  const justAfter: number[] = [];
  let final: number[] = [];
  for (let t = 0; t < T; t++) {
    const rows = [...taskRows.slice(0, t).flatMap((r) => r.slice(0, m)), ...taskRows[t]];
    const [fit] = design.fit(rows, [y]);
    if (t < T - 1) justAfter.push(fitError(fit, tasks[t]));
    else final = tasks.slice(0, T - 1).map((w) => fitError(fit, w));
  }
  let total = 0;
  for (let i = 0; i < T - 1; i++) total += final[i] - justAfter[i];
  return total / (T - 1);
}
