/**
 * The claims of "Theoretical Insights into Overparameterized Models in Multi-Task and
 * Replay-Based Continual Learning". Thresholds are the claim plan's, fixed before any run
 * (shared/papers/overparam-mtl-continual.md); each `why` says where the number comes from.
 * Quotes are sentences of the paper's abstract.
 */
import { allOf, claim, theoryMatch, monotoneTrend, valueInBand } from '#harness';
import type { Params } from './params.js';

const SIZE_SIMILARITY = 'Specifically, we study the impact of model size, dataset size, and task similarity on the generalization error and knowledge transfer.';
const MTL_THEORY = "We develop theoretical results describing the effect of various system parameters on the model's performance in an MTL setup.";
const REPLAY_THEORY = 'Additionally, we present theoretical results to characterize the performance of replay-based CL models.';
const BUFFER_CAPACITY = 'Our results reveal the impact of buffer size and model capacity on the forgetting rate in a CL setup and help shed light on some of the state-of-the-art CL methods.';
const DEEP = 'Finally, through extensive empirical evaluations, we demonstrate that our theoretical findings are also applicable to deep neural networks, offering valuable guidance for designing MTL and CL models in practice.';

/**
 * The plan's tolerance for Monte-Carlo against a closed form was 3 standard errors plus 2%. A
 * tolerance that grows with the standard error passes more easily with fewer trials, so since the
 * calibrated decision layer the 2% is a fixed equivalence margin and the sampling error enters
 * through the (Bonferroni-corrected) interval of mean − theory instead of the 3 SE.
 */
const TOLERANCE = { relative: 0.02 };

const BREAK_ISOTROPY = {
  params: { parts: ['single', 'mtl'], signal_variance: 4 } satisfies Partial<Params>,
  why: 'The closed forms assume isotropic inputs. With variance 4 along the tasks\' span (the same minimum-norm fits, the same theory) the fit recovers far more of w than (N/p)||w||², so the Monte-Carlo means leave the tolerance band.',
};

const SEPARATE_FITS = {
  params: { parts: ['deep'], mtl_solver: 'separate' } satisfies Partial<Params>,
  why: 'Fitting every task alone (the single-task baseline instead of the pooled multi-task model) keeps the threshold at n: over the grid around N its median error is monotone in p, so the argmax lands on an edge of the grid, outside the window around N.',
};

/**
 * σ of the threshold claim's near-miss control: chosen by tune.ts on 100 tuning seeds (never verdict
 * seeds) as the largest σ of {0.1, 0.03, 0.01, 0.003, 0.001} at which, with ρ = 1, both peaks sit at
 * a grid edge (printed: σ = 0.1 both peaks at the threshold; 0.03 the multi-task one still there; 0.01 both gone).
 */
export const THRESHOLD_NEAR_MISS_SIGMA = 0.01;

/** K(ρ) = G_single − G_MTL changes sign at ρ* = 0.626 by the closed form (T = 5, n = 20, p = 400, σ = 0.3). */
const TRANSFER_NEAR_MISS = { below: 0.55, above: 0.7 };

export const claims = [
  claim<Params>({
    id: 'single-task-matches-theory',
    quote: SIZE_SIMILARITY,
    why: 'Plan: the single-task closed form (1 − n/p)||w||² + nσ²/(p − n − 1) (p ≥ n + 2), pσ²/(n − p − 1) (n ≥ p + 2) must match the Monte-Carlo mean within 2% at every p of single_p (an equivalence test; the plan\'s extra 3 SE became the interval, see TOLERANCE) (|p − n| ≤ 2, where the expectation is infinite, excluded).',
    check: theoryMatch('single-error', 'single-theory', { label: 'single-task error vs closed form', xTitle: 'p', yTitle: 'E||ŵ − w||²', xLog: true }).within(TOLERANCE),
    control: BREAK_ISOTROPY,
  }),
  claim<Params>({
    id: 'mtl-matches-theory',
    quote: MTL_THEORY,
    why: 'Plan: the pooled minimum-norm closed form with n_s = n, N = nT, averaged over tasks, must match the Monte-Carlo mean within 2% at every p of mtl_p (an equivalence test; the plan\'s extra 3 SE became the interval, see TOLERANCE) (p − N − 1 ≥ 20) for both task families (ρ = rho_similar and rho_dissimilar).',
    check: allOf(
      theoryMatch('mtl-error-similar', 'mtl-theory-similar', { label: 'multi-task error, similar tasks', xTitle: 'p', yTitle: 'E||ŵ − w_i||² (task average)', xLog: true }).within(TOLERANCE),
      theoryMatch('mtl-error-dissimilar', 'mtl-theory-dissimilar', { label: 'multi-task error, dissimilar tasks', xTitle: 'p', yTitle: 'E||ŵ − w_i||² (task average)', xLog: true }).within(TOLERANCE),
    ),
    control: BREAK_ISOTROPY,
  }),
  claim<Params>({
    id: 'interpolation-threshold-shifts',
    quote: SIZE_SIMILARITY,
    why: 'Plan: the median error over a dense p grid peaks at the interpolation threshold, which moves with the dataset size: single task at p ∈ [n − 2, n + 3] (offset argmax − n in [−2, 3]), multi-task at p ∈ [N − 3, N + 3] (offset argmax − N in [−3, 3]). Each offset is one value computed over all trials, decided on that value: its sampling error is not quantified here.',
    check: allOf(
      valueInBand('single-peak-offset', { label: 'argmax_p median single-task error − n' }).within({ ge: -2, le: 3 }, 'exact'),
      valueInBand('mtl-peak-offset', { label: 'argmax_p median multi-task error − N' }).within({ ge: -3, le: 3 }, 'exact'),
    ),
    control: {
      params: { parts: ['threshold'], rho_similar: 1, sigma: THRESHOLD_NEAR_MISS_SIGMA },
      why: 'Near miss: the same pooled model with the peak\'s source weakened, identical tasks (ρ = 1) and almost no label noise (σ = 0.01, from tune.ts on tuning seeds). With consistent, nearly noiseless labels the error is ≈ 0 below each threshold and (1 − N/p)||w||² above it, so the median rises across the grid and both argmaxes land on its right edge (offset +10). (The earlier control, per-task fits, moved the threshold by construction.)',
    },
  }),
  claim<Params>({
    id: 'transfer-sign-follows-similarity',
    quote: SIZE_SIMILARITY,
    why: 'Plan: knowledge transfer K = G_single − G_MTL at p = transfer_p, per trial on the same data; its 95% t interval over trials (a percentile bootstrap until the calibrated decision layer) must lie strictly above 0 for similar tasks (ρ = 0.9: pooling helps) and strictly below 0 for dissimilar ones (ρ = 0: pooling hurts).',
    check: allOf(
      valueInBand('transfer-similar', { label: 'K, similar tasks' }).within({ gt: 0 }),
      valueInBand('transfer-dissimilar', { label: 'K, dissimilar tasks' }).within({ lt: 0 }),
    ),
    control: {
      params: { parts: ['transfer'], rho_similar: TRANSFER_NEAR_MISS.below, rho_dissimilar: TRANSFER_NEAR_MISS.above },
      why: 'Near miss across the sign change: by the closed form K(ρ) crosses 0 at ρ* = 0.626. The "similar" family at ρ = 0.55 (K = −0.036) and the "dissimilar" one at ρ = 0.70 (K = +0.035): both signs must come out wrong. (The earlier control swapped ρ = 0 and 0.9, far from the crossing.)',
    },
  }),
  claim<Params>({
    id: 'buffer-reduces-forgetting',
    quote: BUFFER_CAPACITY,
    why: 'Plan: for similar tasks (ρ = 0.9) far above the threshold (p = 2000), the mean forgetting F over trials is strictly decreasing in the buffer size m ∈ {0, 5, 10, 20}: every step\'s 95% interval (paired over trials) below 0.',
    check: monotoneTrend('forgetting-far-trials', { xTitle: 'm (buffer per earlier task)', yTitle: 'mean forgetting F' }).monotone('decreasing'),
    control: {
      params: { parts: ['forgetting-far'], forgetting_far_rho: 0 },
      why: 'Regime swapped: with dissimilar tasks (ρ = 0) at the same p, buffered samples of other tasks pull the final model away from each task, so F grows with m.',
    },
  }),
  claim<Params>({
    id: 'buffer-hurts-near-threshold',
    quote: BUFFER_CAPACITY,
    why: 'Plan (its "control" row, a claim of its own): near the final model\'s threshold (p = (T − 1)·max(m) + n + 30 = 130) the largest buffer forgets more than none, F(20) > F(0): the 95% t interval of the per-trial F(max m) − F(0) must lie strictly above 0 ("forgets more"; a percentile bootstrap until the calibrated decision layer).',
    check: valueInBand('forgetting-near-excess', { label: 'F(max m) − F(0), near the threshold' }).within({ gt: 0 }),
    control: {
      params: { parts: ['forgetting-near'], forgetting_near_margin: 1900 },
      why: 'Far from the threshold (margin 1900, p = 2000 at smoke size) the buffer of similar tasks lowers F, so F(max m) − F(0) < 0.',
    },
  }),
  claim<Params>({
    id: 'dissimilar-tasks-interfere',
    quote: REPLAY_THEORY,
    why: 'Plan: for dissimilar tasks (ρ = 0) at p = 400, replaying other tasks interferes: the mean forgetting F is strictly increasing in m: every step\'s 95% interval (paired over trials) above 0.',
    check: monotoneTrend('forgetting-dissimilar-trials', { xTitle: 'm (buffer per earlier task)', yTitle: 'mean forgetting F' }).monotone('increasing'),
    control: {
      params: { parts: ['forgetting-dissimilar'], forgetting_dissimilar_rho: 0.9 },
      why: 'Regime swapped: with similar tasks (ρ = 0.9) at the same p the buffer helps, so F decreases with m.',
    },
  }),
  claim<Params>({
    id: 'deep-proxy',
    quote: DEEP,
    why: 'Plan: with frozen random ReLU features (input 20 → p) and a minimum-norm readout trained on the pooled data of all tasks, the median multi-task test error peaks at p ∈ [0.9N, 1.1N]: the threshold moves to the pooled sample count as in the linear theory. One value over all trials, decided on that value (sampling error not quantified).',
    check: valueInBand('deep-peak-ratio', { label: 'argmax_p median test error / N' }).within({ ge: 0.9, le: 1.1 }, 'exact'),
    control: SEPARATE_FITS,
    note: 'Proxy: random ReLU features with a trained linear readout stand in for the paper\'s deep networks (ResNets and ViTs on CIFAR-100, CUB-200 and ImageNet-R), which cannot run here.',
  }),
];
