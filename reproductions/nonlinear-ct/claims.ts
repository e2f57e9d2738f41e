/**
 * The claims of "Gradient Descent Provably Solves Nonlinear Tomographic Reconstruction".
 * Thresholds are the claim plan's, fixed before any run (shared/papers/nonlinear-ct.md); each
 * `why` says where the number comes from. Model: y_i = exp(−⟨a_i, x*⟩₊), a_i ~ N(0, I), gradient
 * descent on (1/2m) Σ (exp(−⟨a_i, x⟩₊) − y_i)² from x₀ = 0, ||x*|| = 1.
 */
import { allOf, claim, countOfSeeds, exponentialRate, powerLaw, ratio, valueInBand } from '#harness';
import { DEFAULT_RUN, METAL_STOPS, type Params } from './params.js';

const RATE_QUOTE = 'gradient descent provably converges to the global optimum at a geometric rate';
const MEASUREMENTS_QUOTE = 'perfectly reconstructing the underlying signal with a near minimal number of random measurements';
const UNDERDETERMINED_QUOTE = 'We also prove similar results in the under-determined setting where the number of measurements is significantly smaller than the dimension of the signal.';
const CONSTRAINTS_QUOTE = 'This is achieved by enforcing prior structural information about the signal through constraints on the optimization variables.';
const METAL_QUOTE = 'We show that this approach reduces metal artifacts compared to a commercial reconstruction of a human skull with metal dental crowns.';
const CONDITIONING_QUOTE = 'this nonlinear measurement preprocessing required to use the Radon transform is poorly conditioned in the vicinity of high-density materials, such as metal';

export const claims = [
  claim<Params>({
    id: 'geometric-rate',
    quote: RATE_QUOTE,
    why: 'The plan\'s test of "geometric": at m = 8n (n = 100, μ = 0.5, 5 seeds) the relative error ||x − x*||/||x*|| falls log-linearly, with a fitted per-step factor q ≤ 0.995 (R² ≥ 0.98, fitted where the error is in [1e-5, 1e-1], past the transient and above round-off) and is ≤ 1e-5 by step 3000.',
    check: allOf(
      exponentialRate('relative-error', { yRange: [1e-5, 1e-1], xTitle: 'iteration', yTitle: '||x − x*|| / ||x*||', statistic: 'factor' }).rateWithin({ le: 0.995 }, { minR2: 0.98 }),
      valueInBand('error-at-budget', { label: 'relative error after rate_iterations steps' }).within({ le: 1e-5 }),
    ),
    control: {
      params: { rate_m_ratio: 1, experiments: ['rate'] },
      why: 'With m = n about half the measurements are clipped by the ReLU (y = 1 says only ⟨a, x*⟩ ≤ 0): ~n/2 equations for n unknowns, so x* is not identifiable and gradient descent stalls at another zero of the loss.',
    },
  }),
  claim<Params>({
    id: 'too-few-measurements-fail',
    quote: MEASUREMENTS_QUOTE,
    why: 'The plan\'s control row made positive: "near minimal" implies a floor; at m = n the relative error stays ≥ 0.3 in every seed (a random n/2-dimensional row space captures about half of ||x*||², so ≈ 0.7 is expected).',
    params: { rate_m_ratio: 1, experiments: ['rate'] },
    check: valueInBand('error-at-budget', { label: 'relative error after rate_iterations steps at m = n' }).within({ ge: 0.3 }),
    // The default run's experiment list, so this control shares the default run (m = 8n).
    control: { params: { rate_m_ratio: 8, experiments: DEFAULT_RUN }, why: 'At m = 8n gradient descent recovers x* to round-off, far below 0.3.' },
  }),
  claim<Params>({
    id: 'near-minimal-measurements',
    quote: MEASUREMENTS_QUOTE,
    why: 'm*(n) is defined before any run as the smallest m on the grid m/n ∈ threshold_ratios whose success rate over the seeds is ≥ 0.5, where a seed succeeds when its relative error falls below 1e-3 within 3000 steps of gradient descent (μ = 0.5, x₀ = 0, ||x*|| = 1; errors checked every 10 steps). If no grid m succeeds, m* is recorded as twice the largest grid m (beyond the grid). Near-minimal means m* ∝ n (log-log slope of m* against n ∈ {50, 100, 200} in [0.8, 1.2]) with a small constant: m*/n ∈ [2, 6] for every n (about half the measurements are ReLU-clipped, so m ≈ 2n is the identifiability floor). Each of the three numbers is one value computed over all seeds: the slope is decided on its OLS interval over the three n, the two ratios on their values (declared exact: this claim does not quantify the sampling error of a grid threshold, which the report says).',
    check: allOf(
      powerLaw('threshold-m', { window: [50, 400], xTitle: 'n', yTitle: 'm*(n)' }).exponentWithin({ ge: 0.8, le: 1.2 }),
      valueInBand('threshold-ratio-min', { label: 'smallest m*(n)/n over n' }).within({ ge: 2 }, 'exact'),
      valueInBand('threshold-ratio-max', { label: 'largest m*(n)/n over n' }).within({ le: 6 }, 'exact'),
    ),
    control: {
      params: { solver: 'post-log', experiments: ['threshold'] },
      why: 'The linearisation instead of the nonlinear model, through the same threshold search: p = −log y = ⟨a, x*⟩₊, then gradient descent on the linear least squares (1/2m) Σ (⟨a, x⟩ − p)² (same step, budget, tolerance and grid). It ignores the ReLU clipping of the rows with ⟨a, x*⟩ < 0, so its limit is biased (≈ x*/2 for Gaussian rows) however many measurements it gets: no grid m reaches 1e-3 and m* lies beyond the grid (> 8n).',
    },
  }),
  claim<Params>({
    id: 'underdetermined-with-constraints',
    quote: UNDERDETERMINED_QUOTE,
    why: 'The plan: n = 400, a 5-sparse x*, m = 200 < n; gradient descent projected onto the ℓ1 ball of radius ||x*||₁ succeeds (relative error < 1e-6 within sparse_iterations steps) in at least 8 of 10 seeds, read as a success rate ≥ 0.8 and decided on its exact (Clopper-Pearson) 95% interval. At 10 seeds even 10 successes leave that interval\'s lower end at 0.69, so the run was sized up to 30 seeds (30 of 30 gives 0.88) before any result at that size was seen.',
    params: { seeds: 30, experiments: ['sparse'] },
    check: countOfSeeds('sparse-error', { lt: 1e-6 }, { label: 'relative error of projected gradient descent' }).rateWithin({ ge: 0.8 }),
    control: { params: { constraint: 'none' }, why: 'Without the constraint m = 200 < n = 400 measurements cannot pin x* down: plain gradient descent stops at another zero of the loss.' },
    note: 'Step μ = 1 (not the dense claims\' 0.5): in a pilot μ = 0.5 converged too slowly to reach 1e-6 within the budget in most seeds and μ = 2 oscillated; chosen before the claim was run.',
  }),
  claim<Params>({
    id: 'unconstrained-underdetermined-fails',
    quote: CONSTRAINTS_QUOTE,
    why: 'The plan\'s control row made positive: without the ℓ1 constraint the relative error stays ≥ 0.5 in every seed (only ~m/2 = 100 unclipped equations for n = 400 unknowns).',
    params: { seeds: 30, experiments: ['sparse'], constraint: 'none' },
    check: valueInBand('sparse-error', { label: 'relative error of unconstrained gradient descent' }).within({ ge: 0.5 }),
    control: { params: { constraint: 'l1' }, why: 'With the constraint the same problems are solved to < 1e-6.' },
  }),
  claim<Params>({
    id: 'fewer-metal-artifacts',
    quote: METAL_QUOTE,
    why: 'The plan: on a 32×32 phantom with a metal disc (3.0/px, radius 2 px) scanned with 60 angles × 32 detectors and I₀ = 1e4 photons (Poisson), the RMSE over the tissue region (metal dilated by 2 px excluded) of the post-log reconstruction is at least 1.5× that of the nonlinear one, both projected gradient descent onto x ≥ 0 from 0 (ratio of means over ct_seeds = 10 seeds, lower end of the 95% Fieller interval ≥ 1.5). Neither method converges within any affordable budget (at a shared budget the ratio is 4.7 at 500 steps, 2.6 at 2000, 2.2 at 10⁴), so each is read at its own early stop, the iteration with the least mean tissue RMSE on tuning seeds (tune.ts; 2026-12-05).',
    check: ratio('postlog-tissue-rmse', 'nonlinear-tissue-rmse', { label: 'tissue RMSE: post-log / nonlinear, each early-stopped' }).within({ ge: 1.5 }),
    control: {
      params: { photons: 1e8, experiments: ['metal'], ...METAL_STOPS.ample },
      why: 'The same metal (3.0/px) with 10⁸ photons: the rays through the disc expect ~600 photons, none is starved or low-count, so post-log data are nearly exact and the artifact gap must vanish (each method again at its own early stop tuned on tuning seeds in this regime). Metal 1.0/px at I₀ = 1e4 (the earlier control) is no near-miss: its rays through the disc still count only ~60–200 photons and, early-stopped, the gap there was 2.1 on tuning seeds.',
    },
    note: 'Proxy: a 2D 32×32 synthetic phantom and a post-log least-squares baseline stand in for the paper\'s cone-beam skull scan and commercial reconstruction. Early stopping is the only regularizer of either method.',
  }),
  claim<Params>({
    id: 'no-photon-starvation-no-gap',
    quote: CONDITIONING_QUOTE,
    why: 'The plan\'s control row made positive: the post-log step is harmful only where counts vanish; with metal at 1.0/px (no zero-count rays) the tissue RMSE ratio post-log / nonlinear lies in [0.7, 1.3] (ct_seeds = 10 seeds, each method at its own early stop tuned on tuning seeds at metal 1.0).',
    params: { metal_attenuation: 1, experiments: ['metal'], ...METAL_STOPS.lowMetal },
    check: ratio('postlog-tissue-rmse', 'nonlinear-tissue-rmse', { label: 'tissue RMSE: post-log / nonlinear, metal 1.0, each early-stopped' }).within({ ge: 0.7, le: 1.3 }),
    // The default run's experiment list and stops, so this control shares the default run (metal 3.0).
    control: { params: { metal_attenuation: 3, experiments: DEFAULT_RUN, ...METAL_STOPS.starved }, why: 'With metal at 3.0/px the rays through the core of the disc expect e^{−12}·10⁴ ≈ 0.06 photons and count zero; post-log clamps them to one photon and the inconsistency streaks the tissue.' },
    note: 'Proxy: the same 2D phantom as fewer-metal-artifacts.',
  }),
];
