/**
 * Picks the tfjs backend for this process: native TensorFlow's CUDA build (on a machine with an
 * NVIDIA GPU), then WebGPU (on a machine with a GPU device, and only with a hardware adapter),
 * then native TensorFlow on the CPU, then wasm, then plain-JS cpu.
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
 * REPRO_BACKEND=native-gpu|webgpu|native|wasm|cpu forces a backend; if that one fails to load this
 * throws, with no fallback. REPRO_BACKEND=webgpu accepts a software adapter (Mesa's lavapipe), which
 * automatic selection skips. Otherwise `prefer` is tried first, then the rest in the order
 * native-gpu (only with an NVIDIA GPU), webgpu (only with a GPU device), native, wasm, cpu; `note`
 * says in one line why each faster one was skipped.
 */
import { ensureChainedOps } from './chained-ops.js';
import { loadCpu } from './cpu.js';
import { BACKEND_ENV, forcedBackend } from './env.js';
import { shortError } from './errors.js';
import { gpuDevicePresent, nvidiaGpus } from './gpu.js';
import { loadNative, loadNativeGpu } from './native.js';
import { BACKEND_NAMES, type BackendInfo, type BackendName, type LoadedBackend } from './types.js';
import { loadWasm } from './wasm.js';
import { loadWebgpu } from './webgpu.js';

export type { BackendInfo, BackendName } from './types.js';

const LOADERS: Record<BackendName, (forced: boolean) => Promise<LoadedBackend>> = {
  'native-gpu': loadNativeGpu,
  webgpu: (forced) => loadWebgpu({ allowSoftware: forced }),
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
      const loaded = await LOADERS[forced](true);
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
  // Without a GPU the CUDA build and WebGPU are not candidates (not a fallback worth a note on
  // every run; and loading Dawn only to find a software adapter costs every process time).
  const candidates = BACKEND_NAMES.filter(
    (n) =>
      prefer === n ||
      (n === 'native-gpu' ? nvidiaGpus().length > 0 : n === 'webgpu' ? gpuDevicePresent() : true),
  );
  const order = prefer ? [prefer, ...candidates.filter((n) => n !== prefer)] : candidates;
  const skipped: string[] = [];
  for (const name of order) {
    try {
      const loaded = await LOADERS[name](false);
      const note = skipped.length ? `using ${name}; ${skipped.join('; ')}` : null;
      return { name, ...loaded, note };
    } catch (err) {
      skipped.push(`${name} unavailable: ${shortError(err)}`);
    }
  }
  throw new Error(`no tfjs backend could be loaded: ${skipped.join('; ')}`);
}
