/**
 * Adam (Kingma & Ba, bias-corrected step, ε outside the root) over all variables at once: the
 * gradients are concatenated into one vector, so one update costs a dozen ops whatever the number
 * of layers (per-op dispatch, not arithmetic, dominates these small MLPs).
 */
import type { tf as TF } from '../../../harness/src/backend/tf.js';
import type { Tf } from './mlp.js';

export class FlatAdam {
  #m: TF.Tensor;
  #v: TF.Tensor;
  #step = 0;
  readonly #sizes: number[];

  constructor(private readonly tf: Tf, private readonly variables: TF.Variable[], private readonly beta1 = 0.9, private readonly beta2 = 0.999, private readonly epsilon = 1e-8) {
    this.#sizes = variables.map((v) => v.size);
    const total = this.#sizes.reduce((a, b) => a + b, 0);
    this.#m = tf.zeros([total]);
    this.#v = tf.zeros([total]);
  }

  /** One step on `loss` (a scalar built from the variables) at learning rate `lr`; returns the loss before the step. */
  minimize(loss: () => TF.Scalar, lr: number): number {
    const tf = this.tf;
    const t = ++this.#step;
    const stepSize = (lr * Math.sqrt(1 - this.beta2 ** t)) / (1 - this.beta1 ** t);
    const value = tf.tidy(() => {
      const { value, grads } = tf.variableGrads(loss, this.variables);
      const g = tf.concat(this.variables.map((v) => tf.reshape(grads[v.name], [-1])));
      const m = tf.add(tf.mul(this.#m, this.beta1), tf.mul(g, 1 - this.beta1));
      const v = tf.add(tf.mul(this.#v, this.beta2), tf.mul(tf.square(g), 1 - this.beta2));
      const update = tf.div(tf.mul(m, stepSize), tf.add(tf.sqrt(v), this.epsilon));
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
