import * as tf from '@tensorflow/tfjs-core';
import { activate, coreVersions } from './activate.js';
import type { LoadedBackend } from './types.js';
import { wasmDistDir } from './paths.js';

/**
 * Loads @tensorflow/tfjs-backend-wasm. The .wasm binaries are read from the package's dist folder
 * as a file path (nothing is fetched). SIMD is used when the runtime validates it (Node 20 does);
 * tfjs disables the threaded build on Node, so this is single-threaded.
 */
export async function loadWasm(): Promise<LoadedBackend> {
  const mod = await import('@tensorflow/tfjs-backend-wasm');
  const wasm = mod.default ?? mod;
  wasm.setWasmPaths(wasmDistDir(), false);
  await activate('wasm');
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  const threads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
  return {
    tfBackend: 'wasm',
    versions: {
      ...coreVersions(),
      'tfjs-backend-wasm': wasm.version_wasm,
      'wasm-features': `simd=${simd}, threads=${threads}`,
    },
  };
}
