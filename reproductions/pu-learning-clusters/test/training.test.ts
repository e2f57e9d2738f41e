import test from 'ava';
import type { Tensor1D, Tensor3D } from '@tensorflow/tfjs-core';
import { getTf } from '#harness/tf';
import { createRng } from '#harness/random';
import { disposeMlp } from '../batched-mlp.js';
import { createNnPu, nnPuLoss, nnPuRisks, scores, trainNnPu } from '../nnpu.js';
import { accuracy } from '../scores.js';
import { createVqPu, disposeVqPu, embed, quantiseToPositive, trainVqPu, vqPuLoss, type PuTrainData, type VqPuConfig } from '../vq-pu.js';

const tf = await getTf();
const D = 6;
const CFG: VqPuConfig = { steps: 5, batch: 16, lr: 1e-3, hidden: 12, embed: 3, commitment: 0.25, margin: 2, temperature: 1, quantiseUnlabelled: true, assignment: 'prior' };

/** A toy PU problem in 6-D: positives around +2e₁, negatives around −2e₁; U half and half. */
function toy(seed: number, nU = 200, nP = 40): PuTrainData & { uY: Uint8Array } {
  const rng = createRng(seed);
  const row = (positive: boolean) => Array.from({ length: D }, (_, j) => rng.normal() + (j === 0 ? (positive ? 2 : -2) : 0));
  const uY = Uint8Array.from({ length: nU }, (_, i) => (i % 2 === 0 ? 1 : 0));
  return {
    unlabelled: Float32Array.from(Array.from(uY, (y) => row(y === 1)).flat()),
    labelled: Float32Array.from(Array.from({ length: nP }, () => row(true)).flat()),
    prior: 0.5,
    uY,
  };
}

test('tf.memory().numTensors is flat across training steps, and nothing is left after disposal', (t) => {
  const seeds = [0, 1];
  const data = seeds.map((s) => toy(s));
  const before = tf.memory().numTensors;
  for (const quantiseUnlabelled of [true, false]) {
    const cfg = { ...CFG, steps: 6, quantiseUnlabelled };
    const model = createVqPu(tf, seeds, D, cfg);
    const counts: number[] = [];
    trainVqPu(tf, model, data, seeds, D, cfg, () => counts.push(tf.memory().numTensors), 1);
    t.log(`VQ (quantise ${quantiseUnlabelled}) tensors after each step: ${counts.join(', ')}`);
    // After the first step Adam's moment variables exist; from then on the count must not move.
    t.true(counts.slice(1).every((c) => c === counts[1]), counts.join(', '));
    embed(tf, model, data.map((x) => x.unlabelled), D);
    disposeVqPu(model);
  }
  const nnpu = createNnPu(tf, seeds, D, 12);
  const mid = tf.memory().numTensors;
  trainNnPu(tf, nnpu, data, seeds, D, { steps: 6, batch: 16, lr: 1e-3, hidden: 12 });
  t.is(tf.memory().numTensors, mid);
  scores(tf, nnpu, data.map((x) => x.unlabelled), D);
  disposeMlp(nnpu);
  t.is(tf.memory().numTensors, before);
});

test('batched seeds train exactly as separate runs (each seed sees only its own slice)', (t) => {
  const data = [toy(3), toy(7)];
  const together = createVqPu(tf, [3, 7], D, CFG);
  trainVqPu(tf, together, data, [3, 7], D, CFG);
  const joint = embed(tf, together, data.map((x) => x.unlabelled), D);
  disposeVqPu(together);
  [3, 7].forEach((seed, s) => {
    const alone = createVqPu(tf, [seed], D, CFG);
    trainVqPu(tf, alone, [data[s]], [seed], D, CFG);
    const single = embed(tf, alone, [data[s].unlabelled], D);
    disposeVqPu(alone);
    let worst = 0;
    single.embeddings[0].forEach((v, i) => { worst = Math.max(worst, Math.abs(v - joint.embeddings[s][i])); });
    t.true(worst < 1e-4, `seed ${seed}: max difference ${worst}`);
  });
});

test('the prior assignment quantises exactly round(π·B) embeddings per seed to c_P; nearest follows the distances', (t) => {
  const dP = tf.tensor2d([[0.1, 3, 0.5, 2, 1, 4], [5, 0.2, 0.3, 6, 0.4, 7]]);
  const dN = tf.tensor2d([[1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 1]]);
  const prior = tf.tensor1d([0.5, 1 / 3]);
  const balanced = quantiseToPositive(tf, dP, dN, prior, 'prior');
  // Row 0: the three largest dN − dP are at dP = 0.1, 0.5, 1 (indices 0, 2, 4); row 1: round(2) = 2 at 0.2, 0.3.
  t.deepEqual(Array.from(balanced.dataSync()), [1, 0, 1, 0, 1, 0, 0, 1, 1, 0, 0, 0]);
  const nearest = quantiseToPositive(tf, dP, dN, prior, 'nearest');
  t.deepEqual(Array.from(nearest.dataSync()), [1, 0, 1, 0, 0, 0, 0, 1, 1, 0, 1, 0]);
  tf.dispose([dP, dN, prior, balanced, nearest]);
});

test('VQ gradients: codewords move by the codebook term, the encoder by β times the commitment term', (t) => {
  // With XP only (no unlabelled VQ term: quantiseUnlabelled false, and U far from both codewords so the prior term is flat),
  // d/dc_P of mean_P ||sg(f) − c_P||² is 2(c_P − mean f). The margin term is 0 when the codewords are ≥ 2 apart.
  const model = createVqPu(tf, [5], D, CFG);
  model.codebook.assign(tf.tensor3d([[[0, 0, 0], [10, 0, 0]]]));
  const data = toy(5);
  const XP = tf.tensor3d(data.labelled.slice(0, 8 * D), [1, 8, D]) as Tensor3D;
  const XU = tf.tensor3d(data.unlabelled.slice(0, 8 * D), [1, 8, D]) as Tensor3D;
  const prior = tf.tensor1d([0.5]) as Tensor1D;
  const cfg = { ...CFG, quantiseUnlabelled: false, temperature: 1e6 };
  const { grads } = tf.variableGrads(() => vqPuLoss(tf, model, XP, XU, prior, cfg), [model.codebook, model.mlp.b2]);
  const f = embed(tf, model, [data.labelled.slice(0, 8 * D)], D).embeddings[0];
  const mf = [0, 1, 2].map((j) => (f[j] + f[3 + j] + f[6 + j] + f[9 + j] + f[12 + j] + f[15 + j] + f[18 + j] + f[21 + j]) / 8);
  const g = grads[model.codebook.name].dataSync();
  t.log(`dL/dc_P = ${Array.from(g.slice(0, 3)).map((v) => v.toFixed(4)).join(', ')}; 2(c_P − mean f) = ${mf.map((v) => (-2 * v).toFixed(4)).join(', ')}`);
  [0, 1, 2].forEach((j) => t.true(Math.abs(g[j] + 2 * mf[j]) < 1e-3 * (1 + Math.abs(mf[j]))));
  // c_N receives no gradient from the positives (the prior term is flat at τ = 1e6 up to 1e-6).
  [3, 4, 5].forEach((j) => t.true(Math.abs(g[j]) < 1e-4));
  // The encoder's output bias sees only the commitment term: β · 2(mean f − c_P).
  const gb = grads[model.mlp.b2.name].dataSync();
  [0, 1, 2].forEach((j) => t.true(Math.abs(gb[j] - CFG.commitment * 2 * mf[j]) < 1e-3 * (1 + Math.abs(mf[j])), `${gb[j]} vs ${CFG.commitment * 2 * mf[j]}`));
  tf.dispose([XP, XU, prior, ...Object.values(grads)]);
  disposeVqPu(model);
});

test('nnPU: the risks by hand, and the non-negative correction steps on −r when r < 0', (t) => {
  const mlp = createNnPu(tf, [1], D, 4);
  const data = toy(1, 10, 10);
  const XP = tf.tensor3d(data.labelled, [1, 10, D]) as Tensor3D;
  const XU = tf.tensor3d(data.unlabelled, [1, 10, D]) as Tensor3D;
  const gP = scores(tf, mlp, [data.labelled], D)[0];
  const gU = scores(tf, mlp, [data.unlabelled], D)[0];
  const sig = (z: number) => 1 / (1 + Math.exp(-z));
  const avg = (xs: Float32Array, f: (v: number) => number) => xs.reduce((s, v) => s + f(v), 0) / xs.length;
  for (const pi of [0.3, 0.9]) {
    const prior = tf.tensor1d([pi]) as Tensor1D;
    const { positiveRisk, negativeRisk } = nnPuRisks(tf, mlp, XP, XU, prior);
    const rP = pi * avg(gP, (v) => sig(-v));
    const r = avg(gU, (v) => sig(v)) - pi * avg(gP, (v) => sig(v));
    t.true(Math.abs(positiveRisk.dataSync()[0] - rP) < 1e-5);
    t.true(Math.abs(negativeRisk.dataSync()[0] - r) < 1e-5);
    const loss = nnPuLoss(tf, mlp, XP, XU, prior);
    const expected = r >= 0 ? rP + r : -r;
    t.true(Math.abs(loss.dataSync()[0] - expected) < 1e-5, `π = ${pi}: r = ${r}`);
    tf.dispose([prior, positiveRisk, negativeRisk, loss]);
  }
  tf.dispose([XP, XU]);
  disposeMlp(mlp);
});

test('on a separable toy PU problem the proxy and nnPU both learn the classes', (t) => {
  const seeds = [0, 1];
  const data = seeds.map((s) => toy(10 + s, 400, 60));
  const cfg = { ...CFG, steps: 300, batch: 32, lr: 3e-3 };
  const model = createVqPu(tf, seeds, D, cfg);
  trainVqPu(tf, model, data, seeds, D, cfg);
  const out = embed(tf, model, data.map((x) => x.unlabelled), D);
  disposeVqPu(model);
  const nnpu = createNnPu(tf, seeds, D, 12);
  trainNnPu(tf, nnpu, data, seeds, D, { steps: 300, batch: 32, lr: 3e-3, hidden: 12 });
  const g = scores(tf, nnpu, data.map((x) => x.unlabelled), D);
  disposeMlp(nnpu);
  seeds.forEach((_, s) => {
    const e = CFG.embed;
    const c = out.codebooks[s];
    const pred = Uint8Array.from({ length: data[s].uY.length }, (_, i) => {
      let dp = 0;
      let dn = 0;
      for (let j = 0; j < e; j++) {
        dp += (out.embeddings[s][i * e + j] - c[j]) ** 2;
        dn += (out.embeddings[s][i * e + j] - c[e + j]) ** 2;
      }
      return dp < dn ? 1 : 0;
    });
    const proxyAcc = accuracy(pred, data[s].uY);
    const nnAcc = accuracy(Uint8Array.from(g[s], (v) => (v > 0 ? 1 : 0)), data[s].uY);
    t.log(`seed ${s}: proxy ${proxyAcc.toFixed(3)}, nnPU ${nnAcc.toFixed(3)} (Bayes ≈ 0.977)`);
    t.true(proxyAcc > 0.9 && nnAcc > 0.9);
  });
});
