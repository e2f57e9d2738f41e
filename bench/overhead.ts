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
import type { tf as TF } from '../harness/src/backend/tf.js';
import { median } from './stats.js';
import { timeTask, type TimingOptions } from './timing.js';

export interface OverheadTiming {
  /** Per-op microseconds, one per tinybench sample. */
  usPerOp: number[];
  medianUs: number;
  /** Native only: the same op through the binding alone, per-op microseconds, one per sample. */
  bindingFloorUs: number[] | null;
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
    const floor = tf.getBackend() === 'tensorflow' ? bindingFloor(tf, a, b, batch) : null;
    // With a floor the budget is split in two halves of each.
    const o = floor ? { ...opts, time: opts.time / 2, iterations: Math.max(1, Math.ceil(opts.iterations / 2)) } : opts;
    const full = () => timeTask(`add x${batch} ${tf.getBackend()}`, () => {
      for (let k = 0; k < batch; k++) tf.add(a, b).dispose();
    }, o);
    const usPerOp: number[] = [];
    const floorUs: number[] = [];
    // Without a floor: one timing. With one: full, floor, full, floor, so that both see the same load.
    for (let half = 0; half < (floor ? 2 : 1); half++) {
      usPerOp.push(...(await full()).samplesMs.map((ms) => (ms * 1000) / batch));
      if (floor) floorUs.push(...(await floor(o)));
    }
    const bindingFloorUs = floorUs.length ? floorUs : null;
    return { usPerOp, medianUs: median(usPerOp), bindingFloorUs, checkOk };
  } finally {
    a.dispose();
    b.dispose();
    const leaked = tf.memory().numTensors - before;
    if (leaked !== 0) throw new Error(`op-overhead benchmark leaked ${leaked} tensors`);
  }
}

/** A timer of the same Add straight through the binding, or null when the backend does not expose it. */
function bindingFloor(tf: typeof TF, a: TF.Tensor, b: TF.Tensor, batch: number): ((opts: TimingOptions) => Promise<number[]>) | null {
  const backend = tf.backend() as unknown as Partial<NativeBackendLike>;
  if (typeof backend.getInputTensorIds !== 'function' || typeof backend.binding?.executeOp !== 'function') return null;
  const binding = backend.binding;
  const ids = backend.getInputTensorIds([a, b]);
  const attrs = [{ name: 'T', type: binding.TF_ATTR_TYPE, value: binding.TF_FLOAT }];
  return async (opts) => {
    const t = await timeTask(`binding Add x${batch}`, () => {
      for (let k = 0; k < batch; k++) binding.deleteTensor(binding.executeOp('Add', attrs, ids, 1)[0].id);
    }, opts);
    return t.samplesMs.map((ms) => (ms * 1000) / batch);
  };
}
