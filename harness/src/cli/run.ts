import { existsSync } from 'node:fs';
import path from 'node:path';
import { forcedBackend } from '../backend/env.js';
import { assertReplaceableOut, assertWritableParent } from '../runner/out.js';
import { readParamsFile } from '../params/load.js';
import { assertKnownId, loadReproduction } from '../registry/discover.js';
import { MAX_TIMEOUT_SECONDS, runInChild, type SpawnResult } from '../runner/spawn.js';
import { planRuns } from '../runner/plan.js';
import { DEFAULT_THREADS, MAX_THREADS, parseThreads } from '../runner/threads.js';
import { type FlagTable, intFlag, optionsOf, parseFlags, UsageError } from './args.js';
import type { Command } from './commands.js';
import { helpText } from './help.js';
import { projectRoot } from './root.js';

/** The option table: parsing, range checks, the usage line and the help all come from it. */
export const FLAGS = {
  params: { type: 'string', value: 'FILE', description: 'params file', default: 'params.yaml' },
  out: {
    type: 'string', value: 'DIR', default: 'results/<id>',
    description: 'results directory. It is replaced whole, so it must be new, empty, or a previous result of the same paper; ' +
      'results/ itself, the project root and its ancestors are refused with exit 2, nothing touched',
  },
  timeout: {
    type: 'string', value: 'SECONDS', description: 'kill the run after SECONDS seconds',
    range: { min: 1, max: MAX_TIMEOUT_SECONDS, unit: 'seconds' }, default: 1800,
  },
  memory: {
    type: 'string', value: 'MIB', description: 'heap cap of the child and of each worker, in MiB',
    range: { min: 64, max: 1_048_576, unit: 'MiB' }, default: 8192,
  },
  'seed-base': {
    type: 'string', value: 'N', description: 'shift all seeds by N, for fresh seeds in stability checks',
    range: { min: 0, max: 1_000_000_000 }, default: 0,
  },
  'keep-going': {
    type: 'boolean',
    description: 'if the run crashes, times out, runs out of memory or a worker process dies, record `error` verdicts with ' +
      'the reason and exit 0, so a pipeline goes on to the other papers and the report (dvc.yaml uses this; without it ' +
      'the exit is non-zero and the previous results are kept)',
  },
  jobs: {
    type: 'string', value: 'N', range: { min: 1, max: 256 }, default: 'REPRO_JOBS, else the number of cores',
    description: "run up to N of the distinct runs (claims' regimes, controls) at once in worker processes, the longest first as the " +
      'run-facts.json of the previous run in the output folder timed them; results are identical to --jobs 1',
  },
  threads: {
    type: 'string', value: 'N', range: { min: 1, max: MAX_THREADS }, default: `REPRO_THREADS, else ${DEFAULT_THREADS}`,
    description: 'compute threads of each run process. One thread per worker uses the cores without oversubscribing them, ' +
      'and keeps float32 results the same on any machine; raise it for --jobs 1 on big tensors',
  },
} satisfies FlagTable;

/** REPRO_BACKEND names a backend or is unset; anything else is a usage error, before any work. */
function checkBackendEnv(): void {
  try {
    forcedBackend(process.env);
  } catch (error) {
    throw new UsageError(`run: ${(error as Error).message}`);
  }
}

export const run: Command = {
  flags: FLAGS,
  help: helpText({
    command: 'run',
    positional: '<id>',
    flags: FLAGS,
    about: [
      'Runs the reproduction in a child process with the active profile of params.yaml, decides every claim and its ' +
        'negative control, and replaces results/<id>/ atomically. A crash, timeout or kill leaves the previous results ' +
        'untouched. Exit code 0 when results were written, whatever the verdicts (use `repro verify` to gate on verdicts); ' +
        '2 for bad params or ids; 1 otherwise.',
    ],
    notes: ['REPRO_BACKEND=native-gpu|webgpu|native|wasm|cpu forces a compute backend (webgpu: also a software adapter).'],
    examples: ['repro run mlbfgs', 'repro run mlbfgs --jobs 1 --seed-base 1000 --out /tmp/mlbfgs-fresh'],
  }),
  async run(args) {
    const { values, positionals } = parseFlags('run', args, optionsOf(FLAGS));
    if (positionals.length !== 1) throw new UsageError(`run: expected exactly one reproduction id, got ${positionals.length} (see 'repro list')`);
    const root = projectRoot();
    const [id] = positionals;
    // Every check before any work: flags, the backend variable, the id, the params file, the output folder.
    const timeoutSeconds = intFlag('run', 'timeout', FLAGS.timeout, values.timeout);
    const memoryMiB = intFlag('run', 'memory', FLAGS.memory, values.memory);
    const seedBase = intFlag('run', 'seed-base', FLAGS['seed-base'], values['seed-base']);
    // Without the flag, runInChild reads REPRO_JOBS (default: the number of cores).
    const jobs = intFlag('run', 'jobs', FLAGS.jobs, values.jobs);
    // Without the flag, runInChild reads REPRO_THREADS (default 1).
    const threads = values.threads === undefined ? undefined : parseThreads(values.threads, 'run: --threads');
    checkBackendEnv();
    assertKnownId(root, id);
    const paramsFile = values.params ? path.resolve(values.params) : path.join(root, 'params.yaml');
    if (!existsSync(paramsFile)) throw new UsageError(`run: params file ${path.relative(root, paramsFile) || paramsFile} does not exist${values.params ? '' : ' (the project\'s params.yaml)'}; pass --params FILE`);
    // Params are validated by the child before it starts any worker (a mistake is still reported in
    // about a second): validating here too would hold the child back by the time it takes to load
    // the paper's modules, on every run.
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
    // Exit 2 is a mistake in params or ids, which the child has reported: nothing to record, the user must fix it.
    if (result.exitCode === 2) {
      process.stderr.write(`repro: run ${id}: refused (the error above); previous results kept\n`);
      return 2;
    }
    const reason = failureReason(result);
    if (!values['keep-going']) {
      process.stderr.write(`repro: run ${id}: ${reason}; previous results kept\n`);
      return result.exitCode;
    }
    // The child validated the params before it failed; if it failed before that, a params mistake surfaces here (exit 2).
    const def = await loadReproduction(root, id);
    const paramsData = readParamsFile(paramsFile);
    const plan = planRuns(def, paramsData);
    // Loaded only on this path: it brings the whole claim-deciding machinery with it.
    const { writeFailureResults } = await import('../runner/failure.js');
    writeFailureResults(out, def, plan, { root, profile: paramsData.profile, reason, seconds: result.seconds });
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
