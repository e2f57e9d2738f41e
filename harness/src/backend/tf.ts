import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from './select.js';
import type { BackendName } from './types.js';

/**
 * The tfjs-core namespace with a backend selected (once per process, see select.ts). Equivalent to
 * `await selectBackend(); import * as tf from '@tensorflow/tfjs-core'`: there is one tfjs-core.
 */
export async function getTf(opts: { prefer?: BackendName } = {}): Promise<typeof tf> {
  await selectBackend(opts);
  return tf;
}

export { tf };
