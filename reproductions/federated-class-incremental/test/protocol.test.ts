import test from 'ava';
import { createRng, type Rng } from '#harness/random';
import { MemorylessClient, ReplayClient, type LocalConfig } from '../clients.js';
import { auditClientMemory, nonWeightBytes, type ClientUpdate, type ServerMessage, type TaskShard, type Weights } from '../protocol.js';
import { Server } from '../server.js';

// Type-level checks: `tsc --noEmit -p .` fails if the protocol types admit anything but weights.
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
type Assert<T extends true> = T;
type Fields<C> = { [K in keyof C]: C[K] extends (...args: never[]) => unknown ? never : K }[keyof C];
export type ProtocolTypeChecks = [
  // An update is the weights and nothing else; weights are Float32Arrays.
  Assert<Equal<keyof ClientUpdate, 'weights'>>,
  Assert<Equal<ClientUpdate['weights'], readonly Float32Array[]>>,
  // Every field of a server message is a set of weights.
  Assert<Equal<ServerMessage[keyof ServerMessage], Weights | undefined>>,
  // A memoryless client's state is its id, its configuration and the current task's shard.
  Assert<Equal<Fields<MemorylessClient>, 'id' | 'config' | 'shard' | 'task'>>,
  Assert<Equal<MemorylessClient['shard'], TaskShard | null>>,
  // Its configuration holds no arrays or objects, only numbers and names.
  Assert<Equal<Extract<LocalConfig[keyof LocalConfig], object>, never>>,
  // Its round function takes weights in a message and returns an update.
  Assert<Equal<Parameters<MemorylessClient['round']>[1], ServerMessage>>,
  Assert<Equal<ReturnType<MemorylessClient['round']>, ClientUpdate>>,
];

const CONFIG: LocalConfig = {
  objective: 'mfcl', steps: 2, batch: 4, lr: 0.1, syntheticBatch: 4, ftWeight: 1, kdWeight: 0.1,
  classesPerTask: 2, classes: 6, dim: 3, hidden: 4, noise: 2, generatorHidden: 4,
};

function shard(task: number, rows: number): TaskShard {
  const y = Int32Array.from({ length: rows }, (_, i) => 2 * task + (i % 2));
  return { task, x: Float32Array.from({ length: rows * 3 }, (_, i) => i), y };
}

const current = (task: number) => new Set([2 * task, 2 * task + 1]);

test('the types reject an update that carries anything but weights (tsc checks the marked lines)', (t) => {
  // @ts-expect-error a client cannot attach its labels to an update
  const labels: ClientUpdate = { weights: [], labels: new Int32Array(2) };
  // @ts-expect-error nor send integer data in place of weights
  const ints: ClientUpdate = { weights: [new Int32Array(2)] };
  // @ts-expect-error nor a server send data to clients
  const data: ServerMessage = { global: [], rows: new Float32Array(3) };
  t.truthy(labels && ints && data);
});

test('a memoryless client holds no old rows and no arrays after new tasks arrive', (t) => {
  const client = new MemorylessClient(0, CONFIG);
  for (let task = 0; task < 3; task++) {
    client.startTask(shard(task, 10));
    t.deepEqual(auditClientMemory(client, current(task)), { oldTaskSamples: 0, storedArrays: 0 });
  }
});

test('a replay client is caught holding old rows (the control)', (t) => {
  const client = new ReplayClient(0, CONFIG, 3);
  client.startTask(shard(0, 10));
  client.startTask(shard(1, 10));
  client.startTask(shard(2, 10));
  // 3 rows of each of the 4 old classes.
  t.deepEqual(auditClientMemory(client, current(2)), { oldTaskSamples: 12, storedArrays: 0 });
});

test('a client that keeps a model is caught holding arrays', (t) => {
  class Hoarder extends MemorylessClient {
    kept: Weights[] = [];
    override startTask(s: TaskShard): void {
      super.startTask(s);
      this.kept.push([new Float32Array(5), new Float32Array(2)]);
    }
  }
  const client = new Hoarder(0, CONFIG);
  client.startTask(shard(0, 4));
  client.startTask(shard(1, 4));
  t.deepEqual(auditClientMemory(client, current(1)), { oldTaskSamples: 0, storedArrays: 4 });
});

test('non-weight bytes: 0 for weights of the layout, counted for anything else', (t) => {
  const layout = [6, 2];
  const good = { weights: [new Float32Array(6), new Float32Array(2)] };
  t.is(nonWeightBytes(good, layout), 0);
  t.is(nonWeightBytes({ ...good, labels: new Int32Array(4) }, layout), 2 * 'labels'.length + 16);
  t.is(nonWeightBytes({ weights: [new Float32Array(6), new Float32Array(3)] }, layout), 12);
  t.is(nonWeightBytes({ weights: [new Float32Array(6), new Float32Array(2), new Float32Array(1)] }, layout), 4);
  const server = new Server([new Float32Array(6), new Float32Array(2)], layout, 3, 2, createRng(1) as Rng);
  server.receive(good);
  t.is(server.nonWeightBytesReceived, 0);
  server.receive({ ...good, samples: 7 } as ClientUpdate);
  t.is(server.nonWeightBytesReceived, 2 * 'samples'.length + 8);
});

test('the server averages the received weights uniformly and picks distinct clients', (t) => {
  const server = new Server([new Float32Array(2)], [2], 5, 3, createRng(2));
  const picked = server.select();
  t.is(new Set(picked).size, 3);
  t.true(picked.every((k) => k >= 0 && k < 5));
  server.receive({ weights: [Float32Array.from([1, 2])] });
  server.receive({ weights: [Float32Array.from([3, 6])] });
  server.aggregate();
  t.deepEqual([...server.global[0]], [2, 4]);
  t.throws(() => server.aggregate(), { message: /no update/ });
});
