/**
 * The federation's protocol: what a client holds and what crosses the wire. The paper's claim
 * "does not demand the users to store old data or models" is made structural here:
 *  - a message from the server and an update from a client contain only model weights
 *    (Float32Array); the types admit nothing else (test/protocol.test.ts checks them with tsc);
 *  - `auditClientMemory` walks a client object's own fields and counts the rows it holds whose
 *    labels are not in the current task, and any array outside labelled rows (a kept model);
 *  - `nonWeightBytes` counts what a received update carries beyond the expected weight arrays.
 * The simulation records both after every round, so the claim is decided on recorded numbers.
 */

/** Rows of `x` (row-major, one input per row) with their class labels. */
export interface LabeledRows {
  readonly x: Float32Array;
  readonly y: Int32Array;
}

/** A client's data of one task: the only data a memoryless client ever holds. */
export interface TaskShard extends LabeledRows {
  readonly task: number;
}

/** One model's parameters and buffers, flat, in a fixed layout order. */
export type Weights = readonly Float32Array[];

/** Server → client, once per round: the global model, and under MFCL the previous task's global model and the generator. */
export interface ServerMessage {
  readonly global: Weights;
  readonly teacher?: Weights;
  readonly generator?: Weights;
}

/** Client → server, once per round: the locally updated weights, and nothing else. */
export interface ClientUpdate {
  readonly weights: Weights;
}

export interface MemoryAudit {
  /** Labelled rows held whose label is not a class of the current task. */
  oldTaskSamples: number;
  /** Arrays or tensors held outside labelled rows: a stored model (or unlabelled data). */
  storedArrays: number;
}

function isRows(value: object): value is LabeledRows {
  const v = value as Partial<LabeledRows>;
  return v.x instanceof Float32Array && v.y instanceof Int32Array;
}

function isTensorLike(value: object): boolean {
  return 'dataId' in value && 'shape' in value;
}

/** Walks `client`'s own fields (recursively, cycles once) and counts old-task rows and stored arrays. */
export function auditClientMemory(client: object, currentClasses: ReadonlySet<number>): MemoryAudit {
  const audit: MemoryAudit = { oldTaskSamples: 0, storedArrays: 0 };
  const seen = new Set<object>();
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    if (isRows(value)) {
      for (const label of value.y) if (!currentClasses.has(label)) audit.oldTaskSamples++;
      return;
    }
    if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer || isTensorLike(value)) {
      audit.storedArrays++;
      return;
    }
    if (value instanceof Map) {
      for (const [k, v] of value) {
        visit(k);
        visit(v);
      }
      return;
    }
    if (value instanceof Set || Array.isArray(value)) {
      for (const v of value) visit(v);
      return;
    }
    for (const key of Reflect.ownKeys(value)) visit((value as Record<PropertyKey, unknown>)[key]);
  };
  visit(client);
  return audit;
}

/** Bytes of a value as it would be serialised (typed arrays by their buffers, numbers as 8). */
function sizeOf(value: unknown, seen: Set<object>): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number' || typeof value === 'bigint') return 8;
  if (typeof value === 'boolean') return 1;
  if (typeof value === 'string') return 2 * value.length;
  if (typeof value !== 'object') return 0;
  if (seen.has(value)) return 0;
  seen.add(value);
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (value instanceof ArrayBuffer) return value.byteLength;
  if (Array.isArray(value)) return value.reduce((s: number, v) => s + sizeOf(v, seen), 0);
  let total = 0;
  for (const key of Reflect.ownKeys(value)) total += sizeOf(String(key), seen) + sizeOf((value as Record<PropertyKey, unknown>)[key], seen);
  return total;
}

/**
 * Bytes of a received update that are not the expected weights: the `weights` arrays count as
 * weights only when they are Float32Arrays of the layout's lengths, in order; anything else (other
 * fields, extra or misshapen arrays) counts.
 */
export function nonWeightBytes(update: unknown, layoutLengths: readonly number[]): number {
  if (update === null || typeof update !== 'object') return sizeOf(update, new Set());
  const seen = new Set<object>();
  let total = 0;
  for (const key of Reflect.ownKeys(update)) {
    const value = (update as Record<PropertyKey, unknown>)[key];
    if (key !== 'weights' || !Array.isArray(value)) {
      total += sizeOf(String(key), seen) + sizeOf(value, seen);
      continue;
    }
    value.forEach((w, i) => {
      const isWeight = w instanceof Float32Array && i < layoutLengths.length && w.length === layoutLengths[i];
      if (!isWeight) total += sizeOf(w, seen);
    });
  }
  return total;
}
