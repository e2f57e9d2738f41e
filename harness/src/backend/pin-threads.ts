/**
 * Import this first in an entry point that loads TensorFlow outside `repro run` (the runner sets
 * the same variables for its child and workers): it sizes TensorFlow's thread pools from
 * REPRO_THREADS (default 1) before the library loads, so that what such a process computes does
 * not depend on the machine's core count either. See runner/threads.ts for why one thread.
 */
import { threadEnv, threadsFromEnv } from '../runner/threads.js';

Object.assign(process.env, threadEnv(threadsFromEnv(process.env)));
