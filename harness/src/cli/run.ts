import path from 'node:path';
import { assertKnownId } from '../registry/discover.js';
import { runInChild } from '../runner/spawn.js';
import { intFlag, parseFlags } from './args.js';
import type { Command } from './commands.js';
import { UsageError } from './errors.js';
import { projectRoot } from './root.js';

export const run: Command = {
  name: 'run',
  summary: 'run one reproduction and decide its claims (writes results/<id>/)',
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
    '  REPRO_BACKEND=native|wasm|cpu forces a compute backend.',
  ].join('\n'),
  async run(args) {
    const { values, positionals } = parseFlags('run', args, {
      params: { type: 'string' }, out: { type: 'string' }, timeout: { type: 'string' }, memory: { type: 'string' }, 'seed-base': { type: 'string' },
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
    });
    if (result.timedOut) process.stderr.write(`repro: run ${id} timed out after ${result.seconds.toFixed(0)} s; previous results kept\n`);
    else if (result.exitCode !== 0) process.stderr.write(`repro: run ${id} failed (exit ${result.exitCode}); previous results kept\n`);
    return result.exitCode;
  },
};
