/**
 * The optimizer contract, in the spirit of tfjs's `Optimizer`: state lives in the object, and
 * `step` updates a flat parameter vector in place from its gradient. Float64Array throughout:
 * the quasi-Newton recursions take inner products of vectors whose entries span many decades.
 */
export interface Optimizer {
  /** Short name for logs and figures. */
  readonly name: string;
  /** One update: params ← params − (method's step from grads). Both vectors have the same length. */
  step(params: Float64Array, grads: Float64Array): void;
}

export function requireSameLength(who: string, params: Float64Array, grads: Float64Array, size?: number): void {
  if (params.length !== grads.length) throw new Error(`${who}.step: params has ${params.length} entries but grads has ${grads.length}`);
  if (size !== undefined && params.length !== size) throw new Error(`${who}.step: built for ${size} parameters, got ${params.length}`);
}

export function requirePositive(who: string, name: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) throw new Error(`${who}: ${name} must be a positive finite number, got ${value}`);
}

export function requireUnit(who: string, name: string, value: number): void {
  if (!(value >= 0 && value < 1)) throw new Error(`${who}: ${name} must be in [0, 1), got ${value}`);
}
