import * as tf from '@tensorflow/tfjs-core';
import { activate, coreVersions } from './activate.js';
import type { LoadedBackend } from './types.js';

/**
 * Loads @tensorflow/tfjs-node (the TensorFlow C library through its N-API binding, built by
 * scripts/setup-native.sh). Throws when the binding is missing or does not load.
 */
export async function loadNative(): Promise<LoadedBackend> {
  return loadTensorflow('@tensorflow/tfjs-node', () => import('@tensorflow/tfjs-node'));
}

/**
 * Loads @tensorflow/tfjs-node-gpu: the same binding built against TensorFlow's CUDA wheel, with the
 * CUDA libraries from PyPI (REPRO_TFJS_PACKAGE=tfjs-node-gpu scripts/setup-native.sh). Without a
 * GPU device TensorFlow runs it on the CPU; `versions['gpu device']` says which.
 */
export async function loadNativeGpu(): Promise<LoadedBackend> {
  const loaded = await loadTensorflow('@tensorflow/tfjs-node-gpu', () => import('@tensorflow/tfjs-node-gpu'));
  const usingGpu = (tf.backend() as unknown as { isUsingGpuDevice?: boolean }).isUsingGpuDevice === true;
  return { ...loaded, versions: { ...loaded.versions, 'gpu device': usingGpu ? 'in use' : 'none (TensorFlow runs on the CPU)' } };
}

type TfjsNodeModule = { default?: TfjsNode } & TfjsNode;
interface TfjsNode { engine(): unknown; version: Record<string, string> }

async function loadTensorflow(name: string, load: () => Promise<unknown>): Promise<LoadedBackend> {
  // TensorFlow's C++ logging reads this when the library loads: keep its INFO lines off stderr.
  process.env.TF_CPP_MIN_LOG_LEVEL ??= '2';
  const mod = (await load()) as TfjsNodeModule;
  const tfn = mod.default ?? mod;
  if (tfn.engine() !== tf.engine()) {
    throw new Error(
      `${name} uses another copy of @tensorflow/tfjs-core than the harness; run \`npm ls @tensorflow/tfjs-core\` and dedupe`,
    );
  }
  await activate('tensorflow');
  const binding = (tf.backend() as unknown as { binding?: { TF_Version?: string } }).binding;
  return {
    tfBackend: 'tensorflow',
    versions: {
      ...coreVersions(),
      [name.replace('@tensorflow/', '')]: tfn.version['tfjs-node'] ?? 'unknown',
      tensorflow: binding?.TF_Version ?? 'unknown',
    },
  };
}
