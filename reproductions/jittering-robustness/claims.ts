/**
 * The claims of "Learning Provably Robust Estimators for Inverse Problems via Jittering".
 * Thresholds are the claim plan's, fixed before any run (shared/papers/jittering-robustness.md);
 * each `why` says where the number comes from.
 */
import { allOf, claim, pairedDifference, ratio, reportOnly, valueInBand } from '#harness';
import type { Params } from './params.js';

/**
 * The near-miss control shared by the linear-denoising claims: jittering at a tenth of the optimal
 * variance (σ_w × √0.1), the same code path with the paper's mechanism weakened. (Switching it off,
 * the earlier control, made the "jittered" and standard arms bit-identical: it showed the code path,
 * not the power of the checks.) By the closed forms it shrinks to α = 0.955 (ζ = 0.1) and 0.948
 * (ζ = 0.3) instead of α* = 0.899 and 0.839.
 */
const WEAK_JITTER: Partial<Params> = { experiments: ['denoising'], jitter_scale: Math.sqrt(0.1) };

const NONLINEAR_NOTE =
  'Proxy: the paper trains U-nets on ImageNet (128x128, σ = 0.25) and fastMRI; here a 3-layer residual conv net (8 channels) on 16x16 patches of scikit-image sample images (the shared `datasets` stage), σ = 0.25, jitter level from the linear-theory formula, PGD with ζ = 0.1. Untested context from the paper: for U-nets on natural images, deconvolution and MRI, "jittering significantly enhances the worst-case robustness".';

export const claims = [
  claim<Params>({
    id: 'jitter-gives-optimal-shrinkage',
    quote: 'show that jittering yields optimal robust denoisers',
    why: 'Jittering with σ_w² = [ζν + √(ζν(1 − ζ + ν))]/(1 − ζ) has least-squares optimum α*·UUᵀ, α* = 1/(1 + ν + σ_w²), the minimiser of the worst-case risk; Adam on fresh samples should find it: the plan\'s |α̂ − α*| ≤ 0.015 at ζ ∈ {0.1, 0.3} and leakage ||W(I − UUᵀ)||_F/||W||_F ≤ 0.1, (the mean over seeds, decided on its 95% t interval; the plan\'s "for every seed" rule was replaced by that interval with the calibrated decision layer).',
    check: allOf(
      valueInBand('jitter-alpha-error', { label: 'max over ζ ∈ {0.1, 0.3} of |α̂ − α*|' }).within({ le: 0.015 }),
      valueInBand('jitter-leakage', { label: 'max over ζ ∈ {0.1, 0.3} of ||W(I − UUᵀ)||_F / ||W||_F' }).within({ le: 0.1 }),
    ),
    control: { params: WEAK_JITTER, why: 'With a tenth of the optimal jitter variance the trained W shrinks by 1/(1 + ν + σ_w²/10) = 0.955 (ζ = 0.1) and 0.948 (ζ = 0.3), not α* = 0.899 and 0.839: |α̂ − α*| ≈ 0.06 to 0.11.' },
  }),
  claim<Params>({
    id: 'jitter-worst-case-optimal',
    quote: 'show that jittering yields optimal robust denoisers',
    why: 'The plan\'s bound: the exact worst-case risk of the jittered W over the optimum R* within 3% (95% CI upper bound ≤ 1.03 across seeds) at ζ = 0.1 and 0.3. R* is the finite-d optimum α_d·UUᵀ (argmin of the exact risk with the χ mean) evaluated on the same test samples, so the ratio is paired; at d = 32 it is 0.3% below the plan\'s asymptotic R*.',
    check: allOf(
      valueInBand('jitter-risk-ratio-zeta-0.1', { label: 'worst-case risk of jittered W / R* at ζ = 0.1' }).within({ le: 1.03 }),
      valueInBand('jitter-risk-ratio-zeta-0.3', { label: 'worst-case risk of jittered W / R* at ζ = 0.3' }).within({ le: 1.03 }),
    ),
    control: { params: WEAK_JITTER, why: 'With a tenth of the optimal jitter variance the worst-case risk is 3% (ζ = 0.1) and 7% (ζ = 0.3) above R* by the closed form.' },
  }),
  claim<Params>({
    id: 'jitter-beats-standard',
    quote: 'The results show that jittering significantly enhances the worst-case robustness',
    why: 'The plan\'s margin: standard training\'s exact worst-case risk at ζ = 0.3 at least 5% above jittering\'s (the lower end of the 95% Fieller interval of the ratio of means ≥ 1.05; a bootstrap interval until the calibrated decision layer); the closed form predicts 1.091.',
    check: ratio('wc-standard-zeta-0.3', 'wc-jitter-zeta-0.3', { label: 'worst-case risk, standard / jittered, ζ = 0.3' }).within({ ge: 1.05 }),
    control: { params: WEAK_JITTER, why: 'Near miss: jitter at a tenth of the optimal variance still helps, but by the closed form only 2% (ratio 1.020), below the 5% margin.' },
  }),
  claim<Params>({
    id: 'jitter-matches-adversarial',
    quote: 'we present a novel analytical characterization of the optimal $\\ell_2$-worst-case robust estimator for linear denoising',
    why: 'If jittering attains the optimal robust linear denoiser, adversarial training (PGD, 10 steps of 2.5ε/10 as in the original code) can do no better: the plan\'s |R_adv/R_jit − 1| ≤ 0.03 at ζ = 0.3 (95% Fieller interval inside [0.97, 1.03]).',
    check: ratio('wc-adversarial-zeta-0.3', 'wc-jitter-zeta-0.3', { label: 'worst-case risk, adversarial / jittered, ζ = 0.3' }).within({ ge: 0.97, le: 1.03 }),
    control: { params: WEAK_JITTER, why: 'Against jittering at a tenth of the optimal variance, adversarial training is 6% better at ζ = 0.3 (closed form 0.935).' },
  }),
  claim<Params>({
    id: 'suboptimal-beyond-denoising',
    quote: 'but can be suboptimal for inverse problems beyond denoising',
    why: 'The plan\'s margins: with A = diag(1/n, ..., 1) (the original\'s linear decay) the best jitter on the grid is at least 1% worse than adversarial training at ζ = 0.1 (95% Fieller interval lower end ≥ 1.01), while the same pipeline on denoising (A = I) is within 0.5% (interval upper end ≤ 1.005).',
    check: allOf(
      ratio('dc-wc-jitter-best', 'dc-wc-adversarial', { label: 'worst-case risk, best jitter / adversarial, deconvolution' }).within({ ge: 1.01 }),
      ratio('dc-reference-wc-jitter-best', 'dc-reference-wc-adversarial', { label: 'worst-case risk, best jitter / adversarial, denoising (A = I)' }).within({ le: 1.005 }),
    ),
    control: { params: { experiments: ['deconvolution'], dc_operator: 'identity' }, why: 'With A = I (denoising) the best jitter is optimal, so the first ratio is ≈ 1 and cannot clear 1.01.' },
    note: 'Diagonal estimators and operator, n = 100, d = 80, σ = 0.2, as in the original code\'s linear-decay subspace experiment. Jittered estimators are the closed-form optima of jittered training on a grid of 41 jitter variances (chosen on a validation set); adversarial ones are trained by Adam with PGD.',
  }),
  claim<Params>({
    id: 'nonlinear-denoiser',
    quote: 'The results show that jittering significantly enhances the worst-case robustness',
    why: 'The plan\'s test for the nonlinear proxy: the jittered network\'s worst-case (PGD, ζ = 0.1) MSE below the standard network\'s, as a paired 95% t interval of jittered − standard entirely below 0 (strict: "enhances" fails on an effect of exactly 0).',
    check: pairedDifference('nl-wc-mse-jitter', 'nl-wc-mse-standard', { labels: ['jittered', 'standard'], yTitle: 'worst-case MSE per pixel' }).differenceWithin({ lt: 0 }),
    control: {
      params: { experiments: ['nonlinear'], nl_attack_zeta: 0, nl_jitter_zeta: 0.5 },
      why: 'Without an attack (ζ = 0) jittering only costs accuracy. At the claim\'s jitter level (set for ζ = 0.1) that cost is +9% clean risk by the linear theory (ν = σ²/p ≈ 0.25), below this scale\'s seed-to-seed spread (the first smoke runs gave an inconclusive control); with the jitter set for ζ = 0.5 the theory\'s cost is +66%, so the jittered network\'s clean MSE must be clearly above the standard one\'s.',
    },
    note: NONLINEAR_NOTE,
  }),
  claim<Params>({
    id: 'slightly-noisy-targets',
    quote: 'Moreover, our results imply that training on real data which often contains slight noise is somewhat robustness enhancing.',
    why: 'Report only (the plan): in a linear analysis the mechanism is ambiguous. Shown: the exact worst-case risk (ζ = 0.1, against the clean signal) of standard training\'s least-squares optimum when the training ground truth carries noise of std τ; the figure adds the case of noise on the inputs only, which is jittering by τ.',
    check: reportOnly(
      'wc-risk-noisy-ground-truth',
      'Shown, not tested. With noise in both inputs and targets the subspace model learns a larger in-subspace gain (1 + τ²)/(1 + τ² + σ²) and passes noise off the subspace (gain τ²/(τ² + σ²)), so the worst case grows with τ; noise on the inputs alone is jittering and lowers it. Which one "real data" is, is the ambiguity.',
      { xTitle: 'τ (noise std in the training data)', yTitle: 'worst-case risk / d at ζ = 0.1' },
    ),
    control: {
      params: WEAK_JITTER,
      expect: 'inconclusive',
      why: 'Report-only, so the control is too: the measurement does not depend on jittering, and shares the denoising control run (weak jitter).',
    },
  }),
];
