import { describeBackend } from '../backend/describe.js';
import { selectBackend } from '../backend/select.js';
import { probeAdapter, type AdapterFacts } from '../backend/webgpu.js';
import { bundleFolder } from '../runner/entries.js';
import { defaultJobs } from '../runner/spawn.js';
import { threadsFromEnv } from '../runner/threads.js';
import type { Command } from './commands.js';
import { forcedBackend } from '../backend/env.js';
import { type FlagTable, optionsOf, parseFlags, UsageError } from './args.js';
import { helpText } from './help.js';
import { projectRoot } from './root.js';
import path from 'node:path';

/** None: declared all the same, so that a stray flag is an error rather than ignored. */
export const FLAGS = {} satisfies FlagTable;

export const doctor: Command = {
  flags: FLAGS,
  help: helpText({
    command: 'doctor',
    flags: FLAGS,
    about: [
      'Loads the compute backend as a run would (REPRO_BACKEND=native-gpu|webgpu|native|wasm|cpu forces one) and ' +
        'describes it; when it is not webgpu, also asks Dawn for a WebGPU adapter and shows it (or why there is none).',
    ],
    examples: ['REPRO_BACKEND=wasm repro doctor'],
  }),
  async run(args) {
    parseFlags('doctor', args, optionsOf(FLAGS));
    try {
      forcedBackend(process.env);
    } catch (error) {
      throw new UsageError(`doctor: ${(error as Error).message}`);
    }
    const info = await selectBackend();
    let webgpu: AdapterFacts | string | undefined;
    if (info.name !== 'webgpu') {
      try {
        webgpu = await probeAdapter();
      } catch (err) {
        webgpu = err instanceof Error ? err.message.split('\n')[0] : String(err);
      }
    }
    const text = describeBackend(info, webgpu);
    // Align with describeBackend's value column (wider when the WebGPU rows are there).
    const column = /^backend:\s+/.exec(text)?.[0].length ?? 19;
    process.stdout.write(`${text}\n`);
    process.stdout.write(`${'runs:'.padEnd(column)}up to ${defaultJobs()} worker processes at once (--jobs, REPRO_JOBS), ${threadsFromEnv(process.env)} compute thread(s) each (--threads, REPRO_THREADS)\n`);
    const bundle = bundleFolder();
    const code = bundle
      ? `the esbuild bundle in ${path.relative(projectRoot(), bundle) || bundle} (rebuilt when any of its sources changes; REPRO_BUNDLE=0 runs the sources through tsx)`
      : 'the TypeScript sources through tsx (the bundle serves only commands run in this checkout\'s root, and not under REPRO_BUNDLE=0)';
    process.stdout.write(`${'code:'.padEnd(column)}${code}\n`);
    return 0;
  },
};
