import { BACKEND_NAMES, type BackendName } from './types.js';

/** Name of the environment variable that forces one backend (no silent fallback). */
export const BACKEND_ENV = 'REPRO_BACKEND';

/**
 * The backend forced by `REPRO_BACKEND`, or null when it is unset or empty.
 * Throws on any other value, naming the variable, the value and the allowed values.
 */
export function forcedBackend(env: NodeJS.ProcessEnv = process.env): BackendName | null {
  const raw = env[BACKEND_ENV];
  if (raw === undefined || raw.trim() === '') return null;
  const value = raw.trim().toLowerCase();
  if ((BACKEND_NAMES as readonly string[]).includes(value)) return value as BackendName;
  throw new Error(
    `${BACKEND_ENV}=${JSON.stringify(raw)} is not a backend; allowed values: ${BACKEND_NAMES.join(', ')} ` +
      `(or leave it unset to pick the fastest that loads)`,
  );
}
