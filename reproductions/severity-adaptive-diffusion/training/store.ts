/**
 * Trained weights on disk, one JSON file per model named `<kind>-<key>.json`, where the key
 * hashes the model's spec (with its upstream specs) and the source of the training code. Two
 * places are read: `weights/` beside this folder (the output of the DVC stage that trains the
 * models, see training/cli.ts) and a per-user cache (REPRO_MODEL_CACHE, else the OS temp dir),
 * which is where a run that found no weights writes what it trained: a run never writes into
 * its own reproduction folder, which is a dependency of its DVC stage.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stableJson } from '#harness';
import type { Weights } from './mlp.js';
import type { ModelSpec } from './specs.js';

const FOLDER = fileURLToPath(new URL('..', import.meta.url));

/** The DVC-tracked output of the training stage. */
export const WEIGHTS_DIR = path.join(FOLDER, 'weights');

export function userCacheDir(): string {
  return process.env.REPRO_MODEL_CACHE ?? path.join(os.tmpdir(), 'repro-model-cache', 'severity-adaptive-diffusion');
}

/** The sources whose numbers a trained model depends on (test/store.test.ts checks this list against the folder). */
export const TRAINING_SOURCES = [
  'digits.ts', 'blur.ts', 'schedule.ts',
  '../../harness/src/optim/flat-adam.ts', 'training/autoencoder.ts', 'training/diffusion.ts', 'training/mlp.ts', 'training/networks.ts', 'training/severity-encoder.ts', 'training/specs.ts',
] as const;

/** Training files that move weights around without changing them. */
export const PLUMBING_SOURCES = ['training/cli.ts', 'training/pipeline.ts', 'training/run-params.ts', 'training/store.ts'] as const;

let codeHashMemo: string | null = null;
export function codeHash(): string {
  if (codeHashMemo === null) {
    const h = createHash('sha256');
    for (const f of TRAINING_SOURCES) h.update(f).update('\0').update(readFileSync(path.join(FOLDER, f))).update('\0');
    codeHashMemo = h.digest('hex');
  }
  return codeHashMemo;
}

export function modelKey(spec: ModelSpec): string {
  return createHash('sha256').update(stableJson(spec)).update(codeHash()).digest('hex').slice(0, 20);
}

export const modelFile = (dir: string, spec: ModelSpec): string => path.join(dir, `${spec.kind}-${modelKey(spec)}.json`);

/** `seconds`: how long training took, for the log; never written, so the same model is the same bytes. */
export interface StoredModel { spec: ModelSpec; key: string; weights: Weights; history: number[]; seconds?: number }

/**
 * On disk: everything the numbers depend on and nothing else (no timings, dates or host), so
 * that the training stage's output hashes the same on every machine with the same backend.
 */
interface ModelJson { spec: ModelSpec; key: string; history: number[]; weights: Record<string, { shape: number[]; base64: string }> }

export function readModel(dir: string, spec: ModelSpec): StoredModel | null {
  const file = modelFile(dir, spec);
  if (!existsSync(file)) return null;
  const json = JSON.parse(readFileSync(file, 'utf8')) as ModelJson;
  if (json.key !== modelKey(spec)) throw new Error(`${file}: stored key ${json.key} does not match its spec (${modelKey(spec)}); delete the file`);
  const weights: Weights = {};
  for (const [name, { shape, base64 }] of Object.entries(json.weights)) {
    const bytes = Buffer.from(base64, 'base64');
    weights[name] = { shape, data: new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)) };
  }
  return { spec: json.spec, key: json.key, weights, history: json.history };
}

/** Written to a temporary name and renamed, so a reader never sees half a file. */
export function writeModel(dir: string, model: StoredModel): string {
  mkdirSync(dir, { recursive: true });
  const file = modelFile(dir, model.spec);
  const weights = Object.fromEntries(Object.entries(model.weights).map(([k, v]) => [k, { shape: v.shape, base64: Buffer.from(v.data.buffer, v.data.byteOffset, v.data.byteLength).toString('base64') }]));
  const json: ModelJson = { spec: model.spec, key: model.key, history: model.history, weights };
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(json)}\n`);
  renameSync(tmp, file);
  return file;
}

/** Delete model files in `dir` whose names are not in `keep` (the training stage's outputs stay exactly what params ask for). */
export function pruneModels(dir: string, keep: ReadonlySet<string>): string[] {
  if (!existsSync(dir)) return [];
  const removed = readdirSync(dir).filter((f) => f.endsWith('.json') && !keep.has(path.join(dir, f)));
  for (const f of removed) rmSync(path.join(dir, f));
  return removed;
}

/**
 * An exclusive lock file beside the model, so parallel runs (the runner's worker processes) do
 * not train the same model twice. A lock older than `staleMs` is taken over.
 */
export function tryLock(file: string, staleMs = 30 * 60_000): (() => void) | null {
  const lock = `${file}.lock`;
  mkdirSync(path.dirname(lock), { recursive: true });
  try {
    closeSync(openSync(lock, 'wx'));
  } catch {
    try {
      if (Date.now() - statSync(lock).mtimeMs < staleMs) return null;
      rmSync(lock, { force: true });
      closeSync(openSync(lock, 'wx'));
    } catch {
      return null;
    }
  }
  return () => rmSync(lock, { force: true });
}

export const isLocked = (file: string): boolean => existsSync(`${file}.lock`);
