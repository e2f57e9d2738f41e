/** The messages between the pool (pool.ts) and its worker processes (worker.ts). */
import type { BackendInfo } from '../backend/types.js';
import type { RunResult, RunTask } from './one-run.js';

export type FromParent = { type: 'task'; index: number; task: RunTask } | { type: 'stop' };
export type ToParent = { type: 'ready'; backend: BackendInfo } | { type: 'result'; index: number; result: RunResult };
