/**
 * The run process: the one process `repro run` spawns (spawn.ts) for one reproduction, start to
 * finish. It plans the runs, does them here or on a pool of worker processes (worker.ts), decides
 * the claims and writes results/<id>/. Exits 0 when results were written (whatever the verdicts),
 * 2 on bad params or ids, 1 on anything else.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { BackendInfo } from '../backend/types.js';
import { exitCodeOf, formatError } from '../errors.js';
import type { ExecuteOutput } from './execute.js';
import { exitWithParent } from './orphan.js';
import { WorkerPool } from './pool.js';

/**
 * Workers started before the plan says how many runs there are: enough to keep a small machine
 * busy, few enough that a big --jobs does not start dozens of TensorFlows for a three-run paper.
 */
const EARLY_WORKERS = 4;

async function main(): Promise<void> {
  // This process leads its own group (spawn.ts): if the parent is killed, take the workers down too.
  exitWithParent({ killGroup: true });
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { root: { type: 'string' }, params: { type: 'string' }, out: { type: 'string' }, 'seed-base': { type: 'string' }, jobs: { type: 'string' }, 'keep-going': { type: 'boolean' } },
  });
  const [id] = positionals;
  const root = path.resolve(values.root ?? process.cwd());
  const jobs = Number(values.jobs ?? 1);
  // Workers start loading first: TensorFlow, tsx and the paper's modules take a worker a second
  // or two, and this process's own loading and planning (about as long) now happens meanwhile
  // instead of before. A params mistake still ends the run before any work: the pool is closed,
  // its half-loaded workers killed, and the error reported as before (exit 2).
  const pool = jobs > 1 ? new WorkerPool({ root, id, size: Math.min(jobs, EARLY_WORKERS), keepGoing: values['keep-going'] ?? false }) : null;
  // Everything else is imported only now, so that the workers above are started first.
  const [{ selectBackend }, { readParamsFile }, { loadReproduction }, { execute }, { planRuns }, { provenanceOf, runFactsOf }, { writeResults }, { threadsFromEnv }, { previousRunSeconds }] = await Promise.all([
    import('../backend/select.js'), import('../params/load.js'), import('../registry/discover.js'), import('./execute.js'),
    import('./plan.js'), import('./provenance.js'), import('./write.js'), import('./threads.js'), import('./schedule.js'),
  ]);
  let plan: ReturnType<typeof planRuns>;
  let params: ReturnType<typeof readParamsFile>;
  let def: Awaited<ReturnType<typeof loadReproduction>>;
  try {
    params = readParamsFile(path.resolve(root, values.params ?? 'params.yaml'));
    def = await loadReproduction(root, id);
    plan = planRuns(def, params);
    // A single run needs one worker; more runs get up to --jobs of them.
    pool?.resize(Math.min(jobs, plan.runs.length));
  } catch (error) {
    pool?.close();
    throw error;
  }
  const out = path.resolve(root, values.out ?? path.join('results', id));
  const started = new Date();
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
