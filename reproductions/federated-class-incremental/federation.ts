/**
 * The simulation: one federation per (method, seed), all advanced together task by task and
 * round by round, so that each round's local updates run as one batched tensor program per
 * objective (see local-update.ts) and each task's inversions as one per generator kind.
 *
 * Within a seed every method sees the same world: the same data, split, initial model, order of
 * participating clients and per-client random streams. The methods differ only in their clients'
 * objective and memory and in the generator the server sends, so differences between methods are
 * paired per seed.
 */
import { createRng, deriveSeed, type Rng } from '#harness/random';
import { classifierLengths, evalLogits, initClassifier, stackClassifiers, type ClassifierShape, type Tf } from './classifier.js';
import { MemorylessClient, ReplayClient, type Client, type LocalConfig } from './clients.js';
import { makeProxy, selectRows, takeRows, taskClasses, type ProxyData } from './data.js';
import { generatedLabels, initGenerator, invertGenerators, type GeneratorShape, type InversionConfig } from './generator.js';
import { localRound, type Job } from './local-update.js';
import { accuracyPerTask, histogram, normalizedEntropy } from './metrics.js';
import type { Method, Params } from './params.js';
import { dirichletSplit } from './partition.js';
import { auditClientMemory, type LabeledRows, type TaskShard, type Weights } from './protocol.js';
import { Server } from './server.js';

/** Seed streams: one purpose each, shared by every method of a seed. */
const STREAM = { data: 1, split: 2, init: 3, selection: 4, client: 100, generatorInit: 5000, inversionNoise: 6000, histogram: 7000 } as const;

export interface FederationResult {
  method: Method;
  seed: number;
  /** accuracy[t][j]: % on task j's test rows after task t, predicting among the classes seen by then. */
  accuracy: number[][];
  /** % on all seen classes' test rows after each task. */
  seenAccuracy: number[];
  /** Largest, over every audit, of the old-task rows held by all clients together. */
  oldTaskSamples: number;
  /** Largest, over every audit, of the arrays held by all clients outside labelled rows. */
  storedArrays: number;
  /** Total non-weight bytes received by the server. */
  nonWeightBytes: number;
  /** Normalised entropy of the generated samples' labels after each task but the last (generator methods). */
  generatorEntropy: number[];
  /** Label histogram of the last generator's samples. */
  lastHistogram: number[] | null;
}

interface World {
  seed: number;
  data: ProxyData;
  /** shards[t][k]: client k's rows of task t. */
  shards: TaskShard[][];
  /** test[t]: the test rows of the classes seen after task t. */
  test: LabeledRows[];
}

interface Fed {
  world: World;
  server: Server;
  clients: Client[];
  /** Each client device's randomness (not client memory: the simulation's entropy source). */
  devices: Rng[];
  result: FederationResult;
}

export interface SimulationSizes {
  classifier: ClassifierShape;
  generator: GeneratorShape;
  classesPerTask: number;
}

export function sizesOf(p: Params): SimulationSizes {
  return {
    classifier: { dim: p.input_dim, hidden: p.hidden, classes: p.classes },
    generator: { noise: p.noise_dim, hidden: p.generator_hidden, dim: p.input_dim },
    classesPerTask: p.classes / p.tasks,
  };
}

function makeWorld(p: Params, seed: number): World {
  const data = makeProxy({ classes: p.classes, dim: p.input_dim, mapHidden: p.map_hidden, spread: p.cluster_spread, trainPerClass: p.train_per_class, testPerClass: p.test_per_class }, deriveSeed(seed, STREAM.data));
  const perTask = p.classes / p.tasks;
  const splitRng = createRng(deriveSeed(seed, STREAM.split));
  const shards = Array.from({ length: p.tasks }, (_, t) =>
    dirichletSplit(splitRng, data.train.y, taskClasses(t, perTask), p.clients, p.dirichlet_alpha, p.min_client_samples)
      .map((rows) => ({ task: t, ...takeRows(data.train, p.input_dim, rows) })),
  );
  const test = Array.from({ length: p.tasks }, (_, t) => selectRows(data.test, p.input_dim, (c) => c < (t + 1) * perTask));
  return { seed, data, shards, test };
}

function localConfig(p: Params, objective: LocalConfig['objective']): LocalConfig {
  return {
    objective,
    steps: p.local_steps,
    batch: p.batch_size,
    lr: p.lr,
    syntheticBatch: p.synthetic_batch,
    ftWeight: p.ft_weight,
    kdWeight: p.kd_weight,
    classesPerTask: p.classes / p.tasks,
    classes: p.classes,
    dim: p.input_dim,
    hidden: p.hidden,
    noise: p.noise_dim,
    generatorHidden: p.generator_hidden,
  };
}

function makeClients(p: Params, method: Method): Client[] {
  const plain = localConfig(p, 'plain');
  const mfcl = localConfig(p, 'mfcl');
  return Array.from({ length: p.clients }, (_, k) => {
    switch (method) {
      case 'fedavg':
        return new MemorylessClient(k, plain);
      case 'oracle':
        return new ReplayClient(k, plain, oracleRowsPerClass(p.oracle_old_data));
      case 'mfcl':
      case 'mfcl-untrained':
        return p.replay_buffer > 0 ? new ReplayClient(k, mfcl, p.replay_buffer) : new MemorylessClient(k, mfcl);
    }
  });
}

/** Rows of each old class an oracle client keeps. */
function oracleRowsPerClass(keep: Params['oracle_old_data']): number {
  if (keep === 'all') return Infinity;
  if (keep === 'none') return 0;
  return keep;
}

function makeFed(p: Params, method: Method, world: World): Fed {
  const sizes = sizesOf(p);
  const seed = world.seed;
  const init = initClassifier(sizes.classifier, createRng(deriveSeed(seed, STREAM.init)));
  return {
    world,
    server: new Server(init, classifierLengths(sizes.classifier), p.clients, p.clients_per_round, createRng(deriveSeed(seed, STREAM.selection))),
    clients: makeClients(p, method),
    devices: Array.from({ length: p.clients }, (_, k) => createRng(deriveSeed(seed, STREAM.client + k))),
    result: { method, seed, accuracy: [], seenAccuracy: [], oldTaskSamples: 0, storedArrays: 0, nonWeightBytes: 0, generatorEntropy: [], lastHistogram: null },
  };
}

function audit(fed: Fed, task: number, classesPerTask: number): void {
  const current = new Set(taskClasses(task, classesPerTask));
  let old = 0;
  let arrays = 0;
  for (const client of fed.clients) {
    const a = auditClientMemory(client, current);
    old += a.oldTaskSamples;
    arrays += a.storedArrays;
  }
  fed.result.oldTaskSamples = Math.max(fed.result.oldTaskSamples, old);
  fed.result.storedArrays = Math.max(fed.result.storedArrays, arrays);
  fed.result.nonWeightBytes = fed.server.nonWeightBytesReceived;
}

/** One federated round of every federation; local updates grouped by objective. */
function round(tf: Tf, feds: readonly Fed[]): void {
  const groups = new Map<string, { fed: Fed; job: Job }[]>();
  for (const fed of feds) {
    const message = fed.server.message();
    for (const k of fed.server.select()) {
      const client = fed.clients[k];
      const key = client.config.objective === 'mfcl' && message.teacher ? 'mfcl' : 'plain';
      const list = groups.get(key) ?? [];
      list.push({ fed, job: { client, message, rng: fed.devices[k] } });
      groups.set(key, list);
    }
  }
  for (const list of groups.values()) {
    const updates = localRound(tf, list.map((e) => e.job));
    list.forEach((e, i) => e.fed.server.receive(updates[i]));
  }
  for (const fed of feds) fed.server.aggregate();
}

function evaluate(tf: Tf, feds: readonly Fed[], task: number, sizes: SimulationSizes): void {
  const seen = (task + 1) * sizes.classesPerTask;
  const rows = feds[0].world.test[task].y.length;
  const d = sizes.classifier.dim;
  const x = new Float32Array(feds.length * rows * d);
  feds.forEach((f, g) => x.set(f.world.test[task].x, g * rows * d));
  const model = stackClassifiers(tf, feds.map((f) => f.server.global), sizes.classifier);
  const xt = tf.tensor3d(x, [feds.length, rows, d]);
  const pred = tf.tidy(() => tf.argMax(tf.slice(evalLogits(tf, model, xt), [0, 0, 0], [feds.length, rows, seen]), 2));
  const flat = pred.dataSync();
  tf.dispose([pred, xt, ...Object.values(model)]);
  feds.forEach((f, g) => {
    const labels = f.world.test[task].y;
    const p = flat.subarray(g * rows, (g + 1) * rows);
    f.result.accuracy.push(accuracyPerTask(p, labels, sizes.classesPerTask, task));
    let right = 0;
    for (let i = 0; i < rows; i++) if (p[i] === labels[i]) right++;
    f.result.seenAccuracy.push((100 * right) / rows);
  });
}

/** Inverts (or, with 0 steps, only initialises) one generator per federation from its global model. */
function trainGenerators(tf: Tf, p: Params, feds: readonly Fed[], task: number, steps: number): Weights[] {
  const sizes = sizesOf(p);
  const seen = (task + 1) * sizes.classesPerTask;
  const cfg: InversionConfig = {
    steps,
    batch: p.inversion_batch,
    lr: p.inversion_lr,
    ceTemperature: p.ce_temperature,
    entropyWeight: p.entropy_weight,
    bnWeight: p.bn_weight,
    calibration: p.histogram_samples,
  };
  const inits = feds.map((f) => initGenerator(sizes.generator, createRng(deriveSeed(f.world.seed, STREAM.generatorInit + task))));
  const noise = feds.map((f) => createRng(deriveSeed(f.world.seed, STREAM.inversionNoise + task)));
  const models = feds.map((f) => f.server.global);
  const generators = invertGenerators(tf, models, sizes.classifier, inits, sizes.generator, seen, cfg, noise);
  const labels = generatedLabels(tf, models, sizes.classifier, generators, sizes.generator, seen, p.histogram_samples, feds.map((f) => createRng(deriveSeed(f.world.seed, STREAM.histogram + task))));
  feds.forEach((f, g) => {
    f.result.generatorEntropy.push(normalizedEntropy(labels[g], seen));
    f.result.lastHistogram = histogram(labels[g], p.classes);
  });
  return generators;
}

export function simulate(tf: Tf, p: Params, seeds: readonly number[], progress: (done: number, total: number) => void = () => {}): FederationResult[] {
  const sizes = sizesOf(p);
  const worlds = seeds.map((seed) => makeWorld(p, seed));
  const feds = p.methods.flatMap((method) => worlds.map((world) => makeFed(p, method, world)));
  const byMethod = (m: Method) => feds.filter((f) => f.result.method === m);
  const total = p.tasks * p.rounds_per_task;
  for (let t = 0; t < p.tasks; t++) {
    for (const fed of feds) {
      fed.clients.forEach((c, k) => c.startTask(fed.world.shards[t][k]));
      audit(fed, t, sizes.classesPerTask);
    }
    for (let r = 0; r < p.rounds_per_task; r++) {
      round(tf, feds);
      for (const fed of feds) audit(fed, t, sizes.classesPerTask);
      progress(t * p.rounds_per_task + r + 1, total);
    }
    evaluate(tf, feds, t, sizes);
    if (t === p.tasks - 1) break;
    for (const [method, steps] of [['mfcl', p.inversion_steps], ['mfcl-untrained', 0]] as const) {
      const group = byMethod(method);
      const generators = group.length && p.synthetic_batch > 0 ? trainGenerators(tf, p, group, t, steps) : group.map(() => null);
      group.forEach((f, g) => f.server.endTask(generators[g]));
    }
  }
  return feds.map((f) => f.result);
}
