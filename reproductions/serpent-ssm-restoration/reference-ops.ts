/**
 * The layer operations in float64 loops, instrumented: every multiplication increments the
 * current layer's counter (the convention of cost-model.ts). It is the brute-force count the
 * analytic FLOP counter is tested against, and a second implementation the tfjs model is tested
 * against. Slow by design: only for tiny inputs.
 */
import type { Ops, SsmConfig } from './architecture.js';
import { blockedBidirectional, type Counter } from './ssm-reference.js';

export interface Image { b: number; h: number; w: number; c: number; data: Float64Array }

export type RefWeights = ReadonlyMap<string, { shape: number[]; values: ArrayLike<number> }>;

export function image(b: number, h: number, w: number, c: number, data?: ArrayLike<number>): Image {
  const out = new Float64Array(b * h * w * c);
  if (data) out.set(data);
  return { b, h, w, c, data: out };
}

const at = (x: Image, b: number, i: number, j: number, ch: number) => ((b * x.h + i) * x.w + j) * x.c + ch;

export class ReferenceOps implements Ops<Image> {
  readonly #counters = new Map<string, Counter>();

  constructor(private readonly weights: RefWeights) {}

  /** Multiplications counted per layer, in execution order. */
  get macs(): Map<string, number> {
    return new Map([...this.#counters].map(([name, c]) => [name, c.macs]));
  }

  #w(name: string): ArrayLike<number> {
    const w = this.weights.get(name);
    if (!w) throw new Error(`no weight '${name}'`);
    return w.values;
  }

  #counter(name: string): Counter {
    let counter = this.#counters.get(name);
    if (!counter) this.#counters.set(name, (counter = { macs: 0 }));
    return counter;
  }

  conv(name: string, x: Image, k: number, stride: number, pad: 'same' | 'valid', cout: number): Image {
    const W = this.#w(`${name}.w`); // [k, k, cin, cout]
    const bias = this.#w(`${name}.b`);
    const counter = this.#counter(name);
    const offset = pad === 'same' ? (k - 1) >> 1 : 0;
    const h = pad === 'same' ? x.h : Math.floor((x.h - k) / stride) + 1;
    const w = pad === 'same' ? x.w : Math.floor((x.w - k) / stride) + 1;
    const y = image(x.b, h, w, cout);
    let macs = 0;
    for (let b = 0; b < x.b; b++) for (let i = 0; i < h; i++) for (let j = 0; j < w; j++) for (let o = 0; o < cout; o++) {
      let s = bias[o];
      for (let di = 0; di < k; di++) for (let dj = 0; dj < k; dj++) {
        const r = i * stride + di - offset;
        const c = j * stride + dj - offset;
        const inside = r >= 0 && r < x.h && c >= 0 && c < x.w;
        for (let ch = 0; ch < x.c; ch++) {
          // Padded taps multiply a zero: a dense convolution does the same work.
          s += (inside ? x.data[at(x, b, r, c, ch)] : 0) * W[((di * k + dj) * x.c + ch) * cout + o];
          macs++;
        }
      }
      y.data[at(y, b, i, j, o)] = s;
    }
    counter.macs += macs;
    return y;
  }

  upsample2(name: string, x: Image, cout: number): Image {
    const W = this.#w(`${name}.w`); // [2, 2, cout, cin]
    const bias = this.#w(`${name}.b`);
    const counter = this.#counter(name);
    const y = image(x.b, 2 * x.h, 2 * x.w, cout);
    let macs = 0;
    for (let b = 0; b < x.b; b++) for (let i = 0; i < x.h; i++) for (let j = 0; j < x.w; j++) {
      for (let di = 0; di < 2; di++) for (let dj = 0; dj < 2; dj++) for (let o = 0; o < cout; o++) {
        let s = bias[o];
        for (let ch = 0; ch < x.c; ch++) {
          s += x.data[at(x, b, i, j, ch)] * W[((di * 2 + dj) * cout + o) * x.c + ch];
          macs++;
        }
        y.data[at(y, b, 2 * i + di, 2 * j + dj, o)] = s;
      }
    }
    counter.macs += macs;
    return y;
  }

  pointwise(name: string, x: Image, cout: number): Image {
    const W = this.#w(`${name}.w`); // [cin, cout]
    const bias = this.#w(`${name}.b`);
    const counter = this.#counter(name);
    const y = image(x.b, x.h, x.w, cout);
    const pixels = x.b * x.h * x.w;
    let macs = 0;
    for (let p = 0; p < pixels; p++) for (let o = 0; o < cout; o++) {
      let s = bias[o];
      for (let ch = 0; ch < x.c; ch++) {
        s += x.data[p * x.c + ch] * W[ch * cout + o];
        macs++;
      }
      y.data[p * cout + o] = s;
    }
    counter.macs += macs;
    return y;
  }

  depthwise3(name: string, x: Image): Image {
    const W = this.#w(`${name}.w`); // [3, 3, c, 1]
    const bias = this.#w(`${name}.b`);
    const counter = this.#counter(name);
    const y = image(x.b, x.h, x.w, x.c);
    let macs = 0;
    for (let b = 0; b < x.b; b++) for (let i = 0; i < x.h; i++) for (let j = 0; j < x.w; j++) for (let ch = 0; ch < x.c; ch++) {
      let s = bias[ch];
      for (let di = 0; di < 3; di++) for (let dj = 0; dj < 3; dj++) {
        const r = i + di - 1;
        const c = j + dj - 1;
        const inside = r >= 0 && r < x.h && c >= 0 && c < x.w;
        s += (inside ? x.data[at(x, b, r, c, ch)] : 0) * W[(di * 3 + dj) * x.c + ch];
        macs++;
      }
      y.data[at(y, b, i, j, ch)] = s;
    }
    counter.macs += macs;
    return y;
  }

  ssm4(name: string, x: Image, config: SsmConfig): Image {
    const logRate = this.#w(`${name}.logRate`); // [4, c, N]: rows fwd, rows bwd, cols fwd, cols bwd
    const w = this.#w(`${name}.w`);
    const counter = this.#counter(name);
    const N = config.state;
    const L = x.h * x.w;
    const y = image(x.b, x.h, x.w, x.c);
    // Pixel index of step t of an order: rows (row-major) or columns (column-major).
    const pixel = (order: number, t: number) => (order === 0 ? t : (t % x.h) * x.w + Math.floor(t / x.h));
    const direction = (d: number, ch: number) => ({
      logRate: Array.from({ length: N }, (_, n) => logRate[(d * x.c + ch) * N + n]),
      w: Array.from({ length: N }, (_, n) => w[(d * x.c + ch) * N + n]),
    });
    for (let order = 0; order < 2; order++) {
      for (let ch = 0; ch < x.c; ch++) {
        const u = new Float64Array(x.b * L);
        for (let b = 0; b < x.b; b++) for (let t = 0; t < L; t++) u[b * L + t] = x.data[(b * L + pixel(order, t)) * x.c + ch];
        const out = blockedBidirectional(u, x.b, L, direction(2 * order, ch), direction(2 * order + 1, ch), config, counter);
        for (let b = 0; b < x.b; b++) for (let t = 0; t < L; t++) y.data[(b * L + pixel(order, t)) * x.c + ch] += out[b * L + t];
      }
    }
    return y;
  }

  attention(name: string, x: Image): Image {
    const counter = this.#counter(name);
    const c = x.c / 3;
    const L = x.h * x.w;
    const y = image(x.b, x.h, x.w, c);
    const scale = 1 / Math.sqrt(c);
    let macs = 0;
    for (let b = 0; b < x.b; b++) {
      const row = (p: number, part: number, ch: number) => x.data[(b * L + p) * x.c + part * c + ch];
      const q = new Float64Array(L * c);
      for (let p = 0; p < L; p++) for (let ch = 0; ch < c; ch++) {
        q[p * c + ch] = row(p, 0, ch) * scale;
        macs++;
      }
      for (let p = 0; p < L; p++) {
        const scores = new Float64Array(L);
        for (let r = 0; r < L; r++) {
          let s = 0;
          for (let ch = 0; ch < c; ch++) {
            s += q[p * c + ch] * row(r, 1, ch);
            macs++;
          }
          scores[r] = s;
        }
        const top = Math.max(...scores);
        let total = 0;
        for (let r = 0; r < L; r++) total += (scores[r] = Math.exp(scores[r] - top));
        for (let ch = 0; ch < c; ch++) {
          let s = 0;
          for (let r = 0; r < L; r++) {
            s += (scores[r] / total) * row(r, 2, ch); // the division is the softmax's, not counted
            macs++;
          }
          y.data[(b * L + p) * c + ch] = s;
        }
      }
    }
    counter.macs += macs;
    return y;
  }

  silu(x: Image): Image {
    return { ...x, data: x.data.map((v) => v / (1 + Math.exp(-v))) };
  }

  add(a: Image, b: Image): Image {
    return { ...a, data: a.data.map((v, i) => v + b.data[i]) };
  }
}
