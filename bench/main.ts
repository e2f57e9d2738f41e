/**
 * `npm run bench`: the compute stack against the Python references, in one run, as ratios.
 * See args.ts (USAGE) for what is measured; plan.ts for how much; targets.ts for the goals.
 * Progress goes to stderr, the tables to stdout, the full record to --json FILE.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getTf } from '../harness/src/backend/tf.js';
import { selectBackend } from '../harness/src/backend/select.js';
import { parseArgs, USAGE, wants, type BenchArgs } from './args.js';
import { benchPipeline, type PipelineResult } from './pipeline.js';
import { FULL_PLAN, QUICK_PLAN } from './plan.js';
import { progress } from './progress.js';
import { notMeasured, shapeProblems, type BenchResult } from './result.js';
import { lowrankSection, matmulSection, overheadSection } from './sections.js';
import { detailTable, targetTable } from './table.js';
import { evaluateTargets } from './targets.js';

async function main(argv: string[]): Promise<number> {
  let args: BenchArgs;
  try {
    args = parseArgs(argv);
  } catch (err) {
    process.stderr.write(`bench: ${(err as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const plan = args.quick ? QUICK_PLAN : FULL_PLAN;
  const startedAt = new Date().toISOString();
  const loadStart = os.loadavg();
  const errors: string[] = [];

  progress(`selecting the tfjs backend${process.env.REPRO_BACKEND ? ` (REPRO_BACKEND=${process.env.REPRO_BACKEND})` : ''}`);
  const tf = await getTf();
  const info = await selectBackend();
  progress(`backend ${info.name} (${info.tfBackend})${info.note ? `: ${info.note}` : ''}; load average ${loadStart.map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);

  const skip = (section: string) => progress(`${section} skipped (--only)`);
  const matmul = wants(args, 'matmul') ? await matmulSection(tf, plan, errors) : (skip('matmul'), notMeasured.matmul(plan.matmulSize));
  const perOp = wants(args, 'overhead') ? await overheadSection(tf, plan, errors) : (skip('per-op overhead'), notMeasured.perOp());
  const lowrank = wants(args, 'lowrank') ? await lowrankSection(plan, errors) : (skip('lowrank'), notMeasured.lowrank());

  let pipeline: PipelineResult | null = null;
  if (!wants(args, 'pipeline')) skip('smoke pipeline');
  else if (plan.pipeline) {
    progress('smoke pipeline: dvc repro in a temporary copy of the working tree');
    try {
      pipeline = await benchPipeline();
    } catch (err) {
      errors.push(`pipeline: ${(err as Error).message}`);
      progress(`pipeline failed: ${(err as Error).message}`);
    }
  } else progress('smoke pipeline skipped (--quick)');

  const result: BenchResult = {
    schema: 'paper-repro-bench/1',
    started_at: startedAt,
    finished_at: new Date().toISOString(),
    quick: args.quick,
    ...(args.only ? { only: args.only } : {}),
    note: 'Medians of interleaved rounds on a shared 2-core machine: other work runs at the same time, so timings fluctuate from run to run.',
    machine: {
      cpu: os.cpus()[0]?.model ?? 'unknown',
      cores: os.cpus().length,
      node: process.version,
      platform: `${os.platform()} ${os.release()} ${os.arch()}`,
      loadavg_start: loadStart,
      loadavg_end: os.loadavg(),
    },
    backend: info.name,
    backend_info: { ...info },
    matmul,
    per_op_overhead_us: perOp,
    lowrank_vs_torch: lowrank,
    smoke_repro_seconds: pipeline?.smoke_repro_seconds ?? null,
    noop_repro_seconds: pipeline?.noop_repro_seconds ?? null,
    reproductions: pipeline?.reproductions ?? {},
    pipeline,
    targets: [],
    errors,
  };
  result.targets = evaluateTargets(result);
  if (pipeline && !pipeline.noop_up_to_date) errors.push('the no-op dvc repro ran stages: it was not a no-op');

  const problems = shapeProblems(result);
  if (problems.length) errors.push(`result shape: ${problems.join('; ')}`);

  process.stdout.write(`\n${targetTable(result)}\n\n${detailTable(result)}\n`);
  process.stdout.write(`\nbackend ${info.name}; ${result.note}\n`);
  if (pipeline) process.stdout.write(`peak RSS: ${pipeline.rss_method ?? 'n/a'}\n`);
  if (errors.length) process.stdout.write(`\nnot measured / problems:\n${errors.map((e) => `  - ${e}`).join('\n')}\n`);

  if (args.json) {
    const file = path.resolve(args.json);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    progress(`wrote ${file}`);
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
