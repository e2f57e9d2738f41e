/**
 * The DVC stage that trains the models: `node --import tsx reproductions/severity-adaptive-diffusion/training/cli.ts`
 * [--params FILE] [--weights DIR]. For every run the runner will make (the profile's default and each claim's
 * and control's overrides, merged exactly as the runner merges them) and every seed, it makes
 * sure weights/ holds the autoencoder, severity encoder and ε-network, training only those that
 * are missing (or copying them from the user cache, where it also leaves what it trained), then
 * deletes files no run needs. The files hold no timings, so the same params give the same bytes and
 * DVC's run cache can restore the stage on another machine. The runs
 * then read weights/ and train nothing. Solver params do not enter the models' keys, so a change
 * to them leaves weights/ as it is.
 */
// First: TensorFlow's thread pools are sized when it loads (one thread: faster here, 25 s against 33 s, and the same weights on any machine).
import '#harness/pin-threads';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import reproduction from '../index.js';
import { seedModels } from './pipeline.js';
import { runParams } from './run-params.js';
import { modelFile, pruneModels, userCacheDir, WEIGHTS_DIR, writeModel } from './store.js';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { params: { type: 'string' }, weights: { type: 'string' } } });
  const root = process.cwd();
  const file = path.resolve(values.params ?? path.join(root, 'params.yaml'));
  // --weights DIR: train into another folder (tests), never into the stage's output.
  const weightsDir = path.resolve(values.weights ?? WEIGHTS_DIR);
  mkdirSync(weightsDir, { recursive: true });
  const keep = new Set<string>();
  const started = performance.now();
  for (const p of runParams(file)) {
    for (let seed = 0; seed < p.seeds; seed++) {
      const models = await seedModels(p, seed, root, { readDirs: [weightsDir, userCacheDir()], writeDir: weightsDir, log: (m) => process.stderr.write(`[train ${reproduction.id}] ${m}\n`) });
      for (const model of Object.values(models)) {
        const target = modelFile(weightsDir, model.spec);
        if (!existsSync(target)) writeModel(weightsDir, model);
        // DVC empties weights/ before this stage reruns (it is not `persist`): the user cache keeps
        // what was trained, so a rerun for other params copies unchanged models instead of training.
        if (!existsSync(modelFile(userCacheDir(), model.spec))) writeModel(userCacheDir(), model);
        keep.add(target);
      }
    }
  }
  const removed = pruneModels(weightsDir, keep);
  process.stderr.write(`[train ${reproduction.id}] ${keep.size} models in ${path.relative(root, weightsDir)}${removed.length ? `, ${removed.length} stale removed` : ''}; ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

await main();
