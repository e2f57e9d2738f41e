/**
 * The layer operations on tfjs tensors, for S models side by side: images are [S, B, H, W, C] and
 * every weight carries a leading model axis. Training the seeds of an experiment together divides
 * the number of tfjs ops (~50 µs of dispatch each, the bulk of a small step) by S; the matrix
 * products and the SSM scan batch over the model axis, convolutions loop over it.
 *
 * Each op runs in its own tf.tidy, so a layer's temporaries are freed as soon as it returns: the
 * peak memory of a forward pass is its largest layer's temporaries plus the layer outputs held.
 */
import type { tf as TF } from '#harness/tf';
import type { Ops, SsmConfig } from './architecture.js';
import { ssm4 } from './ssm-tf.js';

type Tf = typeof TF;
type T5 = TF.Tensor5D;

export class TfOps implements Ops<T5> {
  constructor(private readonly tf: Tf, private readonly weights: ReadonlyMap<string, TF.Tensor>) {}

  #w(name: string): TF.Tensor {
    const w = this.weights.get(name);
    if (!w) throw new Error(`no weight '${name}' (known: ${[...this.weights.keys()].join(', ')})`);
    return w;
  }

  /** Apply a 4-D op per model: (image [B, H, W, C], weight, bias) of model s. */
  #perModel(name: string, x: T5, op: (x: TF.Tensor4D, w: TF.Tensor4D, b: TF.Tensor1D) => TF.Tensor4D): T5 {
    const tf = this.tf;
    return tf.tidy(() => {
      const S = x.shape[0];
      const one = (xs: TF.Tensor4D, s: number) => op(xs, this.#slice(`${name}.w`, s) as TF.Tensor4D, this.#slice(`${name}.b`, s) as TF.Tensor1D);
      if (S === 1) {
        const y = one(x.reshape(x.shape.slice(1) as [number, number, number, number]), 0);
        return y.reshape([1, ...y.shape]) as T5;
      }
      return tf.stack(tf.unstack(x).map((xs, s) => one(xs as TF.Tensor4D, s))) as T5;
    });
  }

  #slice(name: string, s: number): TF.Tensor {
    const w = this.#w(name);
    const [S, ...rest] = w.shape;
    return S === 1 ? w.reshape(rest) : this.tf.slice(w, [s, ...rest.map(() => 0)], [1, ...rest]).reshape(rest);
  }

  conv(name: string, x: T5, k: number, stride: number, pad: 'same' | 'valid'): T5 {
    return this.#perModel(name, x, (xs, w, b) => this.tf.add(this.tf.conv2d(xs, w, stride, pad), b));
  }

  upsample2(name: string, x: T5, cout: number): T5 {
    const [, B, h, w] = x.shape;
    return this.#perModel(name, x, (xs, f, b) => this.tf.add(this.tf.conv2dTranspose(xs, f, [B, 2 * h, 2 * w, cout], 2, 'valid'), b));
  }

  pointwise(name: string, x: T5, cout: number): T5 {
    const [S, B, H, W, C] = x.shape;
    return this.tf.tidy(() => {
      const flat = this.tf.matMul(x.reshape([S, B * H * W, C]), this.#w(`${name}.w`) as TF.Tensor3D);
      return this.tf.add(flat, this.#w(`${name}.b`).reshape([S, 1, cout])).reshape([S, B, H, W, cout]);
    });
  }

  depthwise3(name: string, x: T5): T5 {
    return this.#perModel(name, x, (xs, w, b) => this.tf.add(this.tf.depthwiseConv2d(xs, w, 1, 'same'), b));
  }

  ssm4(name: string, x: T5, config: SsmConfig): T5 {
    return this.tf.tidy(() => ssm4(this.tf, x, this.#w(`${name}.logRate`), this.#w(`${name}.w`), config));
  }

  attention(_name: string, x: T5): T5 {
    const [S, B, H, W, C3] = x.shape;
    const c = C3 / 3;
    return this.tf.tidy(() => {
      const [q, k, v] = this.tf.split(x.reshape([S * B, H * W, C3]), 3, 2);
      // The scores are freed once the softmax is taken: [S·B, L, L] twice at the peak, not three times.
      const probabilities = this.tf.tidy(() => this.tf.softmax(this.tf.matMul(this.tf.mul(q, 1 / Math.sqrt(c)), k, false, true)));
      return this.tf.matMul(probabilities, v).reshape([S, B, H, W, c]);
    });
  }

  silu(x: T5): T5 {
    return this.tf.tidy(() => this.tf.mul(x, this.tf.sigmoid(x)));
  }

  add(a: T5, b: T5): T5 {
    return this.tf.add(a, b);
  }
}
