import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** Directory of an installed package (its package.json's folder), or null if not installed. */
export function packageDir(name: string): string | null {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    return null;
  }
}

/** Version of an installed package, or null. */
export function packageVersion(name: string): string | null {
  const dir = packageDir(name);
  if (dir === null) return null;
  return (require(join(dir, 'package.json')) as { version: string }).version;
}

/** N-API version the binding is built for by scripts/setup-native.sh (node-pre-gyp picks it too). */
export const NAPI_VERSION = 8;

/** Where tfjs-node (or tfjs-node-gpu) looks for its N-API binding, and whether it is there. */
export function nativeBindingPath(pkg: '@tensorflow/tfjs-node' | '@tensorflow/tfjs-node-gpu' = '@tensorflow/tfjs-node'): { path: string | null; exists: boolean } {
  const dir = packageDir(pkg);
  if (dir === null) return { path: null, exists: false };
  const path = join(dir, 'lib', `napi-v${NAPI_VERSION}`, 'tfjs_binding.node');
  return { path, exists: existsSync(path) };
}

/** The folder holding tfjs-backend-wasm's .wasm files, with a trailing slash (a file path). */
export function wasmDistDir(): string {
  return dirname(require.resolve('@tensorflow/tfjs-backend-wasm')) + '/';
}

/**
 * The event-loop pump the webgpu backend's synchronous reads need (harness/native/pump.c, built by
 * scripts/build-pump.sh into harness/native/build/). REPRO_PUMP_ADDON overrides the path.
 */
export function pumpAddonPath(env: NodeJS.ProcessEnv = process.env): string {
  const override = env.REPRO_PUMP_ADDON?.trim();
  if (override) return resolve(override);
  return fileURLToPath(new URL('../../native/build/pump.node', import.meta.url));
}
