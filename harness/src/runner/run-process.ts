/**
 * The run process: the one process `repro run` spawns (spawn.ts) for one reproduction, start to
 * finish. It plans the runs, does them here or on a pool of worker processes (worker.ts), decides
 * the claims and writes results/<id>/. Exits 0 when results were written (whatever the verdicts),
 * 2 on bad params or ids, 1 on anything else.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { selectBackend } from '../backend/select.js';
import { readParamsFile } from '../params/load.js';
import { loadReproduction } from '../registry/discover.js';
import { execute, type ExecuteOutput } from './execute.js';
import { WorkerPool } from './pool.js';
import { planRuns } from './plan.js';
import { previousRunSeconds } from './schedule.js';
import type { BackendInfo } from '../backend/types.js';
import { provenanceOf, runFactsOf } from './provenance.js';
import { writeResults } from './write.js';
import { exitWithParent } from './orphan.js';
import { threadsFromEnv } from './threads.js';
import { exitCodeOf, formatError } from '../errors.js';

async function main(): Promise<void> {
  // This process leads its own group (spawn.ts): if the parent is killed, take the workers down too.
  exitWithParent({ killGroup: true });
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { root: { type: 'string' }, params: { type: 'string' }, out: { type: 'string' }, 'seed-base': { type: 'string' }, jobs: { type: 'string' }, 'keep-going': { type: 'boolean' } },
  });
  const [id] = positionals;
  const root = path.resolve(values.root ?? process.cwd());
  const params = readParamsFile(path.resolve(root, values.params ?? 'params.yaml'));
  const def = await loadReproduction(root, id);
  // Params first, before any worker starts loading TensorFlow: a mistake is reported in a second.
  const plan = planRuns(def, params);
  const out = path.resolve(root, values.out ?? path.join('results', id));
  const started = new Date();
  const jobs = Number(values.jobs ?? 1);
  // With workers, they start loading now (in parallel with this process's checks), and this
  // process never loads TensorFlow: it records the backend the workers report.
  const runs = plan.runs.length;
  const pool = jobs > 1 && runs > 1 ? new WorkerPool({ root, id, size: Math.min(jobs, runs), keepGoing: values['keep-going'] ?? false }) : null;
  let output: ExecuteOutput;
  let backend: BackendInfo;
  try {
    backend = (pool ? await pool.backend : null) ?? (await selectBackend());
    if (backend.note) process.stderr.write(`[${id}] backend: ${backend.name} (${backend.note})\n`);
    output = await execute(def, { plan, profile: params.profile, backend: backend.name, seedBase: Number(values['seed-base'] ?? 0), pool: pool ?? undefined, previousSeconds: previousRunSeconds(out), root });
  } catch (error) {
    pool?.close();
    throw error;
  }
  const durationSeconds = (Date.now() - started.getTime()) / 1000;
  writeResults(out, output, provenanceOf({
    reproduction: id,
    profile: params.profile,
    backend,
    seeds: output.seeds,
    params: output.sectionParams,
    threadsPerProcess: threadsFromEnv(process.env),
    runs: output.runs,
  }), runFactsOf({ reproduction: id, root, startedAt: started, durationSeconds, jobs, runs: output.runs }));
  const m = output.metrics;
  process.stderr.write(`[${id}] ${m.verdicts.pass} pass, ${m.verdicts.fail} fail, ${m.verdicts.inconclusive} inconclusive, ${m.verdicts.error} error; controls as expected ${m.controls_as_expected}/${m.controls_total}; ${durationSeconds.toFixed(1)} s\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${formatError(error)}\n`);
  process.exit(exitCodeOf(error));
});
