import { describeBackend } from '../backend/describe.js';
import { selectBackend } from '../backend/select.js';
import { defaultJobs } from '../runner/spawn.js';
import { threadsFromEnv } from '../runner/threads.js';
import type { Command } from './commands.js';
import { forcedBackend } from '../backend/env.js';
import { UsageError } from './errors.js';

export const doctor: Command = {
  help: 'repro doctor\n\nLoads the compute backend as a run would (REPRO_BACKEND=native|wasm|cpu forces one) and describes it.',
  async run() {
    try {
      forcedBackend(process.env);
    } catch (error) {
      throw new UsageError(`doctor: ${(error as Error).message}`);
    }
    const info = await selectBackend();
    process.stdout.write(`${describeBackend(info)}\n`);
    process.stdout.write(`runs:              up to ${defaultJobs()} worker processes at once (--jobs, REPRO_JOBS), ${threadsFromEnv(process.env)} compute thread(s) each (--threads, REPRO_THREADS)\n`);
    return 0;
  },
};
