import path from 'node:path';
import { readParamsFile } from '../params/load.js';
import { assertKnownId, loadReproduction } from '../registry/discover.js';
import { runInChild, type SpawnResult } from '../runner/spawn.js';
import { parseThreads } from '../runner/threads.js';
import { intFlag, parseFlags } from './args.js';
import type { Command } from './commands.js';
import { UsageError } from './errors.js';
import { projectRoot } from './root.js';

export const run: Command = {
  help: [
    'repro run <id> [--params FILE] [--out DIR] [--timeout SECONDS] [--memory MIB] [--seed-base N]',
    '',
    'Runs the reproduction in a child process with the active profile of params.yaml, decides every',
    'claim and its negative control, and replaces results/<id>/ atomically. A crash, timeout or kill',
    'leaves the previous results untouched. Exit code 0 when results were written, whatever the verdicts',
    '(use `repro verify` to gate on verdicts); 2 for bad params or ids; 1 otherwise.',
    '',
    '  --params FILE     params file (default params.yaml)',
    '  --out DIR         results directory (default results/<id>)',
    '  --timeout S       kill the run after S seconds (default 1800)',
    '  --memory MIB      heap cap of the child (default 8192)',
    '  --seed-base N     shift all seeds by N (fresh seeds for stability checks)',
    '  --jobs N          run up to N of the distinct runs (claims\' regimes, controls) at once in',
    '                    worker processes (default: REPRO_JOBS, else the number of cores); results',
    '                    are identical to --jobs 1',
    '  --threads N       compute threads of each run process (default: REPRO_THREADS, else 1). One',
    '                    thread per worker uses the cores without oversubscribing them, and keeps',
    '                    float32 results the same on any machine; raise it for --jobs 1 on big tensors',
    '  --keep-going      if the run crashes, times out or runs out of memory, record `error` verdicts',
    '                    with the reason and exit 0, so a pipeline goes on to the other papers and',
    '                    the report (dvc.yaml uses this; without it, previous results are kept)',
    '  REPRO_BACKEND=native-gpu|webgpu|native|wasm|cpu forces a compute backend (webgpu: also a software adapter).',
  ].join('\n'),
  async run(args) {
    const { values, positionals } = parseFlags('run', args, {
      params: { type: 'string' }, out: { type: 'string' }, timeout: { type: 'string' }, memory: { type: 'string' }, 'seed-base': { type: 'string' }, 'keep-going': { type: 'boolean' }, jobs: { type: 'string' }, threads: { type: 'string' },
    });
    if (positionals.length !== 1) throw new UsageError(`run: expected exactly one reproduction id, got ${positionals.length} (see 'repro list')`);
    const root = projectRoot();
    const [id] = positionals;
    assertKnownId(root, id);
    const result = await runInChild({
      root,
      id,
      params: values.params ? path.resolve(values.params) : undefined,
      out: values.out ? path.resolve(values.out) : undefined,
      timeoutSeconds: intFlag('run', 'timeout', values.timeout, 1800, 1),
      memoryMiB: intFlag('run', 'memory', values.memory, 8192, 64),
      seedBase: intFlag('run', 'seed-base', values['seed-base'], 0),
      jobs: values.jobs === undefined ? undefined : intFlag('run', 'jobs', values.jobs, 1, 1),
      // Without the flag, runInChild reads REPRO_THREADS (default 1).
      threads: values.threads === undefined ? undefined : parseThreads(values.threads, 'run: --threads'),
    });
    if (result.exitCode === 0) return 0;
    const reason = failureReason(result);
    // Exit 2 is a mistake in params or ids: nothing to record, the user must fix it.
    if (!values['keep-going'] || result.exitCode === 2) {
      process.stderr.write(`repro: run ${id}: ${reason}; previous results kept\n`);
      return result.exitCode;
    }
    const def = await loadReproduction(root, id);
    const profile = readParamsFile(values.params ? path.resolve(values.params) : path.join(root, 'params.yaml')).profile;
    // Loaded only on this path: it brings the whole claim-deciding machinery with it.
    const { writeFailureResults } = await import('../runner/failure.js');
    writeFailureResults(values.out ? path.resolve(values.out) : path.join(root, 'results', id), def, { root, profile, reason, seconds: result.seconds });
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
