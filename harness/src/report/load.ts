/**
 * Reading `results/<id>/{verdicts,metrics,provenance,run-facts}.json`. Files written by other tools
 * (or by hand) are not trusted to be complete: missing fields get safe defaults, and a
 * reproduction whose verdicts cannot be read is reported as a load problem, not a crash.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseResults } from '../results/json.js';
import { parseVerdictsFile } from '../results/read.js';
import { joinTimed, TIMING_FILE, TimingFileSchema, type TimingFile } from '../results/timing.js';
import type { StabilityFile } from '../verify/stability.js';
import { RESULTS_VERSION, type ClaimResult, type FigureResult, type MetricsFile, type PaperMeta, type Provenance, type RunFacts, type VerdictsFile } from '../types.js';
import { isObject } from '../results/json.js';

export interface LoadedReproduction {
  /** Directory name under resultsDir (the reproduction id). */
  id: string;
  dir: string;
  verdicts: VerdictsFile;
  metrics: MetricsFile | null;
  provenance: Provenance | null;
  /** Verdicts over fresh seeds, written by `repro verify --seeds N`. */
  stability: StabilityFile | null;
  /** Problems met while reading (unreadable optional files, id mismatches). */
  warnings: string[];
}

export interface LoadProblem {
  id: string;
  dir: string;
  message: string;
}

export interface LoadedResults {
  reproductions: LoadedReproduction[];
  problems: LoadProblem[];
}


async function readJson(path: string): Promise<unknown> {
  return parseResults(await readFile(path, 'utf8'));
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

function normalizePaper(raw: unknown, id: string): PaperMeta {
  const p = isObject(raw) ? raw : {};
  return {
    ...(p as Partial<PaperMeta>),
    title: typeof p.title === 'string' && p.title !== '' ? p.title : id,
    authors: Array.isArray(p.authors) ? p.authors.map(String) : [],
    year: typeof p.year === 'number' ? p.year : (undefined as unknown as number),
  };
}

function normalizeClaim(raw: unknown, index: number): ClaimResult {
  const c = isObject(raw) ? raw : {};
  const evidence = isObject(c.evidence) ? c.evidence : {};
  return {
    ...(c as Partial<ClaimResult>),
    id: typeof c.id === 'string' || typeof c.id === 'number' ? String(c.id) : `claim-${index + 1}`,
    quote: typeof c.quote === 'string' ? c.quote : '',
    kind: typeof c.kind === 'string' ? c.kind : '',
    why: typeof c.why === 'string' ? c.why : '',
    params: isObject(c.params) ? c.params : {},
    verdict: c.verdict as ClaimResult['verdict'],
    statistic: typeof c.statistic === 'number' ? c.statistic : null,
    threshold: typeof c.threshold === 'string' ? c.threshold : '',
    evidence: {
      ...(evidence as Partial<ClaimResult['evidence']>),
      method: typeof evidence.method === 'string' ? evidence.method : '',
      statistic: typeof evidence.statistic === 'number' ? evidence.statistic : null,
      threshold: typeof evidence.threshold === 'string' ? evidence.threshold : '',
      n: typeof evidence.n === 'number' ? evidence.n : (undefined as unknown as number),
      seeds: Array.isArray(evidence.seeds) ? (evidence.seeds as number[]) : [],
      reason: typeof evidence.reason === 'string' ? evidence.reason : '',
    },
    control: isObject(c.control) ? withDerivedExpected(c.control as unknown as NonNullable<ClaimResult['control']>) : null,
  };
}

/** A stored `expected` flag is never trusted: it is the control's verdict against its `expect`. */
function withDerivedExpected(control: NonNullable<ClaimResult['control']>): NonNullable<ClaimResult['control']> {
  return { ...control, expected: control.verdict === control.expect };
}

/** A VerdictsFile with every field the report reads present (values are still untrusted text). */
export function normalizeVerdicts(raw: unknown, id: string): VerdictsFile {
  if (!isObject(raw)) throw new Error('verdicts.json is not a JSON object');
  return {
    version: RESULTS_VERSION,
    reproduction: typeof raw.reproduction === 'string' ? raw.reproduction : id,
    paper: normalizePaper(raw.paper, id),
    profile: typeof raw.profile === 'string' ? raw.profile : '',
    backend: typeof raw.backend === 'string' ? raw.backend : '',
    claims: Array.isArray(raw.claims) ? raw.claims.map(normalizeClaim) : [],
    figures: Array.isArray(raw.figures) ? (raw.figures.filter(isObject) as unknown as FigureResult[]) : [],
  };
}

/**
 * provenance.json with the volatile facts of run-facts.json folded in (git state, machine, dates,
 * timings, jobs), as one Provenance; either may be missing.
 */
export function withRunFacts(provenance: Provenance | null, facts: Partial<RunFacts> | null): Provenance | null {
  if (!provenance || !facts) return provenance;
  const seconds = Array.isArray(facts.runs) ? facts.runs : [];
  return {
    ...provenance,
    ...(isObject(facts.git) ? { git: facts.git } : {}),
    ...(isObject(facts.machine) ? { machine: facts.machine } : {}),
    ...(typeof facts.startedAt === 'string' ? { startedAt: facts.startedAt } : {}),
    ...(typeof facts.durationSeconds === 'number' ? { durationSeconds: facts.durationSeconds } : {}),
    ...(provenance.compute && typeof facts.jobs === 'number' ? { compute: { ...provenance.compute, jobs: facts.jobs } } : {}),
    runs: (Array.isArray(provenance.runs) ? provenance.runs : []).map((run, i) => (
      isObject(seconds[i]) && typeof seconds[i].seconds === 'number' ? { ...run, seconds: seconds[i].seconds } : run)),
  };
}

export interface LoadOptions {
  /**
   * Fold results/<id>/run-facts.json (when, where, how long) into each provenance, and the measured
   * times of timed claims (timing.json) into their claims (default true). The DVC report stage
   * leaves both out, so that reports/ is the same on every machine.
   */
  runFacts?: boolean;
}

/** A paper's timing sidecar, or null when absent (e.g. outputs restored from DVC's cache elsewhere). */
async function readTiming(path: string, warnings: string[]): Promise<TimingFile | null> {
  if (!(await exists(path))) return null;
  try {
    const parsed = TimingFileSchema.safeParse(await readJson(path));
    if (parsed.success) return parsed.data;
    warnings.push(`${TIMING_FILE}: key ${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message}; the timed claims are shown without their times`);
  } catch (err) {
    warnings.push(`${TIMING_FILE} could not be read: ${(err as Error).message}`);
  }
  return null;
}

/** Every reproduction under `resultsDir` with a verdicts.json, sorted by id. */
export async function loadResults(resultsDir: string, options: LoadOptions = {}): Promise<LoadedResults> {
  const reproductions: LoadedReproduction[] = [];
  const problems: LoadProblem[] = [];
  let entries: string[];
  try {
    entries = (await readdir(resultsDir, { withFileTypes: true }))
      .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
      .map((e) => e.name)
      .sort((a, b) => a.localeCompare(b));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { reproductions, problems };
    throw err;
  }
  for (const id of entries) {
    const dir = join(resultsDir, id);
    const verdictsPath = join(dir, 'verdicts.json');
    if (!(await exists(verdictsPath))) continue;
    let verdicts: VerdictsFile;
    const warnings: string[] = [];
    try {
      const raw = await readJson(verdictsPath);
      try {
        verdicts = parseVerdictsFile(raw, `results/${id}/verdicts.json`);
      } catch (err) {
        // Shown as far as it can be read, with the schema problem on the page (verify fails on it).
        verdicts = normalizeVerdicts(raw, id);
        warnings.push(`${(err as Error).message}`);
      }
    } catch (err) {
      problems.push({ id, dir, message: `verdicts.json could not be read: ${(err as Error).message}` });
      continue;
    }
    // Without run facts the pages must be the same bytes on every machine: timed claims then show
    // their verdict and method only, and say that their measured times are in timing.json.
    if (options.runFacts !== false) verdicts = joinTimed(verdicts, await readTiming(join(dir, TIMING_FILE), warnings));
    if (verdicts.reproduction !== id) {
      warnings.push(`verdicts.json names reproduction "${verdicts.reproduction}" but lives in results/${id}/`);
    }
    const optional = async <T>(name: string): Promise<T | null> => {
      const path = join(dir, name);
      if (!(await exists(path))) return null;
      try {
        const value = await readJson(path);
        if (!isObject(value)) throw new Error('not a JSON object');
        return value as T;
      } catch (err) {
        warnings.push(`${name} could not be read: ${(err as Error).message}`);
        return null;
      }
    };
    const metrics = await optional<MetricsFile>('metrics.json');
    const provenance = withRunFacts(await optional<Provenance>('provenance.json'), options.runFacts === false ? null : await optional<RunFacts>('run-facts.json'));
    const stability = await optional<StabilityFile>('stability.json');
    reproductions.push({ id, dir, verdicts, metrics, provenance, stability, warnings });
  }
  return { reproductions, problems };
}
