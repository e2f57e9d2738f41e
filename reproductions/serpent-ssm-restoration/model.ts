/**
 * S models of one spec side by side on tfjs (one per seed): each variable holds every model's
 * copy of a weight along a leading axis, initialized from that model's seed.
 */
import type { tf as TF } from '#harness/tf';
import { forward, type ModelSpec } from './architecture.js';
import { initialWeights, type InitOptions, type Weights } from './init.js';
import { forwardFreeing } from './liveness.js';
import { TfOps } from './tf-ops.js';

type Tf = typeof TF;

let created = 0;

export interface Models {
  spec: ModelSpec;
  seeds: number[];
  variables: Map<string, TF.Variable>;
  /** x: [S, B, H, W, 1] (model s sees x[s]) → [S, B, H, W, 1]. For training: every activation is held to the end. */
  apply(x: TF.Tensor5D): TF.Tensor5D;
  /** The same output, computed as an inference engine would: each activation freed after its last use. */
  infer(x: TF.Tensor5D): TF.Tensor5D;
  /** Model s's current weights as arrays (for the float64 reference). */
  weightsOf(s: number): Weights;
  dispose(): void;
}

export function createModels(tf: Tf, spec: ModelSpec, seeds: readonly number[], init: InitOptions = {}): Models {
  if (seeds.length === 0) throw new Error('createModels: no seeds');
  const perSeed = seeds.map((seed) => initialWeights(spec, seed, init));
  const variables = new Map<string, TF.Variable>();
  for (const [name, { shape }] of perSeed[0]) {
    const size = shape.reduce((a, d) => a * d, 1);
    const values = new Float32Array(seeds.length * size);
    perSeed.forEach((w, s) => values.set(w.get(name)!.values, s * size));
    const initial = tf.tensor(values, [seeds.length, ...shape]);
    // Variable names are global to the engine: make each unique.
    variables.set(name, tf.variable(initial, true, `serpent-${name}-${++created}`));
    initial.dispose();
  }
  const ops = new TfOps(tf, variables);
  return {
    spec,
    seeds: [...seeds],
    variables,
    apply: (x) => tf.tidy(() => forward(ops, spec, x)),
    infer: (x) => forwardFreeing(ops, spec, x, (t) => t.dispose()),
    weightsOf: (s) => {
      const out: Weights = new Map();
      for (const [name, v] of variables) {
        const shape = v.shape.slice(1);
        const size = shape.reduce((a, d) => a * d, 1);
        out.set(name, { shape, values: (v.dataSync() as Float32Array).slice(s * size, (s + 1) * size) });
      }
      return out;
    },
    dispose: () => variables.forEach((v) => v.dispose()),
  };
}
