/**
 * The five methods compared, built from a run's params: SGD with momentum, Adam, vanilla
 * stochastic L-BFGS (β = 0, no damping), mL-BFGS on the full vector, and mL-BFGS per layer.
 */
import { Adam, Mlbfgs, SgdMomentum, type Optimizer } from './optim/index.js';
import type { Layout } from './model/mlp.js';
import type { Params } from './params.js';

export const METHODS = ['sgd', 'adam', 'lbfgs', 'mlbfgs', 'mlbfgs-block'] as const;
export type Method = (typeof METHODS)[number];

export const METHOD_LABELS: Record<Method, string> = {
  sgd: 'SGD (momentum 0.9)',
  adam: 'Adam',
  lbfgs: 'stochastic L-BFGS (β = 0, undamped)',
  mlbfgs: 'mL-BFGS (full vector)',
  'mlbfgs-block': 'mL-BFGS (block-wise, per layer)',
};

export function lrGrid(p: Params, method: Method): number[] {
  switch (method) {
    case 'sgd': return p.lr_sgd;
    case 'adam': return p.lr_adam;
    case 'lbfgs': return p.lr_lbfgs;
    case 'mlbfgs':
    case 'mlbfgs-block': return p.lr_mlbfgs;
  }
}

export function makeOptimizer(p: Params, method: Method, lr: number, layout: Layout): Optimizer {
  const damping = p.damping ? { sigmaLow: p.sigma_low, sigmaHigh: p.sigma_high, tau0: p.tau0 } : null;
  switch (method) {
    case 'sgd': return new SgdMomentum(lr, p.sgd_momentum);
    case 'adam': return new Adam(lr);
    // Every quasi-Newton variant takes the same step (heavy-ball momentum p.step_momentum on H·g), so that they differ only in
    // their pairs: β and damping (vanilla against mL-BFGS), one H or one per layer (full against block-wise).
    case 'lbfgs': return new Mlbfgs({ lr, history: p.history, period: p.period, beta: 0, damping: null, stepMomentum: p.step_momentum });
    case 'mlbfgs': return new Mlbfgs({ lr, history: p.history, period: p.period, beta: p.beta, damping, stepMomentum: p.step_momentum });
    case 'mlbfgs-block': return new Mlbfgs({ lr, history: p.block_history, period: p.period, beta: p.beta, damping, stepMomentum: p.step_momentum, blocks: layout.layers });
  }
}
