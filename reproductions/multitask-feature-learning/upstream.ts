/** The upstream phase for one (seed, d): T tasks' data to the device, two steps, W₁ back as float32. */
import type { Problem, TaskBatch } from './data.js';
import { trainTwoStep, type StepData, type Tf } from './network.js';

export interface StepSizes { headLr: number; lr: number }

/**
 * W₁ (m×d) trained on the first `tasks` tasks of `batch` with first layer W (default: the
 * problem's W₀). Tasks are stored task-major, so the first T tasks are a prefix of the arrays.
 */
export function learnFirstLayer(tf: Tf, problem: Problem, batch: TaskBatch, tasks: number, steps: StepSizes, W: Float32Array = problem.W0): Float32Array {
  const { d } = problem;
  const { n } = batch;
  if (tasks < 1 || tasks > batch.T) throw new Error(`learnFirstLayer: tasks must be in [1, ${batch.T}], got ${tasks}`);
  const m = W.length / d;
  const upload = (X: Float32Array, y: Float32Array): StepData => ({
    X: tf.tensor2d(X.subarray(0, tasks * n * d), [tasks * n, d]),
    y: tf.tensor2d(y.subarray(0, tasks * n), [tasks, n]),
  });
  const W0 = tf.tensor2d(W, [m, d]);
  const step1 = upload(batch.X1, batch.y1);
  const step2 = upload(batch.X2, batch.y2);
  try {
    const W1 = trainTwoStep(tf, W0, step1, step2, steps);
    const out = Float32Array.from(W1.dataSync());
    W1.dispose();
    return out;
  } finally {
    tf.dispose([W0, step1.X, step1.y, step2.X, step2.y]);
  }
}
