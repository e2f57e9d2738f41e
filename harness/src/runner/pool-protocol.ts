/** The messages between the pool (pool.ts) and its worker processes (variant-child.ts). */
import type { BackendInfo } from '../backend/types.js';
import type { VariantResult, VariantTask } from './variant.js';

export type FromParent = { type: 'task'; index: number; task: VariantTask } | { type: 'stop' };
export type ToParent = { type: 'ready'; backend: BackendInfo } | { type: 'result'; index: number; result: VariantResult };
