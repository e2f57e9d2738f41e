/**
 * The analytic cost model: the architecture run on shapes alone. Per layer it gives the number of
 * multiplications (MACs) of the algorithm actually executed, and every parameter's shape.
 *
 * Counting convention (the brute-force reference in reference-ops.ts counts the same way): every
 * multiplication of a matrix product, a convolution (dense, padded taps included), an SSM kernel,
 * state or scan contraction, and every other elementwise multiplication (by a weight, a decay, a
 * mask, 1/√c). Not counted: additions, bias adds, arguments of exp, and the insides of the
 * nonlinearities (SiLU, softmax). FLOPs = 2·MACs.
 */
import { chunkLength, forward, type ModelSpec, type Ops, type SsmConfig } from './architecture.js';

export interface Shape { b: number; h: number; w: number; c: number }

export type ParamRole = 'weight' | 'bias' | 'ssm-rate' | 'ssm-weight';
export interface ParamInfo { name: string; layer: string; shape: number[]; role: ParamRole; fanIn: number }

/**
 * MACs of one 4-direction SSM layer on b images of L pixels and c channels (the algorithm of
 * ssm-tf.ts): lanes are (order, channel), each with a forward and a backward direction.
 */
export function ssmMacs(b: number, L: number, c: number, config: SsmConfig): number {
  const N = config.state;
  const T = chunkLength(L, config);
  const G = L / T;
  const lanes = 2 * c;
  let macs = lanes * 2 * N; // Wt = W·(1 − a): the input map B = 1 − a folded into C
  macs += lanes * 2 * N * T; // kernels K_j = Σ_n Wt_n a_n^j, j < T, of both directions (the T×T block is a copy of them)
  macs += lanes * b * G * T * T; // intra-chunk: dense T×T product
  if (G > 1) {
    macs += lanes * b * G * T * 2 * N; // each chunk's own states (forward end, backward start)
    macs += lanes * b * G * 2 * N * Math.ceil(Math.log2(G)); // doubling scans over chunks
    macs += lanes * 2 * N * T; // Wt·a^{i+1} and Wt·a^{T−i}
    macs += lanes * b * G * 2 * N * T; // entering states into each chunk's outputs
  }
  return macs;
}

/** MACs of single-head attention over L pixels with q, k, v of c channels each. */
export function attentionMacs(b: number, L: number, c: number): number {
  return b * L * c + 2 * b * L * L * c; // scale q by 1/√c, then q kᵀ and P v
}

export class CountOps implements Ops<Shape> {
  readonly macs = new Map<string, number>();
  readonly params: ParamInfo[] = [];

  #count(name: string, macs: number): void {
    this.macs.set(name, (this.macs.get(name) ?? 0) + macs);
  }

  #param(layer: string, suffix: string, shape: number[], role: ParamRole, fanIn: number): void {
    const name = `${layer}.${suffix}`;
    if (!this.params.some((p) => p.name === name)) this.params.push({ name, layer, shape, role, fanIn });
  }

  conv(name: string, x: Shape, k: number, stride: number, pad: 'same' | 'valid', cout: number): Shape {
    if (pad === 'same' && stride !== 1) throw new Error(`conv ${name}: 'same' padding is only used with stride 1`);
    const h = pad === 'same' ? x.h : Math.floor((x.h - k) / stride) + 1;
    const w = pad === 'same' ? x.w : Math.floor((x.w - k) / stride) + 1;
    this.#param(name, 'w', [k, k, x.c, cout], 'weight', k * k * x.c);
    this.#param(name, 'b', [cout], 'bias', 1);
    this.#count(name, x.b * h * w * k * k * x.c * cout);
    return { b: x.b, h, w, c: cout };
  }

  upsample2(name: string, x: Shape, cout: number): Shape {
    // tfjs's conv2dTranspose filter layout: [kh, kw, out, in].
    this.#param(name, 'w', [2, 2, cout, x.c], 'weight', x.c);
    this.#param(name, 'b', [cout], 'bias', 1);
    this.#count(name, x.b * x.h * x.w * 4 * x.c * cout);
    return { b: x.b, h: 2 * x.h, w: 2 * x.w, c: cout };
  }

  pointwise(name: string, x: Shape, cout: number): Shape {
    this.#param(name, 'w', [x.c, cout], 'weight', x.c);
    this.#param(name, 'b', [cout], 'bias', 1);
    this.#count(name, x.b * x.h * x.w * x.c * cout);
    return { ...x, c: cout };
  }

  depthwise3(name: string, x: Shape): Shape {
    this.#param(name, 'w', [3, 3, x.c, 1], 'weight', 9);
    this.#param(name, 'b', [x.c], 'bias', 1);
    this.#count(name, x.b * x.h * x.w * 9 * x.c);
    return x;
  }

  ssm4(name: string, x: Shape, config: SsmConfig): Shape {
    this.#param(name, 'logRate', [4, x.c, config.state], 'ssm-rate', 1);
    this.#param(name, 'w', [4, x.c, config.state], 'ssm-weight', config.state);
    this.#count(name, ssmMacs(x.b, x.h * x.w, x.c, config));
    return x;
  }

  attention(name: string, x: Shape): Shape {
    if (x.c % 3 !== 0) throw new Error(`attention ${name}: channels ${x.c} are not three equal parts q, k, v`);
    const c = x.c / 3;
    this.#count(name, attentionMacs(x.b, x.h * x.w, c));
    return { ...x, c };
  }

  silu(x: Shape): Shape {
    return x;
  }

  add(a: Shape, b: Shape): Shape {
    if (a.b !== b.b || a.h !== b.h || a.w !== b.w || a.c !== b.c) throw new Error(`add: shapes differ ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    return a;
  }
}

export interface CostReport {
  /** MACs per named layer, in execution order. */
  perLayer: { layer: string; macs: number }[];
  macs: number;
  flops: number;
  params: number;
}

/** The analytic cost of one forward pass on `batch` images of side × side pixels. */
export function analyticCost(spec: ModelSpec, side: number, batch = 1): CostReport {
  const ops = new CountOps();
  forward(ops, spec, { b: batch, h: side, w: side, c: 1 });
  const perLayer = [...ops.macs].map(([layer, macs]) => ({ layer, macs }));
  const macs = perLayer.reduce((s, l) => s + l.macs, 0);
  return { perLayer, macs, flops: 2 * macs, params: parameterCount(ops.params) };
}

/** Every parameter of a model (shapes do not depend on the image size). */
export function parameterInfo(spec: ModelSpec): ParamInfo[] {
  const ops = new CountOps();
  forward(ops, spec, { b: 1, h: 16, w: 16, c: 1 });
  return ops.params;
}

export function parameterCount(params: readonly ParamInfo[]): number {
  return params.reduce((s, p) => s + p.shape.reduce((a, d) => a * d, 1), 0);
}

/** The width of a depth-`depth` CNN whose parameter count is closest to `target`. */
export function matchedCnnWidth(depth: number, target: number): number {
  let best = 1;
  let bestGap = Infinity;
  for (let width = 1; width <= 512; width++) {
    const gap = Math.abs(parameterCount(parameterInfo({ kind: 'cnn', width, depth })) - target);
    if (gap < bestGap) [best, bestGap] = [width, gap];
  }
  return best;
}
