import * as tf from '@tensorflow/tfjs-core';
import { captureWarnings } from './errors.js';

/**
 * Makes a registered tfjs backend the active one, throwing (instead of tfjs's warn-and-return-
 * false) with the reason when its initialisation fails.
 */
export async function activate(tfBackend: string): Promise<void> {
  if (tf.findBackendFactory(tfBackend) === null) {
    throw new Error(`tfjs backend '${tfBackend}' was not registered by its package`);
  }
  const { value: ok, warnings } = await captureWarnings(() => tf.setBackend(tfBackend));
  if (!ok || tf.getBackend() !== tfBackend) {
    throw new Error(`tf.setBackend('${tfBackend}') failed: ${warnings.join('; ') || 'no reason given'}`);
  }
  await tf.ready();
}

/** The versions every backend reports. */
export function coreVersions(): Record<string, string> {
  return { 'tfjs-core': tf.version_core, node: process.versions.node };
}
