/**
 * The model-inversion objective of generated inputs x [G, N, d] against the frozen global
 * classifier, per model [G]:
 *   CE(logits/T, argmax logits) + w_bn · KL(N(μ_R, σ²_R) ‖ N(μ_B, σ²_B)) + w_ie · (1 − H(p̄)/log K)
 * (see generator.ts). `objectiveAutodiff` writes it in tfjs ops for tf.grad; `makeObjective` is
 * the same function as one fused op whose gradient in x is written out (tf.customGrad), because
 * tfjs's tape spends about three kernels of bookkeeping per op here and this objective runs
 * at every inversion step. test/inversion-objective.test.ts checks that both agree, value and
 * gradient; tf.grads still differentiates the generator through it.
 *
 * The frozen classifier is folded into one affine map before its ReLU, u = x·(W1·s) + (β − μ_run·s)
 * with s = γ/√(σ²_run + ε). KL divergence is invariant under an affine map applied to both
 * distributions, so matching u's batch statistics against the running statistics mapped the same
 * way, (β, s²·σ²_run), is matching them at the BatchNorm input.
 */
import type * as TfCore from '@tensorflow/tfjs-core';
import { BN_EPS, batchStats, relu, type ClassifierTensors, type T3, type Tf } from './classifier.js';

/** Variance floor of the statistics compared by the KL term. */
const VAR_FLOOR = 1e-8;

export interface FrozenClassifier {
  W1s: T3;
  shift: T3;
  meanR: T3;
  varR: T3;
  /** Head restricted to the seen classes. */
  W2: T3;
  b2: T3;
}

export interface ObjectiveWeights {
  ceTemperature: number;
  entropyWeight: number;
  bnWeight: number;
}

/** New tensors (the caller disposes them) for the classifier `model` restricted to `seen` classes. */
export function foldClassifier(tf: Tf, model: ClassifierTensors, seen: number): FrozenClassifier {
  return tf.tidy(() => {
    const [G, hidden] = [model.W2.shape[0], model.W2.shape[1]];
    const s = tf.mul(tf.rsqrt(tf.add(model.runVar, BN_EPS)), model.gamma);
    return {
      W1s: tf.mul(model.W1, s) as T3,
      shift: tf.sub(model.beta, tf.mul(model.runMean, s)) as T3,
      meanR: tf.clone(model.beta) as T3,
      varR: tf.add(tf.mul(tf.square(s), model.runVar), VAR_FLOOR) as T3,
      W2: tf.slice(model.W2, [0, 0, 0], [G, hidden, seen]) as T3,
      b2: tf.slice(model.b2, [0, 0, 0], [G, 1, seen]) as T3,
    };
  });
}

export function disposeFrozen(tf: Tf, f: FrozenClassifier): void {
  tf.dispose([f.W1s, f.shift, f.meanR, f.varR, f.W2, f.b2]);
}

function entropyOn(w: ObjectiveWeights, seen: number): boolean {
  return w.entropyWeight > 0 && seen > 1;
}

/** The objective in plain tfjs ops (the reference the fused op is tested against). */
export function objectiveAutodiff(tf: Tf, f: FrozenClassifier, w: ObjectiveWeights, seen: number, x: T3): TfCore.Tensor1D {
  return tf.tidy(() => {
    const u = tf.add(tf.matMul(x, f.W1s), f.shift);
    const batch = batchStats(tf, u);
    const varB = tf.add(batch.variance, VAR_FLOOR);
    const kl = tf.mean(tf.sub(
      tf.add(tf.mul(0.5, tf.log(tf.div(varB, f.varR))), tf.div(tf.add(f.varR, tf.square(tf.sub(f.meanR, batch.mean))), tf.mul(2, varB))),
      0.5,
    ), [1, 2]);
    const logits = tf.add(tf.matMul(relu(tf, u), f.W2), f.b2);
    const pseudo = tf.oneHot(tf.argMax(logits, 2), seen);
    const ce = tf.neg(tf.mean(tf.sum(tf.mul(pseudo, tf.logSoftmax(tf.div(logits, w.ceTemperature))), 2), 1));
    let total = tf.add(ce, tf.mul(w.bnWeight, kl));
    if (entropyOn(w, seen)) {
      const pBar = tf.mean(tf.softmax(logits), 1);
      const negEntropy = tf.sum(tf.mul(pBar, tf.log(pBar)), 1);
      total = tf.add(total, tf.mul(w.entropyWeight, tf.add(1, tf.div(negEntropy, Math.log(seen)))));
    }
    return total as TfCore.Tensor1D;
  });
}

/**
 * The same objective as one op with its gradient in x written out:
 *   d/dlogits: (softmax(logits/T) − onehot)/(N·T) + (1/N)·p ⊙ (q − ⟨p, q⟩), q = w_ie (log p̄ + 1)/log K;
 *   d/du: (d/dlogits · W2ᵀ) ⊙ [u > 0] + (w_bn/H)·(∂KL/∂μ_B + 2 (u − μ_B) ∂KL/∂σ²_B)/N,
 *     ∂KL/∂μ_B = −(μ_R − μ_B)/σ²_B,  ∂KL/∂σ²_B = 1/(2σ²_B) − (σ²_R + (μ_R − μ_B)²)/(2σ⁴_B);
 *   d/dx = d/du · (W1·s)ᵀ.
 */
export function makeObjective(tf: Tf, f: FrozenClassifier, w: ObjectiveWeights, seen: number): (x: T3) => TfCore.Tensor1D {
  const withEntropy = entropyOn(w, seen);
  const logK = Math.log(seen);
  const fused = (...inputs: unknown[]) => {
    const x = inputs[0] as T3;
    const save = inputs[1] as (tensors: TfCore.Tensor[]) => void;
    const [, N] = x.shape;
    const H = f.W1s.shape[2];
    const u = tf.add(tf.matMul(x, f.W1s), f.shift) as T3;
    const { mean, centered, variance } = batchStats(tf, u);
    const varB = tf.add(variance, VAR_FLOOR);
    const dm = tf.sub(f.meanR, mean);
    const spread = tf.add(f.varR, tf.square(dm));
    const kl = tf.mean(tf.sub(tf.add(tf.mul(0.5, tf.log(tf.div(varB, f.varR))), tf.div(spread, tf.mul(2, varB))), 0.5), [1, 2]);
    const logits = tf.add(tf.matMul(relu(tf, u), f.W2), f.b2);
    const logPT = tf.logSoftmax(tf.div(logits, w.ceTemperature));
    const pseudo = tf.oneHot(tf.argMax(logits, 2), seen);
    const ce = tf.neg(tf.mean(tf.sum(tf.mul(pseudo, logPT), 2), 1));
    let total = tf.add(ce, tf.mul(w.bnWeight, kl));
    // Gradient pieces that do not depend on the upstream gradient, computed with the forward.
    let dLogits = tf.div(tf.sub(tf.exp(logPT), pseudo), N * w.ceTemperature);
    if (withEntropy) {
      const p = w.ceTemperature === 1 ? tf.exp(logPT) : tf.softmax(logits);
      const pBar = tf.mean(p, 1, true);
      const logPBar = tf.log(pBar);
      total = tf.add(total, tf.mul(w.entropyWeight, tf.add(1, tf.div(tf.sum(tf.mul(pBar, logPBar), [1, 2]), logK))));
      const q = tf.mul(tf.add(logPBar, 1), w.entropyWeight / logK);
      dLogits = tf.add(dLogits, tf.div(tf.mul(p, tf.sub(q, tf.sum(tf.mul(p, q), 2, true))), N));
    }
    const dMean = tf.neg(tf.div(dm, varB));
    const dVar = tf.sub(tf.div(0.5, varB), tf.div(spread, tf.mul(2, tf.square(varB))));
    const dStats = tf.mul(tf.add(dMean, tf.mul(tf.mul(centered, 2), dVar)), w.bnWeight / (H * N));
    const dU = tf.add(tf.mul(tf.matMul(dLogits, f.W2, false, true), tf.cast(tf.greater(u, 0), 'float32')), dStats);
    save([dU]);
    return {
      value: total as TfCore.Tensor1D,
      gradFunc: (dy: TfCore.Tensor, saved: TfCore.Tensor[]) => {
        const [G] = dy.shape;
        return tf.matMul(tf.mul(saved[0], tf.reshape(dy, [G, 1, 1])), f.W1s, false, true);
      },
    };
  };
  return tf.customGrad(fused) as (x: T3) => TfCore.Tensor1D;
}
