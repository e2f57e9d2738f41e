/**
 * Gets the three trained models of one seed: from memory (earlier runs of this process), from
 * disk (see store.ts), or by training them, in dependency order (the autoencoder first). Only
 * what is missing is trained: a control that changes λ_σ retrains the severity encoder alone.
 */
import { getTf } from '#harness/tf';
import { loadSplit } from '../digits.js';
import { trainAutoencoder, type Trained } from './autoencoder.js';
import { trainDiffusion } from './diffusion.js';
import type { Tf, Weights } from './mlp.js';
import { trainSeverityEncoder } from './severity-encoder.js';
import { specsFor, type ModelSpec, type TrainingParams } from './specs.js';
import { isLocked, modelFile, modelKey, readModel, tryLock, userCacheDir, WEIGHTS_DIR, writeModel, type StoredModel } from './store.js';

export interface StoreOptions {
  /** Where to look, in order. */
  readDirs: string[];
  /** Where to write what had to be trained. */
  writeDir: string;
  log?: (message: string) => void;
}

/** A run's store: read the training stage's weights, then the user cache; write to the user cache. */
export const runStore = (log?: (m: string) => void): StoreOptions => ({ readDirs: [WEIGHTS_DIR, userCacheDir()], writeDir: userCacheDir(), log });

export interface SeedModels { autoencoder: StoredModel; severity: StoredModel; diffusion: StoredModel }

const memory = new Map<string, StoredModel>();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function find(spec: ModelSpec, dirs: readonly string[]): StoredModel | null {
  const key = modelKey(spec);
  const hit = memory.get(key);
  if (hit) return hit;
  for (const dir of dirs) {
    const model = readModel(dir, spec);
    if (model) {
      memory.set(key, model);
      return model;
    }
  }
  return null;
}

async function obtain(spec: ModelSpec, train: (tf: Tf) => Trained, store: StoreOptions): Promise<StoredModel> {
  for (;;) {
    const found = find(spec, [...store.readDirs, store.writeDir]);
    if (found) return found;
    const file = modelFile(store.writeDir, spec);
    const unlock = tryLock(file);
    if (!unlock) {
      // Another process is training this very model: wait for its file (or for it to give up).
      while (isLocked(file) && !find(spec, [store.writeDir])) await sleep(500);
      continue;
    }
    try {
      const again = find(spec, [store.writeDir]);
      if (again) return again;
      store.log?.(`training ${spec.kind} (${modelKey(spec)})`);
      const tf = await getTf();
      const started = performance.now();
      const trained = train(tf);
      const model: StoredModel = { spec, key: modelKey(spec), weights: trained.weights, history: trained.history, seconds: (performance.now() - started) / 1000 };
      writeModel(store.writeDir, model);
      memory.set(model.key, model);
      store.log?.(`trained ${spec.kind} in ${(model.seconds ?? 0).toFixed(1)} s`);
      return model;
    } finally {
      unlock();
    }
  }
}

export async function seedModels(p: TrainingParams, seed: number, root: string, store: StoreOptions): Promise<SeedModels> {
  const specs = specsFor(p, seed);
  let train: Float32Array[] | null = null;
  const trainSet = () => (train ??= loadSplit(root, p.test_images, seed).train);
  const autoencoder = await obtain(specs.autoencoder, (tf) => trainAutoencoder(tf, specs.autoencoder, trainSet()), store);
  const ae: Weights = autoencoder.weights;
  const severity = await obtain(specs.severity, (tf) => trainSeverityEncoder(tf, specs.severity, ae, trainSet()), store);
  const diffusion = await obtain(specs.diffusion, (tf) => trainDiffusion(tf, specs.diffusion, ae, trainSet()), store);
  return { autoencoder, severity, diffusion };
}

/** For tests: forget the in-memory copies. */
export function clearModelMemory(): void {
  memory.clear();
}
