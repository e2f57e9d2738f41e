import * as tf from '@tensorflow/tfjs-core';
import { activate, coreVersions } from './activate.js';
import type { LoadedBackend } from './types.js';

/** Loads @tensorflow/tfjs-backend-cpu: plain JavaScript, always available, slowest. */
export async function loadCpu(): Promise<LoadedBackend> {
  const mod = await import('@tensorflow/tfjs-backend-cpu');
  const cpu = mod.default ?? mod;
  await activate('cpu');
  // Silence tfjs-backend-cpu's one-time "install our node backend" banner: selectBackend already
  // tried native and the note says why it was skipped.
  (tf.backend() as unknown as { firstUse?: boolean }).firstUse = false;
  return { tfBackend: 'cpu', versions: { ...coreVersions(), 'tfjs-backend-cpu': cpu.version_cpu } };
}
