/**
 * Results memoized within one process by their full specification. The runner calls run() once
 * per distinct params set, in one process; a control that asks for a model already trained (the
 * same data stream, noise, radius and optimizer settings) gets that model back instead of training
 * an identical one again. Keys are canonical JSON, so anything that changes a result changes its key.
 */
import { stableJson } from '#harness';

const store = new Map<string, unknown>();

export function memoKey(spec: unknown): string {
  return stableJson(spec);
}

export function memoGet<T>(key: string): T | undefined {
  return store.get(key) as T | undefined;
}

export function memoSet<T>(key: string, value: T): T {
  store.set(key, value);
  return value;
}

export async function memo<T>(spec: unknown, compute: () => T | Promise<T>): Promise<T> {
  const key = memoKey(spec);
  if (store.has(key)) return store.get(key) as T;
  const value = await compute();
  store.set(key, value);
  return value;
}

/** For tests: forget everything. */
export function clearMemo(): void {
  store.clear();
}
