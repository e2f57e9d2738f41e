/**
 * Linear denoising on a random subspace: full n x n linear W trained by standard training,
 * jittering (extra input noise with the closed-form variance, times jitter_scale) and adversarial
 * training (PGD inside the loss), all batched in one tfjs tensor per kind; each trained W is then
 * evaluated exactly (worst-case.ts) on a test set shared by every estimator of the seed.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import type { RunContext } from '#harness';
import { seriesChart } from '#harness/charts';
import { createRng, deriveSeed } from '#harness/random';
import type { Matrix } from '#harness/linalg';
import { trainLinearArms, type LinearArm, type LinearTrainOptions } from './linear-training.js';
import { leakageOf, shrinkageOf } from './measures.js';
import { memoGet, memoKey, memoSet } from './memo.js';
import { CLAIM_ZETAS, COMPARISON_ZETA, type Params } from './params.js';
import { attackRadius, denoisingModel, makeTestSet, randomSubspace, type TestSet } from './subspace.js';
import { bestShrinkage, exactWorstCaseRisk, asymptoticWorstCaseRisk, jitteredShrinkage, optimalJitterVariance, optimalShrinkage, standardShrinkage } from './theory.js';
import { prepareLinear, twoLevelStats, twoLevelWorstCase, worstCaseAt, type PreparedLinear, type TwoLevelStats } from './worst-case.js';

type Tf = typeof tfc;

export const zetaTag = (zeta: number) => `zeta-${zeta}`;

interface Arm { kind: 'standard' | 'jitter' | 'adversarial'; zeta: number; seed: number; spec: LinearArm; key: string }

interface SeedSetup { seed: number; U: Matrix; test: TestSet; stats: TwoLevelStats }

function setup(p: Params, seed: number): SeedSetup {
  const U = randomSubspace(p.n, p.d, createRng(deriveSeed(seed, 11)));
  const test = makeTestSet(denoisingModel(U, p.noise_std), p.test_samples, createRng(deriveSeed(seed, 13)));
  return { seed, U, test, stats: twoLevelStats(U, test) };
}

function trainOptions(p: Params, adversarial: boolean): LinearTrainOptions {
  return { steps: adversarial ? p.adversarial_steps : p.steps, batch: p.batch, lr: p.lr, lrFinal: p.lr_final, pgdIters: p.pgd_iters, pgdStepFactor: p.pgd_step };
}

/** Every arm of every seed; the memo key names everything the trained W depends on. */
function arms(p: Params, setups: SeedSetup[]): Arm[] {
  const nu = p.noise_std ** 2;
  const out: Arm[] = [];
  for (const { seed, U } of setups) {
    const stream = deriveSeed(seed, 12);
    const add = (kind: Arm['kind'], zeta: number, noiseStd: number, eps: number) => {
      const spec: LinearArm = { U, noiseStd, eps, stream };
      const options = trainOptions(p, eps > 0);
      const { onStep: _ignored, ...optionKey } = options;
      out.push({ kind, zeta, seed, spec, key: memoKey({ what: 'linear-W', n: p.n, d: p.d, subspaceSeed: seed, noiseStd, eps, stream, optionKey }) });
    };
    add('standard', 0, p.noise_std, 0);
    for (const zeta of p.zetas) add('jitter', zeta, Math.sqrt(nu + p.jitter_scale ** 2 * optimalJitterVariance(zeta, nu)), 0);
    for (const zeta of p.adversarial_zetas) add('adversarial', zeta, p.noise_std, attackRadius(zeta, p.d));
  }
  return out;
}

/** Trains the arms not trained before in this process, in two batches (Gaussian, adversarial). */
async function trainAll(tf: Tf, p: Params, all: Arm[], log: (m: string) => void): Promise<Map<string, Matrix>> {
  const todo = [...new Map(all.filter((a) => memoGet(a.key) === undefined).map((a) => [a.key, a])).values()];
  for (const adversarial of [false, true]) {
    const batch = todo.filter((a) => (a.spec.eps > 0) === adversarial);
    if (batch.length === 0) continue;
    const started = performance.now();
    const Ws = await trainLinearArms(tf, batch.map((a) => a.spec), trainOptions(p, adversarial));
    batch.forEach((a, i) => memoSet(a.key, Ws[i]));
    log(`trained ${batch.length} ${adversarial ? 'adversarial' : 'standard/jittered'} linear models in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return new Map(all.map((a) => [a.key, memoGet<Matrix>(a.key)!]));
}

function prepared(arm: Arm, W: Matrix, setup: SeedSetup, p: Params): PreparedLinear {
  const key = memoKey({ what: 'prepared', arm: arm.key, testSamples: p.test_samples, testNoise: p.noise_std });
  return memoGet<PreparedLinear>(key) ?? memoSet(key, prepareLinear(W, setup.test));
}

export async function runDenoising(ctx: RunContext<Params>, tf: Tf): Promise<void> {
  const p = ctx.params;
  const nu = p.noise_std ** 2;
  const setups = ctx.seeds.map((seed) => setup(p, seed));
  const all = arms(p, setups);
  const trained = await trainAll(tf, p, all, ctx.log);
  const riskAt = (arm: Arm, zeta: number) => worstCaseAt(prepared(arm, trained.get(arm.key)!, setups.find((s) => s.seed === arm.seed)!, p), attackRadius(zeta, p.d)).mean / p.d;
  const find = (seed: number, kind: Arm['kind'], zeta = 0) => all.find((a) => a.seed === seed && a.kind === kind && (kind === 'standard' || a.zeta === zeta))!;

  for (const { seed, U, stats } of setups) {
    const tag = { seed };
    const standard = find(seed, 'standard');
    // The finite-d optimum α_d·UUᵀ on the same test samples: the paired reference R* of the ratio.
    const optimumRisk = (zeta: number) => twoLevelWorstCase(bestShrinkage(zeta, nu, p.d).alpha, 0, stats, attackRadius(zeta, p.d)).mean / p.d;
    let alphaError = 0;
    let leakage = 0;
    for (const zeta of p.zetas) {
      const jitter = find(seed, 'jitter', zeta);
      const W = trained.get(jitter.key)!;
      const alphaHat = shrinkageOf(W, U);
      const leak = leakageOf(W, U);
      ctx.record.point('alpha-hat-jitter', zeta, alphaHat, tag);
      ctx.record.point('leakage-jitter', zeta, leak, tag);
      const rJit = riskAt(jitter, zeta);
      const rStd = riskAt(standard, zeta);
      const rOpt = optimumRisk(zeta);
      ctx.record.point('wc-risk-jitter', zeta, rJit, tag);
      ctx.record.point('wc-risk-standard', zeta, rStd, tag);
      ctx.record.point('wc-risk-optimum', zeta, rOpt, tag);
      if ((CLAIM_ZETAS as readonly number[]).includes(zeta)) {
        alphaError = Math.max(alphaError, Math.abs(alphaHat - optimalShrinkage(zeta, nu)));
        leakage = Math.max(leakage, leak);
        ctx.record.scalar(`jitter-risk-ratio-${zetaTag(zeta)}`, rJit / rOpt, tag);
      }
      if (zeta === COMPARISON_ZETA) {
        ctx.record.scalar(`wc-jitter-${zetaTag(zeta)}`, rJit, tag);
        ctx.record.scalar(`wc-standard-${zetaTag(zeta)}`, rStd, tag);
      }
    }
    ctx.record.scalar('jitter-alpha-error', alphaError, tag);
    ctx.record.scalar('jitter-leakage', leakage, tag);
    ctx.record.scalar('standard-alpha-hat', shrinkageOf(trained.get(standard.key)!, U), tag);
    for (const zeta of p.adversarial_zetas) {
      const adversarial = find(seed, 'adversarial', zeta);
      const r = riskAt(adversarial, zeta);
      ctx.record.point('wc-risk-adversarial', zeta, r, tag);
      ctx.record.point('alpha-hat-adversarial', zeta, shrinkageOf(trained.get(adversarial.key)!, U), tag);
      if (zeta === COMPARISON_ZETA) ctx.record.scalar(`wc-adversarial-${zetaTag(zeta)}`, r, tag);
    }
    recordNoisyTargets(ctx, stats, seed);
  }
  figures(ctx);
}

/**
 * The report-only measurement: standard training on ground truth with slight noise τ (data
 * x̃ = x + τg, input x̃ + z, target x̃). Its least-squares optimum is two-level,
 * W_τ = (1 + τ²)/(1 + τ² + σ²)·UUᵀ + τ²/(τ² + σ²)·(I − UUᵀ); its exact worst case is measured against
 * the clean x. For contrast, noise on the inputs only (target x) is jittering by τ: W = UUᵀ/(1 + σ² + τ²).
 */
function recordNoisyTargets(ctx: RunContext<Params>, stats: TwoLevelStats, seed: number): void {
  const p = ctx.params;
  const s2 = p.noise_std ** 2;
  const eps = attackRadius(p.target_noise_zeta, p.d);
  for (const tau of p.target_noise) {
    const t2 = tau * tau;
    const noisyTruth = twoLevelWorstCase((1 + t2) / (1 + t2 + s2), t2 > 0 ? t2 / (t2 + s2) : 0, stats, eps).mean / p.d;
    const noisyInputs = twoLevelWorstCase(jitteredShrinkage(s2, t2), 0, stats, eps).mean / p.d;
    ctx.record.point('wc-risk-noisy-ground-truth', tau, noisyTruth, { seed });
    ctx.record.point('wc-risk-noisy-inputs-only', tau, noisyInputs, { seed });
  }
}

const grid = (hi: number, count = 61) => Array.from({ length: count }, (_, i) => (hi * i) / (count - 1));

function meanBy(ctx: RunContext<Params>, name: string): { x: number; y: number }[] {
  const sums = new Map<number, number[]>();
  for (const c of ctx.record.series(name)) c.x.forEach((x, i) => sums.set(x, [...(sums.get(x) ?? []), c.y[i]]));
  return [...sums.entries()].sort((a, b) => a[0] - b[0]).map(([x, ys]) => ({ x, y: ys.reduce((s, v) => s + v, 0) / ys.length }));
}

function figures(ctx: RunContext<Params>): void {
  const p = ctx.params;
  const nu = p.noise_std ** 2;
  const zs = grid(Math.max(0.35, ...p.zetas, ...p.adversarial_zetas));
  const points = [
    ...meanBy(ctx, 'wc-risk-standard').map((q) => ({ ...q, group: 'standard training (trained W)' })),
    ...meanBy(ctx, 'wc-risk-jitter').map((q) => ({ ...q, group: 'jittering (trained W)' })),
    ...meanBy(ctx, 'wc-risk-adversarial').map((q) => ({ ...q, group: 'adversarial training (trained W)' })),
  ];
  ctx.record.figure({
    id: 'worst-case-risk-vs-zeta',
    title: 'Worst-case risk per dimension against the adversary\'s budget ζ',
    caption: `Exact worst-case risk (trust-region maximisation per test sample, ${p.test_samples} samples, mean over ${ctx.seeds.length} seeds) of full linear W trained with Adam (n = ${p.n}, d = ${p.d}, σ = ${p.noise_std}). Lines: closed forms for αUUᵀ at d = ${p.d} (exact, with the χ mean) and the plan's asymptotic (s + α√ζ)² for α*.`,
    chart: seriesChart({
      title: 'worst-case risk / d vs ζ',
      xTitle: 'ζ = ε² / E||x||²',
      yTitle: 'worst-case risk / d',
      points,
      mark: 'point',
      references: [
        { label: 'theory: standard α = 1/(1+σ²), exact at d', points: zs.map((z) => ({ x: z, y: exactWorstCaseRisk(standardShrinkage(nu), z, nu, p.d) })) },
        { label: 'theory: jittering α*(ζ), exact at d', points: zs.map((z) => ({ x: z, y: exactWorstCaseRisk(optimalShrinkage(z, nu), z, nu, p.d) })) },
        { label: 'theory: α*(ζ), asymptotic (plan)', points: zs.map((z) => ({ x: z, y: asymptoticWorstCaseRisk(optimalShrinkage(z, nu), z, nu) })) },
      ],
    }),
  });
  const alphaPoints = [
    ...ctx.record.series('alpha-hat-jitter').flatMap((c) => c.x.map((x, i) => ({ x, y: c.y[i], group: 'α̂ jittering' }))),
    ...ctx.record.series('alpha-hat-adversarial').flatMap((c) => c.x.map((x, i) => ({ x, y: c.y[i], group: 'α̂ adversarial training' }))),
  ];
  ctx.record.figure({
    id: 'alpha-hat-vs-alpha-star',
    title: 'Learned shrinkage α̂ = tr(UᵀWU)/d against the closed-form α*',
    caption: `Each point is one seed's trained W (jitter std × ${p.jitter_scale}). The curve is α*(ζ) = 1/(1 + σ² + σ_w²(ζ)); the flat line is standard training's 1/(1 + σ²).`,
    chart: seriesChart({
      title: 'α̂ vs α*',
      xTitle: 'ζ',
      yTitle: 'shrinkage α',
      points: alphaPoints,
      mark: 'point',
      references: [
        { label: 'α*(ζ) (closed form)', points: zs.map((z) => ({ x: z, y: optimalShrinkage(z, nu) })) },
        { label: 'α standard = 1/(1+σ²)', points: zs.map((z) => ({ x: z, y: standardShrinkage(nu) })) },
      ],
    }),
  });
  ctx.record.figure({
    id: 'noisy-ground-truth',
    title: 'Standard training on slightly noisy ground truth (report only)',
    caption: `Exact worst-case risk at ζ = ${p.target_noise_zeta} against the clean signal, of the least-squares optimum of standard training when the training ground truth carries noise of std τ (in inputs and targets), and when only the inputs carry it (which is jittering by τ).`,
    chart: seriesChart({
      title: 'worst-case risk / d vs τ',
      xTitle: 'τ (std of the noise in the training data)',
      yTitle: 'worst-case risk / d',
      points: [
        ...meanBy(ctx, 'wc-risk-noisy-ground-truth').map((q) => ({ ...q, group: 'noisy ground truth (input and target)' })),
        ...meanBy(ctx, 'wc-risk-noisy-inputs-only').map((q) => ({ ...q, group: 'noise on inputs only (= jittering by τ)' })),
      ],
      mark: 'line',
    }),
  });
}
