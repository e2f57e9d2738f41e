import test from 'ava';
import { getTf } from '#harness/tf';
import { createRng } from '#harness/random';
import { initClassifier } from '../classifier.js';
import { MemorylessClient, type LocalConfig } from '../clients.js';
import { initGenerator } from '../generator.js';
import { localRound, type Job } from '../local-update.js';
import type { TaskShard, Weights } from '../protocol.js';

const tf = await getTf();
const SHAPE = { dim: 6, hidden: 8, classes: 6 };
const GEN = { noise: 3, hidden: 5, dim: 6 };
const CONFIG: LocalConfig = {
  objective: 'mfcl', steps: 3, batch: 8, lr: 0.1, syntheticBatch: 8, ftWeight: 1, kdWeight: 0.1,
  classesPerTask: 2, classes: 6, dim: 6, hidden: 8, noise: 3, generatorHidden: 5,
};

function shard(seed: number, task: number, labels?: (i: number) => number): TaskShard {
  const rng = createRng(seed);
  const rows = 12;
  return {
    task,
    x: Float32Array.from({ length: rows * 6 }, () => rng.normal()),
    y: Int32Array.from({ length: rows }, (_, i) => (labels ? labels(i) : 2 * task + (i % 2))),
  };
}

function jobs(count: number, withTeacher: boolean, config = CONFIG, labels?: (i: number) => number): Job[] {
  return Array.from({ length: count }, (_, g) => {
    const client = new MemorylessClient(g, config);
    client.startTask(shard(10 + g, 1, labels));
    const message = {
      global: initClassifier(SHAPE, createRng(20 + g)),
      ...(withTeacher ? { teacher: initClassifier(SHAPE, createRng(30 + g)), generator: initGenerator(GEN, createRng(40 + g)) } : {}),
    };
    return { client, message, rng: createRng(50 + g) };
  });
}

function maxRelDiff(a: Weights, b: Weights): number {
  let worst = 0;
  a.forEach((part, i) => part.forEach((v, j) => {
    worst = Math.max(worst, Math.abs(v - b[i][j]) / (1e-3 + Math.abs(b[i][j])));
  }));
  return worst;
}

for (const withTeacher of [false, true]) {
  test(`a group of clients trained together gets what each gets alone (${withTeacher ? 'MFCL' : 'plain'} objective)`, (t) => {
    const together = localRound(tf, jobs(3, withTeacher));
    const alone = jobs(3, withTeacher).map((j) => j.client.round(tf, j.message, j.rng));
    together.forEach((u, g) => t.true(maxRelDiff(u.weights, alone[g].weights) < 1e-4, `client ${g}`));
    // Training moved the weights.
    const start = jobs(1, withTeacher)[0].message.global;
    t.true(maxRelDiff(together[0].weights, start) > 1e-3);
  });
}

test('the head fine-tuning term is stopped at the features: alone it changes only the head', (t) => {
  // Every real row is of an old class (so no new-class term) and there is no distillation: what
  // remains is the fine-tuning CE through frozen features.
  const config = { ...CONFIG, kdWeight: 0 };
  const [job] = jobs(1, true, config, () => 0);
  const out = localRound(tf, [job])[0].weights;
  const start = job.message.global;
  for (const part of [0, 1, 2]) t.deepEqual(out[part], start[part], `part ${part} (body) must not move`);
  for (const part of [3, 4]) t.notDeepEqual(out[part], start[part], `part ${part} (head) must move`);
});

test('tf.memory().numTensors is flat across rounds', (t) => {
  localRound(tf, jobs(2, true));
  const before = tf.memory().numTensors;
  for (let k = 0; k < 3; k++) {
    localRound(tf, jobs(2, true));
    localRound(tf, jobs(2, false));
    t.is(tf.memory().numTensors, before, `round ${k}`);
  }
});
