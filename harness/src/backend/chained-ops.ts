import * as tf from '@tensorflow/tfjs-core';

/**
 * Makes chained ops (`x.sum()`, `a.matMul(b)`) available on every backend.
 *
 * tfjs-core alone does not patch them onto Tensor.prototype; the @tensorflow/tfjs union package
 * does, and tfjs-node loads it. Without this, `x.sum()` would work on native and throw
 * "x.sum is not a function" on wasm/cpu. Loading the union costs ~150 ms once, also registers
 * the cpu backend, and uses the same (deduped) tfjs-core.
 */
export async function ensureChainedOps(): Promise<void> {
  if (typeof (tf.Tensor.prototype as { sum?: unknown }).sum === 'function') return;
  await import('@tensorflow/tfjs');
  if (typeof (tf.Tensor.prototype as { sum?: unknown }).sum !== 'function') {
    throw new Error('@tensorflow/tfjs did not register chained ops on this tfjs-core (duplicate tfjs-core copies?)');
  }
}
