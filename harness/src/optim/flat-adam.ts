/**
 * Adam (Kingma & Ba: bias-corrected step size, ε outside the square root) over all of a model's
 * variables at once. The gradients are concatenated into one vector, updated by a dozen ops and
 * split back, so a step costs the same few ops whatever the number of layers. tfjs's own Adam runs
 * about ten ops per variable, and at these models' sizes per-op dispatch, not arithmetic, is what
 * a training step spends its time on (see `npm run bench`, per-op overhead).
 */
import type { tf as TF } from '../backend/tf.js';

type Tf = typeof TF;

export interface AdamOptions {
  beta1?: number;
  beta2?: number;
  epsilon?: number;
}

export class FlatAdam {
  #m: TF.Tensor;
  #v: TF.Tensor;
  #step = 0;
  readonly #sizes: number[];
  readonly #beta1: number;
  readonly #beta2: number;
  readonly #epsilon: number;

  constructor(private readonly tf: Tf, private readonly variables: TF.Variable[], options: AdamOptions = {}) {
    if (variables.length === 0) throw new Error('FlatAdam: no variables to optimise');
    this.#beta1 = options.beta1 ?? 0.9;
    this.#beta2 = options.beta2 ?? 0.999;
    this.#epsilon = options.epsilon ?? 1e-8;
    this.#sizes = variables.map((v) => v.size);
    const total = this.#sizes.reduce((a, b) => a + b, 0);
    this.#m = tf.zeros([total]);
    this.#v = tf.zeros([total]);
  }

  /** The number of steps taken so far. */
  get steps(): number {
    return this.#step;
  }

  /**
   * One step on `loss` (a scalar built from the variables) at step size `learningRate` (a schedule
   * passes this step's rate); returns the loss before the step.
   */
  minimize(loss: () => TF.Scalar, learningRate: number): number {
    const tf = this.tf;
    const t = ++this.#step;
    const stepSize = (learningRate * Math.sqrt(1 - this.#beta2 ** t)) / (1 - this.#beta1 ** t);
    const value = tf.tidy(() => {
      const { value, grads } = tf.variableGrads(loss, this.variables);
      const g = tf.concat(this.variables.map((v) => tf.reshape(grads[v.name], [-1])));
      const m = tf.add(tf.mul(this.#m, this.#beta1), tf.mul(g, 1 - this.#beta1));
      const v = tf.add(tf.mul(this.#v, this.#beta2), tf.mul(tf.square(g), 1 - this.#beta2));
      const update = tf.div(tf.mul(m, stepSize), tf.add(tf.sqrt(v), this.#epsilon));
      tf.split(update, this.#sizes).forEach((u, i) => this.variables[i].assign(tf.sub(this.variables[i], tf.reshape(u, this.variables[i].shape))));
      this.#m.dispose();
      this.#v.dispose();
      this.#m = tf.keep(m);
      this.#v = tf.keep(v);
      return value;
    });
    const out = value.dataSync()[0];
    value.dispose();
    return out;
  }

  dispose(): void {
    this.#m.dispose();
    this.#v.dispose();
  }
}
