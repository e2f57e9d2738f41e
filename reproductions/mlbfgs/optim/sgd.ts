/** SGD with heavy-ball momentum, as tfjs's `train.momentum`: v ← μv + g, θ ← θ − ηv. */
import { requirePositive, requireSameLength, requireUnit, type Optimizer } from './types.js';

export class SgdMomentum implements Optimizer {
  readonly name = 'sgd-momentum';
  #velocity: Float64Array | null = null;

  constructor(readonly lr: number, readonly momentum = 0.9) {
    requirePositive('SgdMomentum', 'lr', lr);
    requireUnit('SgdMomentum', 'momentum', momentum);
  }

  step(params: Float64Array, grads: Float64Array): void {
    requireSameLength(this.name, params, grads, this.#velocity?.length);
    const v = (this.#velocity ??= new Float64Array(params.length));
    const { lr, momentum } = this;
    for (let i = 0; i < params.length; i++) {
      v[i] = momentum * v[i] + grads[i];
      params[i] -= lr * v[i];
    }
  }
}
