/**
 * Inference-mode execution: free every intermediate activation right after its last use, as an
 * inference engine does (PyTorch under no_grad, a GPU allocator), instead of holding all layer
 * outputs to the end of the pass. The architecture is traced once on tokens to learn each value's
 * last consumer; the real pass then follows the same op order and frees on schedule.
 */
import { forward, type ModelSpec, type Ops, type SsmConfig } from './architecture.js';

interface Token { id: number }

/** Records, for every value, the index of the last op that reads it. */
class Tracer implements Ops<Token> {
  readonly lastUse = new Map<number, number>();
  #op = 0;
  #next = 1;

  #step(...inputs: Token[]): Token {
    for (const x of inputs) this.lastUse.set(x.id, this.#op);
    this.#op++;
    return { id: this.#next++ };
  }

  conv(_n: string, x: Token): Token { return this.#step(x); }
  upsample2(_n: string, x: Token): Token { return this.#step(x); }
  pointwise(_n: string, x: Token): Token { return this.#step(x); }
  depthwise3(_n: string, x: Token): Token { return this.#step(x); }
  ssm4(_n: string, x: Token): Token { return this.#step(x); }
  attention(_n: string, x: Token): Token { return this.#step(x); }
  silu(x: Token): Token { return this.#step(x); }
  add(a: Token, b: Token): Token { return this.#step(a, b); }
}

/** Wraps real ops: value of op k gets id k + 1 (the input is id 0), freed after its last reader. */
class Freeing<T extends object> implements Ops<T> {
  readonly #ids = new Map<T, number>();
  #op = 0;

  constructor(private readonly inner: Ops<T>, private readonly lastUse: ReadonlyMap<number, number>, private readonly free: (value: T) => void, input: T) {
    this.#ids.set(input, 0);
  }

  #run(inputs: T[], run: () => T): T {
    const out = run();
    const op = this.#op++;
    for (const x of new Set(inputs)) {
      const id = this.#ids.get(x);
      // Never free the caller's input (id 0); free a value once its last reader has run.
      if (id !== undefined && id !== 0 && this.lastUse.get(id) === op) {
        this.#ids.delete(x);
        this.free(x);
      }
    }
    this.#ids.set(out, op + 1);
    return out;
  }

  conv(n: string, x: T, k: number, s: number, p: 'same' | 'valid', c: number): T { return this.#run([x], () => this.inner.conv(n, x, k, s, p, c)); }
  upsample2(n: string, x: T, c: number): T { return this.#run([x], () => this.inner.upsample2(n, x, c)); }
  pointwise(n: string, x: T, c: number): T { return this.#run([x], () => this.inner.pointwise(n, x, c)); }
  depthwise3(n: string, x: T): T { return this.#run([x], () => this.inner.depthwise3(n, x)); }
  ssm4(n: string, x: T, config: SsmConfig): T { return this.#run([x], () => this.inner.ssm4(n, x, config)); }
  attention(n: string, x: T): T { return this.#run([x], () => this.inner.attention(n, x)); }
  silu(x: T): T { return this.#run([x], () => this.inner.silu(x)); }
  add(a: T, b: T): T { return this.#run([a, b], () => this.inner.add(a, b)); }
}

/** forward() that frees each intermediate after its last use (the input and the output are kept). */
export function forwardFreeing<T extends object>(ops: Ops<T>, spec: ModelSpec, x: T, free: (value: T) => void): T {
  const tracer = new Tracer();
  forward(tracer, spec, { id: 0 });
  return forward(new Freeing(ops, tracer.lastUse, free, x), spec, x);
}
