/**
 * Clients: separate objects, each holding its own data. A memoryless client (FedAvg, MFCL) holds
 * the current task's shard and nothing else: a new task replaces it. A replay client (the oracle,
 * and the replay-buffer control) also keeps rows of its past tasks. Neither keeps a model: the
 * round function receives the weights in the server's message and returns new weights.
 * The local objective is configuration, not state: which loss, how many steps, which weights.
 */
import type { Rng } from '#harness/random';
import type { Tf } from './classifier.js';
import { localRound } from './local-update.js';
import type { ClientUpdate, LabeledRows, ServerMessage, TaskShard } from './protocol.js';

export interface LocalConfig {
  /** plain: cross-entropy over the classes seen so far (FedAvg, oracle); mfcl: MFCL's objective once a teacher and generator are sent. */
  readonly objective: 'plain' | 'mfcl';
  readonly steps: number;
  readonly batch: number;
  readonly lr: number;
  readonly syntheticBatch: number;
  readonly ftWeight: number;
  readonly kdWeight: number;
  readonly classesPerTask: number;
  readonly classes: number;
  readonly dim: number;
  readonly hidden: number;
  readonly noise: number;
  readonly generatorHidden: number;
}

export abstract class Client {
  constructor(
    readonly id: number,
    readonly config: LocalConfig,
  ) {}

  /** The task of the data held now (−1 before the first task). */
  abstract get task(): number;
  /** New data arrives: the client's data of the next task. */
  abstract startTask(shard: TaskShard): void;
  /** `count` rows drawn uniformly with replacement from the data the client holds. */
  abstract trainingRows(rng: Rng, count: number): LabeledRows;

  /** One federated round alone: global weights in, locally trained weights out. */
  round(tf: Tf, message: ServerMessage, rng: Rng): ClientUpdate {
    return localRound(tf, [{ client: this, message, rng }])[0];
  }
}

function drawRows(sources: readonly LabeledRows[], dim: number, rng: Rng, count: number): LabeledRows {
  const sizes = sources.map((s) => s.y.length);
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total === 0) throw new Error('a client with no data was asked for training rows');
  const x = new Float32Array(count * dim);
  const y = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    let r = rng.int(total);
    let s = 0;
    while (r >= sizes[s]) r -= sizes[s++];
    x.set(sources[s].x.subarray(r * dim, (r + 1) * dim), i * dim);
    y[i] = sources[s].y[r];
  }
  return { x, y };
}

/** Holds the current task's shard only. */
export class MemorylessClient extends Client {
  shard: TaskShard | null = null;

  get task(): number {
    return this.shard?.task ?? -1;
  }

  startTask(shard: TaskShard): void {
    this.shard = shard;
  }

  trainingRows(rng: Rng, count: number): LabeledRows {
    if (!this.shard) throw new Error(`client ${this.id} has no task yet`);
    return drawRows([this.shard], this.config.dim, rng, count);
  }
}

/** Keeps up to `perClass` rows of every past class (Infinity: all of them) beside the current shard. */
export class ReplayClient extends Client {
  shard: TaskShard | null = null;
  buffer: LabeledRows = { x: new Float32Array(0), y: new Int32Array(0) };

  constructor(id: number, config: LocalConfig, readonly perClass: number) {
    super(id, config);
  }

  get task(): number {
    return this.shard?.task ?? -1;
  }

  startTask(shard: TaskShard): void {
    if (this.shard && this.perClass > 0) {
      const d = this.config.dim;
      const kept: number[] = [];
      const perLabel = new Map<number, number>();
      for (let r = 0; r < this.shard.y.length; r++) {
        const c = this.shard.y[r];
        const n = perLabel.get(c) ?? 0;
        if (n < this.perClass) {
          kept.push(r);
          perLabel.set(c, n + 1);
        }
      }
      const x = new Float32Array(this.buffer.x.length + kept.length * d);
      const y = new Int32Array(this.buffer.y.length + kept.length);
      x.set(this.buffer.x);
      y.set(this.buffer.y);
      kept.forEach((r, i) => {
        x.set(this.shard!.x.subarray(r * d, (r + 1) * d), this.buffer.x.length + i * d);
        y[this.buffer.y.length + i] = this.shard!.y[r];
      });
      this.buffer = { x, y };
    }
    this.shard = shard;
  }

  trainingRows(rng: Rng, count: number): LabeledRows {
    if (!this.shard) throw new Error(`client ${this.id} has no task yet`);
    return drawRows([this.shard, this.buffer], this.config.dim, rng, count);
  }
}
