/**
 * Adam over all of a model's variables at once: the gradients are concatenated into one vector,
 * updated by a dozen ops and split back. tfjs's own Adam runs ~10 ops per variable; with ~45
 * variables and ~50 µs of dispatch per op that was a large share of a training step here.
 * Same update as Kingma & Ba (bias-corrected step size, ε outside the square root).
 */
import type { tf as TF } from '../../harness/src/backend/tf.js';

type Tf = typeof TF;

export class FlatAdam {
  #m: TF.Tensor;
  #v: TF.Tensor;
  #step = 0;
  readonly #sizes: number[];

  constructor(
    private readonly tf: Tf,
    private readonly variables: TF.Variable[],
    private readonly learningRate: number,
    private readonly beta1 = 0.9,
    private readonly beta2 = 0.999,
    private readonly epsilon = 1e-8,
  ) {
    this.#sizes = variables.map((v) => v.size);
    const total = this.#sizes.reduce((a, b) => a + b, 0);
    this.#m = tf.zeros([total]);
    this.#v = tf.zeros([total]);
  }

  /** One step on the loss returned by `loss` (a scalar), at learningRate·scale; returns the loss before the step. */
  minimize(loss: () => TF.Scalar, scale = 1): number {
    const tf = this.tf;
    this.#step++;
    const t = this.#step;
    const stepSize = (scale * this.learningRate * Math.sqrt(1 - this.beta2 ** t)) / (1 - this.beta1 ** t);
    const value = tf.tidy(() => {
      const { value, grads } = tf.variableGrads(loss, this.variables);
      const g = tf.concat(this.variables.map((v) => grads[v.name].reshape([-1])));
      const m = tf.add(tf.mul(this.#m, this.beta1), tf.mul(g, 1 - this.beta1));
      const v = tf.add(tf.mul(this.#v, this.beta2), tf.mul(tf.square(g), 1 - this.beta2));
      const update = tf.div(tf.mul(m, stepSize), tf.add(tf.sqrt(v), this.epsilon));
      tf.split(update, this.#sizes).forEach((u, i) => this.variables[i].assign(tf.sub(this.variables[i], u.reshape(this.variables[i].shape))));
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
