/**
 * The two-step multi-task training of a two-layer ReLU net f_t(x) = Σ_j b_tj relu(⟨w_j, x⟩), in
 * tfjs (the products are T·n × d × m: up to ~10⁹ multiply-adds per step at d = 128).
 *
 * Loss of task t: L_t(W, b_t) = (1/n) Σ_i softplus(−y_ti f_t(x_ti)) (the logistic loss).
 * Step 1 (heads, from b = 0): b_t = −η₁ ∇_{b_t} L_t(W₀, 0) = (η₁ / 2n) Σ_i y_ti relu(W₀x_ti).
 * Step 2 (features, on fresh samples): W₁ = W₀ − η₂(∇_W L + W₀/η₂) = −η₂ ∇_W L(W₀, b), with
 *   L = (1/T) Σ_t L_t, so the weight decay 1/η₂ erases the random initialization.
 * Gradients are written out by hand (checked against tf.grad in the tests): one matmul each way.
 */
import type * as TfCore from '@tensorflow/tfjs-core';

export type Tf = typeof TfCore;

/** One task-major upstream step's data on the device: X is T·n×d, y is T×n (±1). */
export interface StepData { X: TfCore.Tensor2D; y: TfCore.Tensor2D }

/** b (T×m) after one step on the heads from zero. */
export function headStep(tf: Tf, W0: TfCore.Tensor2D, data: StepData, headLr: number): TfCore.Tensor2D {
  return tf.tidy(() => {
    const [T, n] = data.y.shape;
    const m = W0.shape[0];
    const H = tf.relu(tf.matMul(data.X, W0, false, true)).reshape([T, n, m]);
    // −∂softplus(−yf)/∂f at f = 0 is y/2.
    const b = tf.matMul(data.y.reshape([T, 1, n]), H).reshape([T, m]);
    return b.mul(headLr / (2 * n)) as TfCore.Tensor2D;
  });
}

/** ∇_W L(W, b) (m×d) for L = (1/T) Σ_t (1/n) Σ_i softplus(−y_ti Σ_j b_tj relu(⟨w_j, x_ti⟩)). */
export function featureGradient(tf: Tf, W: TfCore.Tensor2D, b: TfCore.Tensor2D, data: StepData): TfCore.Tensor2D {
  return tf.tidy(() => {
    const [T, n] = data.y.shape;
    const m = W.shape[0];
    const pre = tf.matMul(data.X, W, false, true).reshape([T, n, m]);
    const f = tf.matMul(tf.relu(pre), b.reshape([T, m, 1])).reshape([T, n]);
    // ∂softplus(−yf)/∂f = −y·sigmoid(−yf).
    const dLdf = data.y.mul(tf.sigmoid(data.y.mul(f).neg())).neg();
    const active = tf.cast(tf.greater(pre, 0), 'float32');
    const Q = active.mul(dLdf.reshape([T, n, 1])).mul(b.reshape([T, 1, m])).reshape([T * n, m]);
    return tf.matMul(Q, data.X, true, false).div(T * n) as TfCore.Tensor2D;
  });
}

/** W₁ = −η₂ ∇_W L(W₀, b) with b from the head step on `step1`, the gradient on fresh `step2`. */
export function trainTwoStep(tf: Tf, W0: TfCore.Tensor2D, step1: StepData, step2: StepData, options: { headLr: number; lr: number }): TfCore.Tensor2D {
  return tf.tidy(() => {
    const b = headStep(tf, W0, step1, options.headLr);
    return featureGradient(tf, W0, b, step2).mul(-options.lr) as TfCore.Tensor2D;
  });
}

/** The loss L(W, b) itself, for the gradient check. */
export function multiTaskLoss(tf: Tf, W: TfCore.Tensor2D, b: TfCore.Tensor2D, data: StepData): TfCore.Scalar {
  return tf.tidy(() => {
    const [T, n] = data.y.shape;
    const m = W.shape[0];
    const H = tf.relu(tf.matMul(data.X, W, false, true)).reshape([T, n, m]);
    const f = tf.matMul(H, b.reshape([T, m, 1])).reshape([T, n]);
    return tf.softplus(data.y.mul(f).neg()).mean() as TfCore.Scalar;
  });
}
