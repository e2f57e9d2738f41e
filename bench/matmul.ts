/** fp32 n x n matmul on the active tfjs backend, timed with tinybench. */
import type { tf as TF } from '../harness/src/backend/tf.js';
import { matmulGflops } from './stats.js';
import { timeTask, type TimingOptions } from './timing.js';

export interface MatmulTiming {
  size: number;
  samplesMs: number[];
  medianMs: number;
  /** From the median time. */
  gflops: number;
  /** c[0][0] agrees with a float64 dot product of a's first row and b's first column. */
  checkOk: boolean;
}

/**
 * Times `tf.matMul(a, b)` (then dispose). The CPU backends (native TF eager on CPU, wasm, plain JS)
 * execute kernels synchronously, so the call returns with the product computed; it is not read back
 * to JS (numpy's side does not copy its result either). The webgpu backend only queues the work: there
 * each timed call runs `perSync` products and then reads back one element of the last, which waits
 * for the queue (a 4-byte copy); the time per product is the call's time over `perSync`.
 */
export async function timeMatmul(tf: typeof TF, size: number, opts: TimingOptions, perSync = 1): Promise<MatmulTiming> {
  const before = tf.memory().numTensors;
  const a = tf.randomUniform([size, size], -1, 1, 'float32', 1);
  const b = tf.randomUniform([size, size], -1, 1, 'float32', 2);
  try {
    const checkOk = checkProduct(tf, a, b, size);
    const queued = tf.getBackend() === 'webgpu';
    const task = queued
      ? () => {
          for (let i = 1; i < perSync; i++) tf.matMul(a, b).dispose();
          const c = tf.matMul(a, b);
          const corner = c.slice([0, 0], [1, 1]);
          corner.dataSync();
          tf.dispose([c, corner]);
        }
      : () => tf.matMul(a, b).dispose();
    const raw = await timeTask(`matmul ${size} ${tf.getBackend()}`, task, opts);
    const per = queued ? perSync : 1;
    const timing = { samplesMs: raw.samplesMs.map((s) => s / per), medianMs: raw.medianMs / per };
    return { size, ...timing, gflops: matmulGflops(size, timing.medianMs / 1000), checkOk };
  } finally {
    a.dispose();
    b.dispose();
    const leaked = tf.memory().numTensors - before;
    if (leaked !== 0) throw new Error(`matmul benchmark leaked ${leaked} tensors`);
  }
}

function checkProduct(tf: typeof TF, a: TF.Tensor, b: TF.Tensor, n: number): boolean {
  const c = tf.matMul(a, b);
  const got = c.dataSync()[0];
  c.dispose();
  const av = a.dataSync();
  const bv = b.dataSync();
  let ref = 0;
  for (let k = 0; k < n; k++) ref += av[k] * bv[k * n];
  return Math.abs(got - ref) <= 1e-3 * (1 + Math.abs(ref));
}
