/**
 * The 4-direction diagonal SSM on tfjs tensors, in linear time.
 *
 * Per channel and direction a real diagonal SSM x_t = a ⊙ x_{t−1} + (1 − a) u_t, y_t = W · x_t
 * (a = e^{−rate} per mode; the input map B = 1 − a keeps the kernel's sum bounded) is a causal
 * convolution with the closed-form kernel K_j = Σ_n W_n (1 − a_n) a_n^j. The image is read as a
 * sequence of L = H·W pixels in row order and in column order, each scanned forwards and backwards
 * (4 directions, each with its own SSM). Forward plus backward reach every pixel: one layer is global.
 *
 * A lane is one (order, channel). Its forward and backward scans are summed:
 * y_t = Σ_{k≤t} Kf_{t−k} u_k + Σ_{k≥t} Kb_{k−t} u_k. This runs blocked (no FFT on every backend,
 * and none is needed): the sequence is cut into chunks of T. Inside a chunk both directions are one
 * dense T×T product (causal kernel below the diagonal, anti-causal above: L·T work; the block is
 * built from the kernels K_j, j < T, in N·T work, independent of L). Across chunks
 * the 2N-dimensional state (N per direction) is carried by a log-depth doubling scan over the L/T
 * chunks (the backward half on the chunk order reversed), then added to each chunk's outputs (L·2N
 * work). With T fixed the cost is linear in L. The `full` algorithm sets T = L: one L×L product,
 * quadratic (a control).
 */
import type { tf as TF } from '#harness/tf';
import { chunkLength, type SsmConfig } from './architecture.js';

type Tf = typeof TF;

/**
 * The lower-triangular Toeplitz matrices M[i][j] = k[i − j] (i ≥ j), 0 above, one per row of
 * k [rows, T], without gather (its gradient is missing on wasm): tile r = [reverse(k), 0…0]
 * (length 2T) T times and read rows of stride 2T − 1 from offset T − 1, so that row i starts at
 * r[T − 1 − i].
 */
export function lowerToeplitz(tf: Tf, k: TF.Tensor2D): TF.Tensor3D {
  const [rows, T] = k.shape;
  const r = tf.concat([tf.reverse(k, 1), tf.zeros([rows, T])], 1);
  const strided = tf.slice(tf.tile(r, [1, T]), [0, T - 1], [rows, T * (2 * T - 1)]).reshape([rows, T, 2 * T - 1]);
  return tf.slice(strided, [0, 0, 0], [rows, T, T]) as TF.Tensor3D;
}

/**
 * The chunk block M = Mf + Mbᵀ: Mf[i][j] = Kf_{i−j} below the diagonal, Kb_{j−i} above, both on
 * it, with K_j = Σ_n Wt_n a_n^j from the closed form. logA, wt: [lanes, 2, N] (direction 0
 * forward, 1 backward). Its temporaries are freed on return.
 */
export function chunkBlock(tf: Tf, logA: TF.Tensor3D, wt: TF.Tensor3D, T: number): TF.Tensor3D {
  const [lanes, , N] = logA.shape;
  return tf.tidy(() => {
    const powers = tf.exp(tf.mul(logA.reshape([lanes, 2, N, 1]), tf.range(0, T, 1, 'float32').reshape([1, 1, 1, T])));
    const kernels = tf.matMul(wt.reshape([lanes, 2, 1, N]), powers).reshape([lanes * 2, T]) as TF.Tensor2D; // K_j, j < T
    const [forward, backward] = tf.split(lowerToeplitz(tf, kernels).reshape([lanes, 2, T, T]), 2, 1);
    return tf.add(forward.reshape([lanes, T, T]), tf.transpose(backward.reshape([lanes, T, T]), [0, 2, 1])) as TF.Tensor3D;
  });
}

/** Shift along axis 2 by d (zeros enter at the front): X_g ← X_{g−d}. */
function shiftDown(tf: Tf, x: TF.Tensor4D, d: number): TF.Tensor4D {
  const [lanes, B, G, M] = x.shape;
  return tf.pad(tf.slice(x, [0, 0, 0, 0], [lanes, B, G - d, M]), [[0, 0], [0, 0], [d, 0], [0, 0]]);
}

/**
 * Both scans of each lane's sequences, summed. u: [lanes, B, L]; logRate, w: [lanes, 2, N]
 * (direction 0 forward, 1 backward). Returns [lanes, B, L]. Each stage frees its temporaries as it
 * goes (nested tidies), so the peak memory is that of an inference engine, not of the whole graph.
 */
export function bidirectionalScan(tf: Tf, u: TF.Tensor3D, logRate: TF.Tensor3D, w: TF.Tensor3D, config: Pick<SsmConfig, 'chunk' | 'algorithm'>): TF.Tensor3D {
  const [lanes, B, L] = u.shape;
  const N = logRate.shape[2];
  const T = chunkLength(L, config);
  const G = L / T;
  const logA = tf.neg(tf.exp(logRate)) as TF.Tensor3D; // log a = −rate
  const wt = tf.tidy(() => tf.mul(w, tf.sub(1, tf.exp(logA)))) as TF.Tensor3D; // W ⊙ (1 − a): the input map B = 1 − a folded into C
  const chunks = u.reshape([lanes, B * G, T]);
  const intra = tf.tidy(() => tf.matMul(chunks, chunkBlock(tf, logA, wt, T), false, true)); // [lanes, B·G, T]
  if (G === 1) return intra.reshape([lanes, B, L]) as TF.Tensor3D;

  // a^{e} for a row of exponents e, per lane and direction: [lanes, 2, N, E].
  const powers = (forward: number[], backward: number[]) =>
    tf.exp(tf.mul(logA.reshape([lanes, 2, N, 1]), tf.tensor([...forward, ...backward], [1, 2, 1, forward.length])));
  const steps = Array.from({ length: T }, (_, k) => k);
  // Each chunk's own state from zero: forward at its end Σ_k af^{T−1−k} u_k, backward at its start
  // Σ_k ab^k u_k. Both halves are scanned the same way, the backward one on the chunk order reversed.
  let carried = tf.tidy(() => {
    const toEdge = tf.transpose(powers(steps.map((k) => T - 1 - k), steps), [0, 3, 1, 2]).reshape([lanes, T, 2 * N]);
    const [fwd, bwd] = tf.split(tf.matMul(chunks, toEdge).reshape([lanes, B, G, 2, N]), 2, 3);
    return tf.concat([fwd, tf.reverse(bwd, 2)], 3).reshape([lanes, B, G, 2 * N]) as TF.Tensor4D;
  });
  const logA4 = logA.reshape([lanes, 1, 1, 2 * N]);
  for (let d = 1; d < G; d *= 2) {
    const next = tf.tidy(() => tf.add(carried, tf.mul(tf.exp(tf.mul(logA4, T * d)), shiftDown(tf, carried, d)))) as TF.Tensor4D;
    carried.dispose();
    carried = next;
  }
  const fromState = tf.tidy(() => {
    // Entering chunk g: from the left X_{g−1}; from the right the reversed scan's X_{G−g−2}, re-reversed.
    const [left, right] = tf.split(shiftDown(tf, carried, 1).reshape([lanes, B, G, 2, N]), 2, 3);
    const entering = tf.concat([left, tf.reverse(right, 2)], 3).reshape([lanes, B * G, 2 * N]);
    // They reach output i of the chunk as Wt af^{i+1} and Wt ab^{T−i}.
    const fromEdge = tf.mul(wt.reshape([lanes, 2, N, 1]), powers(steps.map((i) => i + 1), steps.map((i) => T - i))).reshape([lanes, 2 * N, T]);
    return tf.matMul(entering, fromEdge);
  });
  carried.dispose();
  const out = tf.tidy(() => tf.add(intra, fromState).reshape([lanes, B, L])) as TF.Tensor3D;
  [chunks, intra, fromState].forEach((t) => t.dispose());
  return out;
}

/**
 * x: [S, B, H, W, C] (S models side by side, e.g. seeds); logRate, w: [S, 4, C, N] with directions
 * rows forward, rows backward, columns forward, columns backward. Lanes are (model, order, channel).
 */
export function ssm4(tf: Tf, x: TF.Tensor5D, logRate: TF.Tensor, w: TF.Tensor, config: SsmConfig): TF.Tensor5D {
  const [S, B, H, W, C] = x.shape;
  const L = H * W;
  const N = logRate.shape[3]!;
  const lanes = tf.tidy(() => {
    const rows = tf.transpose(x, [0, 4, 1, 2, 3]).reshape([S, 1, C, B, L]);
    const cols = tf.transpose(x, [0, 4, 1, 3, 2]).reshape([S, 1, C, B, L]);
    return tf.concat([rows, cols], 1).reshape([S * 2 * C, B, L]) as TF.Tensor3D;
  });
  // [S, (order, direction), C, N] → [(S, order, C), direction, N].
  const perLane = (p: TF.Tensor) => tf.transpose(p.reshape([S, 2, 2, C, N]), [0, 1, 3, 2, 4]).reshape([S * 2 * C, 2, N]) as TF.Tensor3D;
  const y = tf.tidy(() => bidirectionalScan(tf, lanes, perLane(logRate), perLane(w), config));
  lanes.dispose();
  const out = tf.tidy(() => {
    const [fromRows, fromCols] = tf.split(y.reshape([S, 2, C, B, L]), 2, 1);
    return tf.add(
      tf.transpose(fromRows.reshape([S, C, B, H, W]), [0, 2, 3, 4, 1]),
      tf.transpose(fromCols.reshape([S, C, B, W, H]), [0, 2, 4, 3, 1]),
    ) as TF.Tensor5D;
  });
  y.dispose();
  return out;
}
