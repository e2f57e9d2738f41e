import * as tf from '@tensorflow/tfjs-core';
import { activate, coreVersions } from './activate.js';
import type { LoadedBackend } from './types.js';

/**
 * Loads @tensorflow/tfjs-node (the TensorFlow C library through its N-API binding, built by
 * scripts/setup-native.sh). Throws when the binding is missing or does not load.
 */
export async function loadNative(): Promise<LoadedBackend> {
  // TensorFlow's C++ logging reads this when the library loads: keep its INFO lines off stderr.
  process.env.TF_CPP_MIN_LOG_LEVEL ??= '2';
  const mod = await import('@tensorflow/tfjs-node');
  const tfn = mod.default ?? mod;
  if (tfn.engine() !== tf.engine()) {
    throw new Error(
      'tfjs-node uses another copy of @tensorflow/tfjs-core than the harness; run `npm ls @tensorflow/tfjs-core` and dedupe',
    );
  }
  await activate('tensorflow');
  const binding = (tf.backend() as unknown as { binding?: { TF_Version?: string } }).binding;
  return {
    tfBackend: 'tensorflow',
    versions: {
      ...coreVersions(),
      'tfjs-node': tfn.version['tfjs-node'] ?? 'unknown',
      tensorflow: binding?.TF_Version ?? 'unknown',
    },
  };
}
