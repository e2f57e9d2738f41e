/**
 * The claims of "Provable Multi-Task Representation Learning by Two-Layer ReLU Neural Networks".
 * Thresholds are the claim plan's, fixed before any run (shared/papers/multitask-feature-learning.md);
 * each `why` says where the number comes from. "dmax" is the largest d of the profile (128 in smoke).
 */
import { allOf, claim, noTrend, pairedDifference, reportOnly, valueInBand } from '#harness';
import type { Params } from './params.js';

/** The downstream accuracy that defines the width m* of the width sweep (the plan's 0.75). */
export const TARGET_ACCURACY = 0.75;

const LEARNS_R_DIRECTIONS =
  'executing a simple gradient-based multitask learning algorithm on a two-layer ReLU neural network learns the ground-truth r directions';

const PROXY_NOTE =
  'Proxy: the paper\'s exact data model and step sizes were not found; tasks are y_t = sign(⟨Mv_t, x⟩) with Gaussian x, r = 4, T = 32, m = 128, one head step and one feature step (weight decay 1/η), downstream XOR sign(z₁z₂) on z = Mᵀx.';

export const claims = [
  claim<Params>({
    id: 'learns-ground-truth-directions',
    quote: LEARNS_R_DIRECTIONS,
    why: 'The plan: E = ||W₁M||²_F/||W₁||²_F at d = 128 with a 95% CI lower bound ≥ 0.5, i.e. most of the learned first layer lies in the r-dimensional subspace, against the null r/d = 0.03 of an isotropic W (the value at initialization). Energy alone does not say that all r directions are learned (one task reaches E ≈ 0.7 along its single direction), so the rank condition is part of the claim: σ_min/σ_max of W₁M strictly above 0.2, the plan\'s own boundary for "close to rank one" in its single-task row (added 2026-12-04 after an audit showed the energy part passes with T = 1; the boundary is the plan\'s, not chosen from our data).',
    check: allOf(
      valueInBand('subspace-energy-dmax', { label: 'E = ||W₁M||²_F / ||W₁||²_F at the largest d' }).within({ ge: 0.5 }),
      valueInBand('singular-value-ratio-dmax', { label: 'σ_min/σ_max of W₁M at the largest d' }).within({ gt: 0.2 }),
    ),
    control: {
      params: { tasks: 3 },
      why: 'Near miss: T = 3 tasks, one fewer than the r = 4 directions. The same training still puts most of W₁ in the subspace (E high), but only along the three task directions: the fourth singular value of W₁M is sampling noise, so σ_min/σ_max falls well below 0.2. (The earlier control, labels independent of x, broke the data rather than weakening the mechanism.)',
    },
    note: PROXY_NOTE,
  }),
  claim<Params>({
    id: 'downstream-dimension-free',
    quote: 'any downstream task on the r ground-truth coordinates can be solved by learning a linear classifier with sample and neuron complexity independent of the ambient dimension d',
    why: 'The plan: with m = 128 neurons and 1,000 downstream samples fixed, the downstream accuracy at d = 128 minus d = 32 (paired by seed) has a 95% CI lower bound ≥ −0.05: no more than a 5-point loss over a fourfold d, decided by the CI of the difference, not by eye.',
    check: noTrend('downstream-accuracy', { xTitle: 'd', yTitle: 'downstream test accuracy', xLog: true }).differenceWithin({ ge: -0.05 }),
    control: {
      params: { features: 'random', dims: [8, 32, 128] },
      why: 'Random features W₀ of the same width, on the same downstream samples, put a vanishing share r/d of their weight on the relevant coordinates as d grows, so their accuracy falls towards chance. The grid starts at d = 8 because at d = 32 random features are already near chance (0.57 in the first smoke run, where the control on {32, 64, 128} came out inconclusive: −0.066, CI [−0.097, −0.034]); the margin is unchanged.',
    },
    note: PROXY_NOTE,
  }),
  claim<Params>({
    id: 'beats-random-features',
    quote: 'while a random feature model requires exponential complexity in d for such a guarantee',
    why: 'The plan: at d = 128 with the same m, learned minus random-feature accuracy (paired by seed) has a 95% CI lower bound ≥ 0.15, and the random features stay ≤ 0.60 (95% CI upper bound): the random-feature model is near chance at a width where the learned one is not.',
    check: allOf(
      pairedDifference('downstream-accuracy-dmax', 'random-accuracy-dmax', { labels: ['learned W₁', 'random W₀'], yTitle: 'downstream test accuracy' }).differenceWithin({ ge: 0.15 }),
      valueInBand('random-accuracy-dmax', { label: 'random-feature accuracy at the largest d' }).within({ le: 0.6 }),
    ),
    control: {
      params: { dims: [8] },
      why: 'Near miss in d: the claim is that random features need a width exponential in d. At d = 8 (largest d of the control) m = 128 random features are enough for the XOR, so they are far above 0.60 and within a few points of the learned ones: both parts fail. (The earlier control, labels independent of x, broke the data rather than weakening the mechanism.)',
    },
    note: PROXY_NOTE,
  }),
  claim<Params>({
    id: 'single-task-misses-directions',
    quote: LEARNS_R_DIRECTIONS,
    why: 'The plan\'s control row made positive: with T = 1 the step on W only sees u = Mv₁, so W₁M is close to rank one (σ_min/σ_max ≤ 0.2, 95% CI upper bound) and the XOR on two coordinates stays out of reach (accuracy ≤ 0.65, 95% CI upper bound). Multiple tasks are what spans the r directions.',
    params: { tasks: 1 },
    check: allOf(
      valueInBand('downstream-accuracy-dmax', { label: 'downstream accuracy at the largest d' }).within({ le: 0.65 }),
      valueInBand('singular-value-ratio-dmax', { label: 'σ_min/σ_max of W₁M at the largest d' }).within({ le: 0.2 }),
    ),
    control: {
      params: { tasks: 32 },
      why: 'With T = 32 tasks the task directions span all r coordinates: the downstream accuracy rises well above 0.65.',
    },
    note: PROXY_NOTE,
  }),
  claim<Params>({
    id: 'random-features-width-grows',
    quote: 'while a random feature model requires exponential complexity in d for such a guarantee',
    why: 'The plan (a paper-profile row) asks whether log m*, the width random features need for 0.75 downstream accuracy, grows roughly linearly in d; it gives no number for "roughly", so the sweep is shown, not tested.',
    params: { experiment: 'width-sweep', features: 'random' },
    check: reportOnly(
      'log2-width-needed',
      `Shown, not tested: log₂ of the smallest swept width whose random features reach ${TARGET_ACCURACY} downstream accuracy, per seed and d; a point at log₂(2 × the largest width) means no width in the sweep reached it.`,
      { xTitle: 'd', yTitle: 'log₂ m*' },
    ),
    control: {
      params: { features: 'learned' },
      expect: 'inconclusive',
      why: 'Report-only, so the control is too: the same sweep with learned features (their m* stays at the smallest widths) is the contrast, in the control\'s run log.',
    },
    note: `${PROXY_NOTE} Report-only: no pre-registered threshold for "roughly linearly". The smoke profile sweeps small d and widths; the paper profile d ∈ {16, 32, 64}.`,
  }),
];
