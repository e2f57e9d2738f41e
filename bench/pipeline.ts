/**
 * The whole smoke pipeline: `dvc repro` in a throwaway copy of the working tree (the pipeline
 * test's clone helper: tracked and untracked-but-not-ignored files, node_modules linked) with no
 * results/ or reports/ and no DVC cache, so every stage runs; then the no-op rerun; then, per
 * reproduction, its seconds from results/<id>/run-facts.json (durationSeconds, measured by the
 * runner during the pipeline) and its peak RSS from a separate `repro run <id>` under rss.ts.
 */
import { execa } from 'execa';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { cloneWorkingTree } from '../harness/test/pipeline/clone.js';
import { DVC, haveFile } from './paths.js';
import { progress } from './progress.js';
import { measurePeakRss } from './rss.js';

export interface ReproductionCost {
  /** durationSeconds from run-facts.json after the pipeline run (null if missing). */
  seconds: number | null;
  /** From the separate run under measurePeakRss (null if it could not be read). */
  peak_rss_mb: number | null;
  /** Wall seconds of that separate `repro run` (includes node and tsx start-up). */
  rerun_seconds: number;
}

export interface PipelineResult {
  profile: string;
  clone_seconds: number;
  smoke_repro_seconds: number;
  stages_run: string[];
  noop_repro_seconds: number;
  /** The rerun said "Data and pipelines are up to date" and ran no stage. */
  noop_up_to_date: boolean;
  rss_method: string | null;
  reproductions: Record<string, ReproductionCost>;
}

/** Stage names from `dvc repro` output (pure). */
export function stagesRun(output: string): string[] {
  return [...output.matchAll(/Running stage '([^']+)'/g)].map((m) => m[1]);
}

/** The reproduction ids that params.yaml's `papers` section declares, and the profile (pure). */
export function pipelineSpec(paramsYaml: string): { profile: string; ids: string[] } {
  const doc = (parseYaml(paramsYaml) ?? {}) as { profile?: unknown; papers?: Record<string, unknown> };
  return { profile: String(doc.profile ?? 'unknown'), ids: Object.keys(doc.papers ?? {}) };
}

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const t0 = performance.now();
  const value = await fn();
  return { value, seconds: (performance.now() - t0) / 1000 };
}

export async function benchPipeline(): Promise<PipelineResult> {
  if (!haveFile(DVC)) throw new Error(`DVC is missing at ${DVC}: run 'make setup'`);
  const cloned = await timed(async () => cloneWorkingTree());
  const dir = cloned.value;
  try {
    rmSync(path.join(dir, 'results'), { recursive: true, force: true });
    rmSync(path.join(dir, 'reports'), { recursive: true, force: true });
    const { profile, ids } = pipelineSpec(readFileSync(path.join(dir, 'params.yaml'), 'utf8'));
    progress(`pipeline: copy of the working tree in ${dir} (${cloned.seconds.toFixed(1)} s); dvc repro (profile ${profile}, ${ids.length} reproductions)`);

    const dvc = (args: string[]) => execa(DVC, args, { cwd: dir, reject: false, all: true, timeout: 3_600_000 });
    const first = await timed(() => dvc(['repro']));
    if (first.value.exitCode !== 0) throw new Error(`dvc repro failed (${first.value.exitCode}): ${String(first.value.all).slice(-800)}`);
    progress(`pipeline: dvc repro took ${first.seconds.toFixed(1)} s; no-op rerun`);
    const second = await timed(() => dvc(['repro']));
    if (second.value.exitCode !== 0) throw new Error(`no-op dvc repro failed (${second.value.exitCode}): ${String(second.value.all).slice(-800)}`);
    const secondOut = String(second.value.all);

    const reproductions: Record<string, ReproductionCost> = {};
    let rssMethod: string | null = null;
    for (const id of ids) {
      let seconds: number | null = null;
      try {
        const prov = JSON.parse(readFileSync(path.join(dir, 'results', id, 'run-facts.json'), 'utf8')) as { durationSeconds?: number };
        seconds = typeof prov.durationSeconds === 'number' ? prov.durationSeconds : null;
      } catch {
        seconds = null;
      }
      progress(`pipeline: peak RSS of 'repro run ${id}'`);
      const rss = await measurePeakRss(process.execPath, ['harness/bin/repro.js', 'run', id, '--keep-going'], dir);
      if (rss.exitCode !== 0) progress(`pipeline: 'repro run ${id}' exited ${rss.exitCode}: ${rss.tail}`);
      rssMethod = rss.method;
      reproductions[id] = { seconds, peak_rss_mb: rss.peakRssMb, rerun_seconds: rss.seconds };
    }
    return {
      profile,
      clone_seconds: cloned.seconds,
      smoke_repro_seconds: first.seconds,
      stages_run: stagesRun(String(first.value.all)),
      noop_repro_seconds: second.seconds,
      noop_up_to_date: /Data and pipelines are up to date/.test(secondOut) && stagesRun(secondOut).length === 0,
      rss_method: rssMethod,
      reproductions,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
