/**
 * Pieces with no gradient, for losses that tf.grads differentiates: tfjs has no stop_gradient,
 * and its comparison ops have no gradient function (the tape throws on them even when the result
 * is only used as a mask), so each is wrapped in tf.customGrad with a zero gradient.
 */
import type * as TfCore from '@tensorflow/tfjs-core';

type Tf = typeof TfCore;

/** sg(x): identity forward, zero gradient. */
export function makeStopGradient(tf: Tf): <T extends TfCore.Tensor>(x: T) => T {
  const f = tf.customGrad((...inputs: unknown[]) => ({
    value: tf.clone(inputs[0] as TfCore.Tensor),
    gradFunc: (dy: TfCore.Tensor | TfCore.Tensor[]) => tf.zerosLike(dy as TfCore.Tensor),
  }));
  return <T extends TfCore.Tensor>(x: T) => f(x) as T;
}

/** 1 where a < b, else 0 (float32), with a zero gradient to both inputs. */
export function makeLessMask(tf: Tf): <T extends TfCore.Tensor>(a: T, b: T) => T {
  const f = tf.customGrad((...inputs: unknown[]) => {
    const [a, b] = inputs as [TfCore.Tensor, TfCore.Tensor];
    const [shapeA, shapeB] = [a.shape, b.shape];
    return {
      value: tf.tidy(() => tf.cast(tf.less(a, b), 'float32')),
      gradFunc: () => [tf.zeros(shapeA), tf.zeros(shapeB)],
    };
  });
  return <T extends TfCore.Tensor>(a: T, b: T) => f(a, b) as T;
}

/**
 * For scores [S, B] and counts k [S, 1]: 1 on the k_s largest scores of row s, else 0, with a
 * zero gradient. The rank of an entry is the number of entries of its row above it (ties, which
 * have probability zero for real-valued scores, share a rank).
 */
export function makeTopKMask(tf: Tf): (scores: TfCore.Tensor2D, k: TfCore.Tensor2D) => TfCore.Tensor2D {
  const f = tf.customGrad((...inputs: unknown[]) => {
    const [scores, k] = inputs as [TfCore.Tensor2D, TfCore.Tensor2D];
    const [shapeS, shapeK] = [scores.shape, k.shape];
    return {
      value: tf.tidy(() => {
        const above = tf.cast(tf.greater(tf.expandDims(scores, 1), tf.expandDims(scores, 2)), 'float32');
        const rank = tf.sum(above, 2);
        return tf.cast(tf.less(rank, k), 'float32');
      }),
      gradFunc: () => [tf.zeros(shapeS), tf.zeros(shapeK)],
    };
  });
  return (scores, k) => f(scores, k) as TfCore.Tensor2D;
}
