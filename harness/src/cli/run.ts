import { existsSync } from 'node:fs';
import path from 'node:path';
import { forcedBackend } from '../backend/env.js';
import { assertReplaceableOut, assertWritableParent } from '../runner/out.js';
import { readParamsFile } from '../params/load.js';
import { assertKnownId, loadReproduction } from '../registry/discover.js';
import { MAX_TIMEOUT_SECONDS, runInChild, type SpawnResult } from '../runner/spawn.js';
import { planRuns } from '../runner/plan.js';
import { parseThreads } from '../runner/threads.js';
import { type FlagTable, intFlag, optionsOf, parseFlags, usageLine, UsageError } from './args.js';
import type { Command } from './commands.js';
import { projectRoot } from './root.js';

/** Ranges of the numeric flags, [min, max]; checked before any work starts. */
/** The option table: parsing and the usage line both come from it. */
export const FLAGS = {
  params: { type: 'string', value: 'FILE' },
  out: { type: 'string', value: 'DIR' },
  timeout: { type: 'string', value: 'SECONDS' },
  memory: { type: 'string', value: 'MIB' },
  'seed-base': { type: 'string', value: 'N' },
  'keep-going': { type: 'boolean' },
  jobs: { type: 'string', value: 'N' },
  threads: { type: 'string', value: 'N' },
} satisfies FlagTable;

export const LIMITS = {
  memory: [64, 1_048_576] as [number, number],
  seedBase: [0, 1_000_000_000] as [number, number],
  jobs: [1, 256] as [number, number],
};

/** REPRO_BACKEND names a backend or is unset; anything else is a usage error, before any work. */
function checkBackendEnv(): void {
  try {
    forcedBackend(process.env);
  } catch (error) {
    throw new UsageError(`run: ${(error as Error).message}`);
  }
}

export const run: Command = {
  help: [
    usageLine('run', FLAGS, '<id>'),
    '',
    'Runs the reproduction in a child process with the active profile of params.yaml, decides every',
    'claim and its negative control, and replaces results/<id>/ atomically. A crash, timeout or kill',
    'leaves the previous results untouched. Exit code 0 when results were written, whatever the verdicts',
    '(use `repro verify` to gate on verdicts); 2 for bad params or ids; 1 otherwise.',
    '',
    '  --params FILE     params file (default params.yaml)',
    '  --out DIR         results directory (default results/<id>). It is replaced whole, so it must be',
    '                    new, empty, or a previous result of the same paper; results/ itself, the',
    '                    project root and its ancestors are refused (exit 2, nothing touched)',
    `  --timeout S       kill the run after S seconds, 1 to ${MAX_TIMEOUT_SECONDS} (a day; default 1800)`,
    `  --memory MIB      heap cap of the child and of each worker, ${LIMITS.memory[0]} to ${LIMITS.memory[1]} (default 8192)`,
    `  --seed-base N     shift all seeds by N, 0 to ${LIMITS.seedBase[1]} (fresh seeds for stability checks)`,
    '  --jobs N          run up to N of the distinct runs (claims\' regimes, controls) at once in',
    `                    worker processes, 1 to ${LIMITS.jobs[1]} (default: REPRO_JOBS, else the number of`,
    '                    cores); results are identical to --jobs 1',
    '  --threads N       compute threads of each run process, 1 to 1024 (default: REPRO_THREADS, else 1). One',
    '                    thread per worker uses the cores without oversubscribing them, and keeps',
    '                    float32 results the same on any machine; raise it for --jobs 1 on big tensors',
    '  --keep-going      if the run crashes, times out, runs out of memory or a worker process dies,',
    '                    record `error` verdicts with the reason and exit 0, so a pipeline goes on to',
    '                    the other papers and the report (dvc.yaml uses this; without it the exit is',
    '                    non-zero and the previous results are kept)',
    '  REPRO_BACKEND=native-gpu|webgpu|native|wasm|cpu forces a compute backend (webgpu: also a software adapter).',
  ].join('\n'),
  async run(args) {
    const { values, positionals } = parseFlags('run', args, optionsOf(FLAGS));
    if (positionals.length !== 1) throw new UsageError(`run: expected exactly one reproduction id, got ${positionals.length} (see 'repro list')`);
    const root = projectRoot();
    const [id] = positionals;
    // Every check before any work: flags, the backend variable, the id, the params file, the output folder.
    const timeoutSeconds = intFlag('run', 'timeout', values.timeout, 1800, 1, MAX_TIMEOUT_SECONDS, 'seconds');
    const memoryMiB = intFlag('run', 'memory', values.memory, 8192, ...LIMITS.memory, 'MiB');
    const seedBase = intFlag('run', 'seed-base', values['seed-base'], 0, ...LIMITS.seedBase);
    const jobs = values.jobs === undefined ? undefined : intFlag('run', 'jobs', values.jobs, 1, ...LIMITS.jobs);
    // Without the flag, runInChild reads REPRO_THREADS (default 1).
    const threads = values.threads === undefined ? undefined : parseThreads(values.threads, 'run: --threads');
    checkBackendEnv();
    assertKnownId(root, id);
    const paramsFile = values.params ? path.resolve(values.params) : path.join(root, 'params.yaml');
    if (!existsSync(paramsFile)) throw new UsageError(`run: params file ${path.relative(root, paramsFile) || paramsFile} does not exist${values.params ? '' : ' (the project\'s params.yaml)'}; pass --params FILE`);
    // Params validated here, before the child and its workers start (a mistake is reported in about
    // a second instead of after TensorFlow has loaded); the child checks them again for itself.
    const def = await loadReproduction(root, id);
    const paramsData = readParamsFile(paramsFile);
    const plan = planRuns(def, paramsData);
    const out = values.out ? path.resolve(values.out) : path.join(root, 'results', id);
    if (values.out) assertReplaceableOut(root, id, out);
    assertWritableParent(out);
    const result = await runInChild({
      root,
      id,
      params: values.params ? paramsFile : undefined,
      out: values.out ? out : undefined,
      timeoutSeconds,
      memoryMiB,
      seedBase,
      jobs,
      threads,
      keepGoing: values['keep-going'] ?? false,
    });
    if (result.exitCode === 0) {
      const { controlsAgainstExpected } = await import('./run-summary.js');
      process.stderr.write(controlsAgainstExpected(root, id, out) ?? '');
      return 0;
    }
    const reason = failureReason(result);
    // Exit 2 is a mistake in params or ids: nothing to record, the user must fix it.
    if (!values['keep-going'] || result.exitCode === 2) {
      process.stderr.write(`repro: run ${id}: ${reason}; previous results kept\n`);
      return result.exitCode;
    }
    const profile = paramsData.profile;
    // Loaded only on this path: it brings the whole claim-deciding machinery with it.
    const { writeFailureResults } = await import('../runner/failure.js');
    writeFailureResults(out, def, plan, { root, profile, reason, seconds: result.seconds });
    process.stderr.write(`repro: run ${id}: ${reason}; recorded as error verdicts (--keep-going)\n`);
    return 0;
  },
};

function failureReason(r: SpawnResult): string {
  if (r.timedOut) return `timed out after ${r.seconds.toFixed(0)} s`;
  if (r.signal) return `killed by ${r.signal} after ${r.seconds.toFixed(0)} s${r.signal === 'SIGABRT' || r.outOfMemory ? ' (out of memory?)' : ''}`;
  if (r.outOfMemory) return `ran out of memory after ${r.seconds.toFixed(0)} s (see --memory)`;
  return `the run failed with exit code ${r.exitCode} after ${r.seconds.toFixed(0)} s`;
}
