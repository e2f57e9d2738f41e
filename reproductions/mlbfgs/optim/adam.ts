/** Adam (Kingma & Ba) with bias correction, the defaults of tfjs's `train.adam` except ε = 1e-8. */
import { requirePositive, requireSameLength, requireUnit, type Optimizer } from './types.js';

export class Adam implements Optimizer {
  readonly name = 'adam';
  #m: Float64Array | null = null;
  #v: Float64Array | null = null;
  #t = 0;

  constructor(readonly lr: number, readonly beta1 = 0.9, readonly beta2 = 0.999, readonly epsilon = 1e-8) {
    requirePositive('Adam', 'lr', lr);
    requireUnit('Adam', 'beta1', beta1);
    requireUnit('Adam', 'beta2', beta2);
    requirePositive('Adam', 'epsilon', epsilon);
  }

  step(params: Float64Array, grads: Float64Array): void {
    requireSameLength(this.name, params, grads, this.#m?.length);
    const m = (this.#m ??= new Float64Array(params.length));
    const v = (this.#v ??= new Float64Array(params.length));
    const { lr, beta1, beta2, epsilon } = this;
    this.#t += 1;
    const c1 = 1 - beta1 ** this.#t;
    const c2 = 1 - beta2 ** this.#t;
    for (let i = 0; i < params.length; i++) {
      const g = grads[i];
      m[i] = beta1 * m[i] + (1 - beta1) * g;
      v[i] = beta2 * v[i] + (1 - beta2) * g * g;
      params[i] -= (lr * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + epsilon);
    }
  }
}
