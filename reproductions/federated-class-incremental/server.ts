/**
 * The server of one federation: it holds the global model, picks the round's clients, sends
 * weights, receives weights and averages them (uniformly: a sample count would be non-weight
 * data). At the end of a task it keeps the global model as the next task's teacher and takes the
 * generator trained on it. It never sees a client's data; every update it receives is audited
 * for bytes that are not the expected weights.
 */
import type { Rng } from '#harness/random';
import { nonWeightBytes, type ClientUpdate, type ServerMessage, type Weights } from './protocol.js';

export class Server {
  global: Weights;
  teacher: Weights | null = null;
  generator: Weights | null = null;
  /** Sum over every update received of its non-weight bytes (0 under the protocol). */
  nonWeightBytesReceived = 0;
  #received: Weights[] = [];

  constructor(
    init: Weights,
    readonly layoutLengths: readonly number[],
    readonly clients: number,
    readonly perRound: number,
    private readonly selection: Rng,
  ) {
    this.global = init;
  }

  /** `perRound` distinct client indices, uniformly. */
  select(): number[] {
    const pool = Array.from({ length: this.clients }, (_, i) => i);
    for (let i = 0; i < this.perRound; i++) {
      const j = i + this.selection.int(this.clients - i);
      [pool[i], pool[j]] = [pool[j], pool[i]];
    }
    return pool.slice(0, this.perRound).sort((a, b) => a - b);
  }

  message(): ServerMessage {
    return {
      global: this.global,
      ...(this.teacher ? { teacher: this.teacher } : {}),
      ...(this.generator ? { generator: this.generator } : {}),
    };
  }

  receive(update: ClientUpdate): void {
    this.nonWeightBytesReceived += nonWeightBytes(update, this.layoutLengths);
    this.#received.push(update.weights);
  }

  /** FedAvg: the plain mean of the received weights (running BatchNorm statistics included). */
  aggregate(): void {
    if (this.#received.length === 0) throw new Error('aggregate: no update was received this round');
    const n = this.#received.length;
    this.global = this.layoutLengths.map((len, part) => {
      const mean = new Float32Array(len);
      for (const w of this.#received) for (let i = 0; i < len; i++) mean[i] += w[part][i] / n;
      return mean;
    });
    this.#received = [];
  }

  /** The task is over: its final global model becomes the teacher; `generator` was inverted from it (null: none). */
  endTask(generator: Weights | null): void {
    this.teacher = this.global;
    this.generator = generator;
  }
}
