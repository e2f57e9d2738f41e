/** `buildReport`: results/*\/ -> outDir/index.html, outDir/<id>.html and the shared script. */
import { isAbsolute, join, relative, resolve } from 'node:path';
import { BUNDLE_PATH, vegaBundle } from './assets.js';
import { readDvcLock, runStage, type DvcLock } from './dvc.js';
import { uniqueSlug } from './format.js';
import { loadResults } from './load.js';
import { countVerdicts, countViews, indexRow, paperView, type IndexRow } from './model.js';
import { renderIndex, renderPaper } from './templates.js';
import { writeFileAtomic } from './write.js';
import type { Expectations } from '../verify/expected.js';
import type { VerdictsFile } from '../types.js';
import type { ChangesView } from './templates.js';

/** Claims whose verdict differs from the baseline's expectation (new claims included). */
function changesView(results: VerdictsFile[], rows: IndexRow[], baseline: { label: string; expectations: Expectations }): ChangesView {
  const changed = results.flatMap((v) => {
    const row = rows.find((r) => r.id === v.reproduction);
    return v.claims
      .filter((c) => baseline.expectations[v.reproduction]?.[c.id] !== c.verdict)
      .map((c) => ({
        reproduction: v.reproduction,
        claim: c.id,
        href: row?.claims.find((k) => k.id === c.id)?.href ?? '#',
        before: baseline.expectations[v.reproduction]?.[c.id] ?? null,
        after: c.verdict,
      }));
  });
  return { title: `Changes against ${baseline.label}`, beforeLabel: baseline.label, none: `Every verdict is as in ${baseline.label}.`, rows: changed };
}

export interface BuildReportOptions {
  resultsDir: string;
  outDir: string;
  /** Default: `<repoRoot>/dvc.lock`. A missing lock file is noted on each page, not an error. */
  dvcLockPath?: string;
  /** Default: the working directory. */
  repoRoot?: string;
  /** What the verdicts are compared with on the index page (expected.json, or as it was at a base revision). */
  baseline?: { label: string; expectations: Expectations } | null;
  /** Show each run's volatile facts (machine, dates, timings) from run-facts.json (default true). */
  runFacts?: boolean;
}

/** A path relative to the repository root when it lies inside it (pages show no home dirs). */
function shownPath(path: string, repoRoot: string): string {
  const rel = relative(repoRoot, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** Page file names that would clash with the report's own files. */
const RESERVED = ['index', 'assets'];

export async function buildReport(opts: BuildReportOptions): Promise<{ pages: string[] }> {
  const outDir = resolve(opts.outDir);
  const repoRoot = resolve(opts.repoRoot ?? process.cwd());
  const lockPath = resolve(opts.dvcLockPath ?? join(repoRoot, 'dvc.lock'));
  const { reproductions, problems } = await loadResults(resolve(opts.resultsDir), { runFacts: opts.runFacts ?? true });

  let lock: DvcLock | null = null;
  let lockNote: string | null = null;
  try {
    lock = await readDvcLock(lockPath);
    if (!lock) lockNote = `no dvc.lock at ${shownPath(lockPath, repoRoot)}: results were not produced through \`dvc repro\`, so no stage hashes are recorded`;
  } catch (err) {
    lockNote = `dvc.lock could not be read: ${(err as Error).message}`;
  }

  await writeFileAtomic(join(outDir, BUNDLE_PATH), await vegaBundle());

  const taken = new Set<string>(RESERVED);
  const pages: string[] = [];
  const rows: IndexRow[] = [];
  for (const r of reproductions) {
    const file = `${uniqueSlug(r.id, taken)}.html`;
    const stage = runStage(lock, r.id);
    const note = stage ? null : (lockNote ?? `dvc.lock has no stage run@${r.id}`);
    const view = await paperView(r, file, { lockPath: lock ? shownPath(lockPath, repoRoot) : null, stage, note });
    const path = join(outDir, file);
    await writeFileAtomic(path, renderPaper(view));
    pages.push(path);
    rows.push(indexRow(r, file, view.claims.map((c) => c.anchor)));
  }

  const allClaims = reproductions.flatMap((r) => r.verdicts.claims);
  const indexPath = join(outDir, 'index.html');
  await writeFileAtomic(
    indexPath,
    renderIndex({
      rows,
      totals: countViews(countVerdicts(allClaims)),
      problems: problems.map((p) => ({ id: p.id, message: p.message })),
      claimsTotal: allClaims.length,
      changes: opts.baseline ? changesView(reproductions.map((r) => r.verdicts), rows, opts.baseline) : null,
    }),
  );
  return { pages: [indexPath, ...pages] };
}
