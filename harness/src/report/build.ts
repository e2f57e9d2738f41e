/** `buildReport`: results/*\/ -> outDir/index.html, outDir/<id>.html and the shared script. */
import { realpathSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { BUNDLE_PATH, inlineBundle } from './assets.js';
import { readDvcLock, runStage, type DvcLock } from './dvc.js';
import { claimCsv } from './csv.js';
import { definitionLink, paperQuoteLink } from './sources.js';
import { preregistration } from './preregistered.js';
import { uniqueSlug } from './format.js';
import { loadResults } from './load.js';
import { publishedClaim, readPublished, type PublishedRun } from './published.js';
import { countVerdicts, countViews, indexRow, paperView, type IndexRow } from './model.js';
import { GENERATOR, renderIndex, renderPaper } from './templates.js';
import { writeFileAtomic } from '../results/atomic-file.js';
import type { ExpectedFile } from './control-judgement.js';
import { readExpectations, readHistory, readTolerances, type Expectations } from '../verify/expected.js';
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
  /** Problems to show on the index page rather than stop the build (e.g. a malformed expected.json). */
  warnings?: { id: string; message: string }[];
  /** Show each run's volatile facts (machine, dates, timings) from run-facts.json (default true). */
  runFacts?: boolean;
  /**
   * expected.json, against which each control is judged (accepted departures show their recorded
   * why). Default: `<repoRoot>/expected.json`; a missing or unreadable file judges controls alone.
   */
  expectedPath?: string;
  /**
   * Stamp each claim with the commit that last changed its definition against its first recorded
   * result (git history: differs between clones). Default: as `runFacts`.
   */
  gitStamps?: boolean;
  /**
   * Where paper-profile runs are published (`<dir>/paper/<id>/verdicts.json`), shown beside each
   * claim's verdict. Default: `<repoRoot>/published`; a paper with nothing there shows nothing.
   */
  publishedDir?: string;
  /** Told what the build is doing, step by step (the CLI prints it). */
  onProgress?: (message: string) => void;
}

/** expected.json's verdicts, tolerances and history, or null when it is absent or unreadable. */
function readExpectedFile(path: string): ExpectedFile | null {
  try {
    return { expectations: readExpectations(path), tolerances: readTolerances(path), history: readHistory(path) };
  } catch {
    return null;
  }
}

/**
 * Text with the machine's paths made relative: the project root becomes relative paths, the home
 * folder `~`. Error reasons written by a run carry absolute paths; pages should not.
 */
export function relativizer(repoRoot: string): (text: string) => string {
  const roots = [...new Set([repoRoot, safeRealpath(repoRoot)])].sort((a, b) => b.length - a.length);
  const home = homedir();
  return (text) => {
    let out = text;
    for (const r of roots) out = out.split(`${r}${sep}`).join('').split(r).join('.');
    return home && home !== sep ? out.split(`${home}${sep}`).join(`~${sep}`) : out;
  };
}

function safeRealpath(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

/** Every string in `value` passed through `fn`, except inline images (data: URLs). */
function mapStrings<T>(value: T, fn: (s: string) => string): T {
  if (typeof value === 'string') return (value.startsWith('data:') ? value : fn(value)) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, fn)])) as T;
  return value;
}

/** Pages of an earlier build whose paper has no results now: written by this report, not listed. */
async function removeStalePages(outDir: string, keep: Set<string>): Promise<string[]> {
  const removed: string[] = [];
  let names: string[];
  try {
    names = await readdir(outDir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.endsWith('.html') || keep.has(name)) continue;
    const text = await readFile(join(outDir, name), 'utf8').catch(() => '');
    // Ours: this build's marker, or the footer of builds from before the marker.
    if (text.slice(0, 4096).includes(`<meta name="generator" content="${GENERATOR}">`) || text.includes('<footer>Static report: every chart is drawn as SVG')) {
      await rm(join(outDir, name), { force: true });
      removed.push(name);
    }
  }
  return removed;
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
  const progress = opts.onProgress ?? (() => {});
  const publishedDir = resolve(opts.publishedDir ?? join(repoRoot, 'published'));
  progress(`reading ${shownPath(resolve(opts.resultsDir), repoRoot)}/`);
  const loaded = await loadResults(resolve(opts.resultsDir), { runFacts: opts.runFacts ?? true });
  const expected = readExpectedFile(resolve(opts.expectedPath ?? join(repoRoot, 'expected.json')));
  const rel = relativizer(repoRoot);
  const reproductions = loaded.reproductions.map((r) => ({ ...r, verdicts: mapStrings(r.verdicts, rel), provenance: mapStrings(r.provenance, rel), stability: mapStrings(r.stability, rel), warnings: r.warnings.map(rel) }));
  const problems = [...(opts.warnings ?? []), ...loaded.problems].map((p) => ({ id: p.id, message: rel(p.message) }));

  let lock: DvcLock | null = null;
  let lockNote: string | null = null;
  try {
    lock = await readDvcLock(lockPath);
    if (!lock) lockNote = `no dvc.lock at ${shownPath(lockPath, repoRoot)}: results were not produced through \`dvc repro\`, so no stage hashes are recorded`;
  } catch (err) {
    lockNote = rel(`dvc.lock could not be read: ${(err as Error).message}`);
  }

  // The chart runtime is inlined in each page (allowed by its hash); a bundle file of an older build goes.
  const script = await inlineBundle();
  await rm(join(outDir, BUNDLE_PATH), { force: true });

  const taken = new Set<string>(RESERVED);
  const pages: string[] = [];
  const rows: IndexRow[] = [];
  for (const [k, r] of reproductions.entries()) {
    const started = performance.now();
    const file = `${uniqueSlug(r.id, taken)}.html`;
    const stage = runStage(lock, r.id);
    const note = stage ? null : (lockNote ?? `dvc.lock has no stage run@${r.id}`);
    const view = await paperView(r, file, { lockPath: lock ? shownPath(lockPath, repoRoot) : null, stage, note }, expected);
    let published: PublishedRun | null = null;
    try {
      published = readPublished(publishedDir, r.id);
    } catch (err) {
      view.warnings.push(rel(`published paper-profile verdicts could not be read: ${(err as Error).message}`));
    }
    // Each claim's numbers as CSV beside the page: data/<page>/<claim anchor>.csv (the folder is rewritten whole).
    const dataDir = join(outDir, 'data', file.replace(/\.html$/, ''));
    await rm(dataDir, { recursive: true, force: true });
    for (const [i, c] of view.claims.entries()) {
      c.csvHref = `data/${file.replace(/\.html$/, '')}/${c.anchor}.csv`;
      writeFileAtomic(join(dataDir, `${c.anchor}.csv`), claimCsv(r.verdicts.claims[i]));
      if (opts.gitStamps ?? opts.runFacts ?? true) c.stamp = preregistration(repoRoot, r.id, c.id);
      c.published = publishedClaim(published, c.id);
      c.sources = [paperQuoteLink(r.verdicts.paper, c.quote), definitionLink(repoRoot, outDir, r.id, c.id)].filter((l) => l !== null);
    }
    const path = join(outDir, file);
    writeFileAtomic(path, renderPaper(view, script));
    pages.push(path);
    rows.push(indexRow(r, file, view.claims.map((c) => c.anchor), expected));
    progress(`[${k + 1}/${reproductions.length}] ${file}: ${r.verdicts.claims.length} claims in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }

  const allClaims = reproductions.flatMap((r) => r.verdicts.claims);
  const indexPath = join(outDir, 'index.html');
  writeFileAtomic(
    indexPath,
    renderIndex({
      rows,
      totals: countViews(countVerdicts(allClaims)),
      problems: problems.map((p) => ({ id: p.id, message: p.message })),
      claimsTotal: allClaims.length,
      changes: opts.baseline ? changesView(reproductions.map((r) => r.verdicts), rows, opts.baseline) : null,
    }),
  );
  await removeStalePages(outDir, new Set(['index.html', ...pages.map((p) => relative(outDir, p))]));
  // CSV folders of papers that no longer have a page.
  const pageNames = new Set(pages.map((p) => relative(outDir, p).replace(/\.html$/, '')));
  for (const name of await readdir(join(outDir, 'data')).catch(() => [] as string[])) {
    if (!pageNames.has(name)) await rm(join(outDir, 'data', name), { recursive: true, force: true });
  }
  return { pages: [indexPath, ...pages] };
}
