/**
 * Seeded initial weights, as plain arrays (the same numbers feed tfjs and the float64 reference).
 * Weights: N(0, 1/fan_in), except the output layer: zero (for training), so that a fresh network is
 * exactly the identity (the global residual) and training starts from the degraded image; biases 0.
 * Probes of the architecture (the receptive field) draw the output layer like the others. SSM decay rates are log-spaced in [rateMin, rateMax] over the
 * N modes (S4D-style), so the slowest mode remembers ~1/rateMin pixels: longer than any sequence
 * here, which is what gives the scan its global reach.
 */
import { isOutputLayer, type ModelSpec } from './architecture.js';
import { parameterInfo, type ParamInfo } from './cost-model.js';
import { createRng } from '#harness/random';

export type Weights = Map<string, { shape: number[]; values: Float32Array }>;

function logSpacedRates(n: number, lo: number, hi: number): number[] {
  if (n === 1) return [Math.sqrt(lo * hi)];
  return Array.from({ length: n }, (_, i) => Math.exp(Math.log(lo) + ((Math.log(hi) - Math.log(lo)) * i) / (n - 1)));
}

export interface InitOptions { zeroOutput?: boolean }

export function initialWeights(spec: ModelSpec, seed: number, { zeroOutput = true }: InitOptions = {}): Weights {
  const rng = createRng(seed);
  const out: Weights = new Map();
  for (const p of parameterInfo(spec)) out.set(p.name, { shape: p.shape, values: initial(spec, p, rng, zeroOutput) });
  return out;
}

function initial(spec: ModelSpec, p: ParamInfo, rng: ReturnType<typeof createRng>, zeroOutput: boolean): Float32Array {
  const size = p.shape.reduce((a, d) => a * d, 1);
  const values = new Float32Array(size);
  switch (p.role) {
    case 'bias':
      return values;
    case 'weight': {
      if (zeroOutput && isOutputLayer(spec, p.layer)) return values;
      const std = 1 / Math.sqrt(p.fanIn);
      for (let i = 0; i < size; i++) values[i] = std * rng.normal();
      return values;
    }
    case 'ssm-rate': {
      if (spec.kind !== 'unet') throw new Error('SSM parameters in a CNN');
      const [, , n] = p.shape;
      const rates = logSpacedRates(n, spec.ssm.rateMin, spec.ssm.rateMax);
      // A small seeded jitter (±10%) so that seeds differ in more than the linear maps.
      for (let i = 0; i < size; i++) values[i] = Math.log(rates[i % n]) + 0.1 * (2 * rng.next() - 1);
      return values;
    }
    case 'ssm-weight': {
      for (let i = 0; i < size; i++) values[i] = rng.normal() / Math.sqrt(p.fanIn);
      return values;
    }
  }
}
