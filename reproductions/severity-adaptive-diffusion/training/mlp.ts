/**
 * Plain-data weights of small MLPs and their tfjs counterparts. Weights live as Float32Arrays
 * between runs (cached on disk, memoized in memory) and become tensors only inside a run, which
 * disposes them: nothing a run leaves behind counts against the runner's leak guard.
 */
import type { tf as TF } from '#harness/tf';
import type { Rng } from '#harness/random';

export type Tf = typeof TF;

export interface Array2 { shape: number[]; data: Float32Array }
/** Named arrays: `<layer>.w` is [in, out], `<layer>.b` is [out]. */
export type Weights = Record<string, Array2>;

/** Glorot-uniform weights and zero biases for a dense layer, drawn from `rng`. */
export function denseInit(rng: Rng, name: string, inDim: number, outDim: number): Weights {
  const a = Math.sqrt(6 / (inDim + outDim));
  const w = Float32Array.from({ length: inDim * outDim }, () => a * (2 * rng.next() - 1));
  return { [`${name}.w`]: { shape: [inDim, outDim], data: w }, [`${name}.b`]: { shape: [outDim], data: new Float32Array(outDim) } };
}

export function copyWeights(w: Weights): Weights {
  return Object.fromEntries(Object.entries(w).map(([k, v]) => [k, { shape: [...v.shape], data: Float32Array.from(v.data) }]));
}

/** Trainable variables from weights (the caller disposes them). */
export function toVariables(tf: Tf, w: Weights): Record<string, TF.Variable> {
  return Object.fromEntries(Object.entries(w).map(([k, v]) => {
    // tf.variable shares the initial tensor's data but leaves that tensor alive: dispose it.
    const initial = tf.tensor(v.data, v.shape);
    const variable = tf.variable(initial, true, `${k}-${variableSerial++}`);
    initial.dispose();
    return [k, variable];
  }));
}

/** Constant tensors from weights (the caller disposes them). */
export function toTensors(tf: Tf, w: Weights): Record<string, TF.Tensor> {
  return Object.fromEntries(Object.entries(w).map(([k, v]) => [k, tf.tensor(v.data, v.shape)]));
}

export function fromTensors(tensors: Record<string, TF.Tensor>): Weights {
  return Object.fromEntries(Object.entries(tensors).map(([k, v]) => [k, { shape: [...v.shape], data: Float32Array.from(v.dataSync() as Float32Array) }]));
}

export function disposeAll(tensors: Record<string, TF.Tensor>): void {
  for (const t of Object.values(tensors)) t.dispose();
}

/** tfjs variable names must be unique per process. */
let variableSerial = 0;

/** x·W + b. */
export function dense(tf: Tf, p: Record<string, TF.Tensor>, name: string, x: TF.Tensor): TF.Tensor2D {
  return tf.add(tf.matMul(x as TF.Tensor2D, p[`${name}.w`] as TF.Tensor2D), p[`${name}.b`]) as TF.Tensor2D;
}

/** SiLU, x·σ(x): smooth, so the solver's gradients through the networks are too. */
export function silu(tf: Tf, x: TF.Tensor): TF.Tensor2D {
  return tf.mul(x, tf.sigmoid(x)) as TF.Tensor2D;
}

/** Cosine decay from lr to lr/10 over `steps`: a short run still ends on small steps. */
export function cosineRate(lr: number, step: number, steps: number): number {
  return lr * (0.1 + 0.45 * (1 + Math.cos((Math.PI * step) / Math.max(1, steps))));
}
