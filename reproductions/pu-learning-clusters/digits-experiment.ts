/**
 * D1, the 8x8 digits (even vs odd), through ctx.record: per seed, the test accuracy of the proxy
 * method and of every baseline, and the Fisher ratio of the unlabelled embeddings with and
 * without the VQ term. The networks of all seeds train together (see batched-mlp.ts).
 */
import type { RunContext } from '#harness';
import { getTf } from '#harness/tf';
import { loadDigits } from '#datasets/real';
import { disposeMlp } from './batched-mlp.js';
import { distanceDetector } from './distance-detector.js';
import { embeddingFigure, methodAccuracyFigure } from './figures.js';
import { digitsNames } from './names.js';
import { createNnPu, scores, trainNnPu } from './nnpu.js';
import type { Params } from './params.js';
import { makeSplit, PIXELS, type PuSplit } from './pu-split.js';
import { accuracy, fisherRatio } from './scores.js';
import { nearestCentre, positiveCluster, twoMeans } from './two-means.js';
import { createVqPu, disposeVqPu, embed, trainVqPu, type PuTrainData, type VqPuConfig } from './vq-pu.js';

const METHOD_LABELS: [keyof typeof digitsNames, string][] = [
  ['proxy', 'proxy (VQ, 2 codewords)'],
  ['noVq', 'no-VQ ablation + 2-means'],
  ['nnPu', 'nnPU (known π)'],
  ['twoMeans', 'raw 2-means (PCA init)'],
  ['distance', 'distance to positives'],
];

export async function runDigits(ctx: RunContext<Params>): Promise<void> {
  const p = ctx.params;
  const tf = await getTf();
  const digits = loadDigits(ctx.root);
  const seeds = ctx.seeds;
  const splits = seeds.map((seed) => makeSplit(digits.images, digits.labels, seed, { testFraction: p.test_fraction, labelledCount: p.labelled_positives }));
  const accuracies = new Map<string, number[]>(METHOD_LABELS.map(([key]) => [key, []]));
  const put = (key: keyof typeof digitsNames, s: number, value: number) => {
    ctx.record.scalar(digitsNames[key], value, { seed: seeds[s] });
    accuracies.get(key)?.push(value);
  };
  const total = 3 * p.steps + 2;
  let done = 0;
  const tick = (label: string, by: number) => ctx.progress((done += by), total, label);

  // The control (labelled_source: random) gives every method a random draw of U as its P: no positive signal anywhere.
  const labelledOf = (x: PuSplit) => (p.labelled_source === 'random' ? x.randomLabelled : x.labelled);

  // The two baselines that need no training: raw 2-means on U and the distance detector.
  splits.forEach((split, s) => {
    const n = split.unlabelledY.length;
    const km = twoMeans(split.unlabelled, n, PIXELS);
    const positive = positiveCluster(km.centres, labelledOf(split), p.labelled_positives, PIXELS);
    put('twoMeans', s, accuracy(predictByCentres(km.centres, positive, split.test, PIXELS), split.testY));
    put('distance', s, accuracy(distanceDetector(labelledOf(split), split.unlabelled, PIXELS, split.prior).predict(split.test), split.testY));
  });
  tick('raw 2-means and distance detector', 1);

  const trainData: PuTrainData[] = splits.map((x) => ({ labelled: labelledOf(x), unlabelled: x.unlabelled, prior: x.prior }));
  const cfg: VqPuConfig = {
    steps: p.steps, batch: p.batch, lr: p.lr, hidden: p.hidden, embed: p.embed, commitment: p.commitment,
    margin: p.margin, temperature: p.temperature, quantiseUnlabelled: true, assignment: p.assignment,
  };

  // The proxy: nearest codeword on the test set.
  const proxy = createVqPu(tf, seeds, PIXELS, cfg);
  trainVqPu(tf, proxy, trainData, seeds, PIXELS, cfg, (step, loss) => {
    if (step === cfg.steps - 1) ctx.log(`proxy: mean loss per seed at the last step ${loss.toFixed(4)}`);
  });
  const proxyTest = embed(tf, proxy, splits.map((x) => x.test), PIXELS);
  const proxyU = embed(tf, proxy, splits.map((x) => x.unlabelled), PIXELS);
  disposeVqPu(proxy);
  splits.forEach((split, s) => {
    const code = proxyTest.codebooks[s];
    put('proxy', s, accuracy(predictByCentres(code, 0, proxyTest.embeddings[s], p.embed), split.testY));
    ctx.record.scalar(digitsNames.fisherVq, fisherRatio(proxyU.embeddings[s], split.unlabelledY, p.embed), { seed: seeds[s] });
  });
  tick('proxy', p.steps);

  // The no-VQ ablation: the same encoder without the unlabelled VQ term, then 2-means on f(U).
  const ablationCfg = { ...cfg, quantiseUnlabelled: false };
  const ablation = createVqPu(tf, seeds, PIXELS, ablationCfg);
  trainVqPu(tf, ablation, trainData, seeds, PIXELS, ablationCfg);
  const ablationU = embed(tf, ablation, splits.map((x) => x.unlabelled), PIXELS);
  const ablationTest = embed(tf, ablation, splits.map((x) => x.test), PIXELS);
  const ablationP = embed(tf, ablation, splits.map(labelledOf), PIXELS);
  disposeVqPu(ablation);
  splits.forEach((split, s) => {
    const km = twoMeans(ablationU.embeddings[s], split.unlabelledY.length, p.embed);
    const positive = positiveCluster(km.centres, ablationP.embeddings[s], p.labelled_positives, p.embed);
    put('noVq', s, accuracy(predictByCentres(km.centres, positive, ablationTest.embeddings[s], p.embed), split.testY));
    ctx.record.scalar(digitsNames.fisherNoVq, fisherRatio(ablationU.embeddings[s], split.unlabelledY, p.embed), { seed: seeds[s] });
  });
  tick('no-VQ ablation', p.steps);

  // nnPU with the known class prior.
  const nnpu = createNnPu(tf, seeds, PIXELS, p.hidden);
  trainNnPu(tf, nnpu, trainData, seeds, PIXELS, { steps: p.steps, batch: p.batch, lr: p.lr, hidden: p.hidden });
  const g = scores(tf, nnpu, splits.map((x) => x.test), PIXELS);
  disposeMlp(nnpu);
  splits.forEach((split, s) => put('nnPu', s, accuracy(Uint8Array.from(g[s], (v) => (v > 0 ? 1 : 0)), split.testY)));
  tick('nnPU', p.steps);

  ctx.record.figure(methodAccuracyFigure(METHOD_LABELS.map(([key, label]) => ({ label, values: accuracies.get(key) ?? [] }))));
  ctx.record.figure(embeddingFigure(proxyTest.embeddings[0], splits[0].testY, proxyTest.codebooks[0], p.embed, seeds[0]));
  tick('figures', 1);
  logPriors(ctx, splits);
}

/** 1 where a row is nearer the centre `positive` of the two (row-major 2×d) centres. */
export function predictByCentres(centres: ArrayLike<number>, positive: 0 | 1, rows: ArrayLike<number>, d: number): Uint8Array {
  return Uint8Array.from({ length: rows.length / d }, (_, i) => (nearestCentre(centres, rows, i * d, d) === positive ? 1 : 0));
}

function logPriors(ctx: RunContext<Params>, splits: readonly PuSplit[]): void {
  const priors = splits.map((x) => x.prior);
  ctx.log(`D1: ${splits[0].unlabelledY.length} unlabelled, ${splits[0].testY.length} test digits per seed; class prior π in [${Math.min(...priors).toFixed(3)}, ${Math.max(...priors).toFixed(3)}]`);
}
