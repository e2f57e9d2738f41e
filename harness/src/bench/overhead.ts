/**
 * Per-op dispatch overhead on the active tfjs backend: `tf.add` of two 4-element float32 tensors,
 * then dispose, in batches of `batch` ops per tinybench sample (a single op is too short for the
 * timer); the per-op time is sample / batch.
 *
 * On the native backend the same Add is also timed straight through the binding
 * (`binding.executeOp` + `binding.deleteTensor`, no tfjs-core engine, no kernel registry, no
 * tensor bookkeeping): the floor that TensorFlow's eager C API itself costs, so the report can
 * say how much of the overhead is tfjs's JS layers and how much is TF eager.
 */
import type { tf as TF } from '../backend/tf.js';
import { median } from './stats.js';
import { timeTask, type TimingOptions } from './timing.js';

export interface OverheadTiming {
  /** Per-op microseconds, one per tinybench sample. */
  usPerOp: number[];
  medianUs: number;
  /** Native only: the same op through the binding alone, per-op microseconds (median). */
  bindingFloorUs: number | null;
  checkOk: boolean;
}

interface NativeBinding {
  executeOp(name: string, attrs: unknown[], inputIds: number[], numOutputs: number): { id: number }[];
  deleteTensor(id: number): void;
  TF_ATTR_TYPE: number;
  TF_FLOAT: number;
}

interface NativeBackendLike {
  binding: NativeBinding;
  getInputTensorIds(tensors: TF.Tensor[]): number[];
}

export async function timeOpOverhead(tf: typeof TF, batch: number, opts: TimingOptions): Promise<OverheadTiming> {
  const before = tf.memory().numTensors;
  const a = tf.tensor1d([1, 2, 3, 4], 'float32');
  const b = tf.tensor1d([0.5, 0.25, 0.125, 0.0625], 'float32');
  try {
    const c = tf.add(a, b);
    const got = Array.from(c.dataSync());
    c.dispose();
    const checkOk = got.join() === [1.5, 2.25, 3.125, 4.0625].join();
    const t = await timeTask(`add x${batch} ${tf.getBackend()}`, () => {
      for (let k = 0; k < batch; k++) tf.add(a, b).dispose();
    }, opts);
    const usPerOp = t.samplesMs.map((ms) => (ms * 1000) / batch);
    const bindingFloorUs = tf.getBackend() === 'tensorflow' ? await bindingFloor(tf, a, b, batch, opts) : null;
    return { usPerOp, medianUs: median(usPerOp), bindingFloorUs, checkOk };
  } finally {
    a.dispose();
    b.dispose();
    const leaked = tf.memory().numTensors - before;
    if (leaked !== 0) throw new Error(`op-overhead benchmark leaked ${leaked} tensors`);
  }
}

async function bindingFloor(tf: typeof TF, a: TF.Tensor, b: TF.Tensor, batch: number, opts: TimingOptions): Promise<number | null> {
  const backend = tf.backend() as unknown as Partial<NativeBackendLike>;
  if (typeof backend.getInputTensorIds !== 'function' || typeof backend.binding?.executeOp !== 'function') return null;
  const binding = backend.binding;
  const ids = backend.getInputTensorIds([a, b]);
  const attrs = [{ name: 'T', type: binding.TF_ATTR_TYPE, value: binding.TF_FLOAT }];
  const t = await timeTask(`binding Add x${batch}`, () => {
    for (let k = 0; k < batch; k++) binding.deleteTensor(binding.executeOp('Add', attrs, ids, 1)[0].id);
  }, opts);
  return median(t.samplesMs.map((ms) => (ms * 1000) / batch));
}
