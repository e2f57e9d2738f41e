/**
 * The three models, written once against an abstract set of layer operations (`Ops`). The same
 * definition runs on tfjs tensors (tf-ops.ts), on float64 arrays that count every multiplication
 * (reference-ops.ts) and on bare shapes that count analytically (cost-model.ts), so the FLOP
 * counter and the brute-force count describe the very network that is trained and timed.
 *
 * SerpentLite is a PROXY of Serpent: patchify 2x2, a 2-level U-Net, each block a token mixer
 * (a diagonal linear SSM scanned in 4 directions) then a channel MLP. The attention baseline is
 * the same skeleton with global single-head self-attention as the mixer. The CNN baseline is a
 * plain stack of 3x3 convolutions at full resolution.
 */

export type Mixer = 'ssm' | 'attention';
export type SsmAlgorithm = 'chunked' | 'full';

export interface SsmConfig {
  /** N: state size per channel and direction. */
  state: number;
  /** Largest chunk length T of the blocked scan (a power of 2). */
  chunk: number;
  algorithm: SsmAlgorithm;
  /** Initial decay rates of the modes are log-spaced in [rateMin, rateMax]. */
  rateMin: number;
  rateMax: number;
}

export interface UNetSpec { kind: 'unet'; mixer: Mixer; width: number; ssm: SsmConfig }
export interface CnnSpec { kind: 'cnn'; width: number; depth: number }
export type ModelSpec = UNetSpec | CnnSpec;

/** Layer operations on NHWC images of some representation T. Every parameterized op is named. */
export interface Ops<T> {
  conv(name: string, x: T, k: number, stride: number, pad: 'same' | 'valid', cout: number): T;
  /** Transposed convolution with a 2x2 kernel and stride 2 (exact inverse of a 2x2 patchify in shape). */
  upsample2(name: string, x: T, cout: number): T;
  /** 1x1 convolution (a linear map on channels). */
  pointwise(name: string, x: T, cout: number): T;
  /** Depthwise 3x3 convolution, zero padding. */
  depthwise3(name: string, x: T): T;
  /** The 4-direction diagonal SSM; same channels in and out. */
  ssm4(name: string, x: T, config: SsmConfig): T;
  /** softmax(q kᵀ / √c) v over all pixels, with q, k, v the three channel thirds of x. Parameter-free. */
  attention(name: string, x: T): T;
  silu(x: T): T;
  add(a: T, b: T): T;
}

/**
 * Chunk length of the blocked scan for a sequence of length L: the largest power of 2 that is at
 * most `chunk` and divides L (so the sequence splits into whole chunks); the whole sequence for
 * the full-Toeplitz algorithm.
 */
export function chunkLength(L: number, config: Pick<SsmConfig, 'chunk' | 'algorithm'>): number {
  if (config.algorithm === 'full') return L;
  let t = 1;
  while (t * 2 <= config.chunk && L % (t * 2) === 0) t *= 2;
  return t;
}

function mixer<T>(ops: Ops<T>, spec: UNetSpec, name: string, x: T, c: number): T {
  if (spec.mixer === 'ssm') {
    let t = ops.pointwise(`${name}.in`, x, c);
    t = ops.silu(ops.depthwise3(`${name}.dw`, t));
    t = ops.ssm4(`${name}.ssm`, t, spec.ssm);
    return ops.pointwise(`${name}.out`, t, c);
  }
  let t = ops.pointwise(`${name}.qkv`, x, 3 * c);
  t = ops.depthwise3(`${name}.dw`, t);
  t = ops.attention(`${name}.attn`, t);
  return ops.pointwise(`${name}.out`, t, c);
}

/** A residual token mixer, then a residual channel MLP (expansion 2), as in transformer and Mamba blocks. */
function block<T>(ops: Ops<T>, spec: UNetSpec, name: string, x: T, c: number): T {
  const mixed = ops.add(x, mixer(ops, spec, `${name}.mix`, x, c));
  const hidden = ops.silu(ops.pointwise(`${name}.mlp1`, mixed, 2 * c));
  return ops.add(mixed, ops.pointwise(`${name}.mlp2`, hidden, c));
}

function unet<T>(ops: Ops<T>, spec: UNetSpec, x: T): T {
  const c = spec.width;
  const level1 = block(ops, spec, 'enc', ops.conv('patchify', x, 2, 2, 'valid', c), c);
  const level2 = block(ops, spec, 'mid', ops.conv('down', level1, 2, 2, 'valid', 2 * c), 2 * c);
  const decoded = block(ops, spec, 'dec', ops.add(ops.upsample2('up', level2, c), level1), c);
  // Global residual: the network predicts the correction to the degraded image.
  return ops.add(x, ops.upsample2('unpatch', decoded, 1));
}

function cnn<T>(ops: Ops<T>, spec: CnnSpec, x: T): T {
  let h = ops.silu(ops.conv('conv1', x, 3, 1, 'same', spec.width));
  for (let i = 2; i < spec.depth; i++) h = ops.silu(ops.conv(`conv${i}`, h, 3, 1, 'same', spec.width));
  return ops.add(x, ops.conv(`conv${spec.depth}`, h, 3, 1, 'same', 1));
}

/** The model's output for a batch of 1-channel images x. */
export function forward<T>(ops: Ops<T>, spec: ModelSpec, x: T): T {
  return spec.kind === 'unet' ? unet(ops, spec, x) : cnn(ops, spec, x);
}

/** Names of the layers whose weights are the network's output layer (initialized small). */
export const OUTPUT_LAYERS = new Set(['unpatch']);
export function isOutputLayer(spec: ModelSpec, layer: string): boolean {
  return spec.kind === 'unet' ? OUTPUT_LAYERS.has(layer) : layer === `conv${spec.depth}`;
}
