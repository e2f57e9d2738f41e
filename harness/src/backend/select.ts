/**
 * Picks the tfjs backend for this process: native TensorFlow (its CUDA build first, on a machine
 * with an NVIDIA GPU), then wasm, then plain-JS cpu.
 *
 * ONE tfjs-core. `npm ls @tensorflow/tfjs-core` shows a single deduped 4.22.0 copy: tfjs-node
 * (through @tensorflow/tfjs), tfjs-backend-wasm, tfjs-backend-cpu and the harness all resolve
 * `@tensorflow/tfjs-core` to node_modules/@tensorflow/tfjs-core/dist/tf-core.node.js (the package
 * has no "exports" map, so ESM `import` and CJS `require` load the same CommonJS module). Hence:
 *
 *   await selectBackend();                        // once, before any tensor is made
 *   import * as tf from '@tensorflow/tfjs-core';  // anywhere: same engine, backend already set
 *
 * or `const tf = await getTf()` from ./tf.ts, which does both. loadNative() checks that tfjs-node's
 * engine is the harness's engine and fails loudly if a second copy ever appears.
 *
 * One backend per process: the first call decides and later calls return the same answer, whatever
 * they prefer. To compare backends, run one child process per backend with REPRO_BACKEND set.
 *
 * Chained ops (`x.sum()`) are registered whatever the backend (see chained-ops.ts).
 *
 * REPRO_BACKEND=native-gpu|native|wasm|cpu forces a backend; if that one fails to load this throws,
 * with no fallback. Otherwise `prefer` is tried first, then the rest in the order native-gpu (only
 * with a GPU), native, wasm, cpu; `note` says in one line why each faster one was skipped.
 */
import { ensureChainedOps } from './chained-ops.js';
import { loadCpu } from './cpu.js';
import { BACKEND_ENV, forcedBackend } from './env.js';
import { shortError } from './errors.js';
import { nvidiaGpus } from './gpu.js';
import { loadNative, loadNativeGpu } from './native.js';
import { BACKEND_NAMES, type BackendInfo, type BackendName, type LoadedBackend } from './types.js';
import { loadWasm } from './wasm.js';

export type { BackendInfo, BackendName } from './types.js';

const LOADERS: Record<BackendName, () => Promise<LoadedBackend>> = {
  'native-gpu': loadNativeGpu,
  native: loadNative,
  wasm: loadWasm,
  cpu: loadCpu,
};

let selection: Promise<BackendInfo> | null = null;

export function selectBackend(opts: { prefer?: BackendName } = {}): Promise<BackendInfo> {
  if (selection === null) {
    selection = choose(opts.prefer);
    // A failed selection may be retried (e.g. after fixing REPRO_BACKEND); a success is final.
    selection.catch(() => {
      selection = null;
    });
  }
  return selection;
}

async function choose(prefer: BackendName | undefined): Promise<BackendInfo> {
  const forced = forcedBackend();
  await ensureChainedOps();
  if (forced !== null) {
    try {
      const loaded = await LOADERS[forced]();
      return { name: forced, ...loaded, note: `forced by ${BACKEND_ENV}=${forced}` };
    } catch (err) {
      throw new Error(`${BACKEND_ENV}=${forced} but the ${forced} backend failed to load: ${shortError(err)}`, {
        cause: err,
      });
    }
  }
  if (prefer !== undefined && !BACKEND_NAMES.includes(prefer)) {
    throw new Error(`selectBackend: prefer must be one of ${BACKEND_NAMES.join(', ')}, got ${String(prefer)}`);
  }
  // Without a GPU the CUDA build is not a candidate (not a fallback worth a note on every run).
  const candidates = BACKEND_NAMES.filter((n) => n !== 'native-gpu' || prefer === 'native-gpu' || nvidiaGpus().length > 0);
  const order = prefer ? [prefer, ...candidates.filter((n) => n !== prefer)] : candidates;
  const skipped: string[] = [];
  for (const name of order) {
    try {
      const loaded = await LOADERS[name]();
      const note = skipped.length ? `using ${name}; ${skipped.join('; ')}` : null;
      return { name, ...loaded, note };
    } catch (err) {
      skipped.push(`${name} unavailable: ${shortError(err)}`);
    }
  }
  throw new Error(`no tfjs backend could be loaded: ${skipped.join('; ')}`);
}
