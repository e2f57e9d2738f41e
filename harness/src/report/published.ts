/**
 * Paper-profile verdicts published in the repository (published/paper/<id>/, written by
 * scripts/publish-paper.sh from a finished `paper` run): read here so that each claim's page shows
 * the paper-scale verdict, with its statistic, beside the smoke verdict of results/. Absent or
 * unreadable files show nothing (an unreadable one is a warning); nothing here is re-run or
 * re-verified by CI.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseResults } from '../results/json.js';
import { readVerdictsFile } from '../results/read.js';
import { decidingNumbers } from './deciding.js';
import { fmtDuration } from '../results/duration.js';
import type { Verdict, VerdictsFile } from '../types.js';
import { formatNumber } from '../claims/band.js';
import { asVerdict, fmtInterval } from './format.js';

export interface PublishedRun {
  id: string;
  verdicts: VerdictsFile;
  /** The run's start, YYYY-MM-DD (UTC), or null when run-facts.json lacks it. */
  date: string | null;
  /** CPU (cores) and GPU of the machine that ran it, as one line. */
  machine: string;
  backend: string;
  seconds: number | null;
}

export interface PublishedClaimView {
  /** "paper profile (published 2026-12-05, <machine>)". */
  label: string;
  verdict: Verdict;
  statistic: string;
  ci: string | null;
  threshold: string;
  /** Backend and run time, e.g. "native backend, whole run 8 min". */
  detail: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The machine of run-facts.json as one line: `<cpu> (<n> cores)[, GPU <gpu>]`. */
export function machineLine(machine: unknown): string {
  if (!isObject(machine)) return 'machine not recorded';
  const cpu = typeof machine.cpu === 'string' && machine.cpu !== '' ? machine.cpu : 'unknown CPU';
  const cores = typeof machine.cores === 'number' ? ` (${machine.cores} cores)` : '';
  const gpu = typeof machine.gpu === 'string' && machine.gpu !== '' ? `, GPU ${machine.gpu}` : '';
  return `${cpu}${cores}${gpu}`;
}

/**
 * published/paper/<id>/, or null when nothing is published for `id`. Throws (naming the file) when
 * verdicts.json is there but unreadable; run-facts.json is optional.
 */
export function readPublished(publishedDir: string, id: string): PublishedRun | null {
  const dir = join(publishedDir, 'paper', id);
  const verdictsPath = join(dir, 'verdicts.json');
  if (!existsSync(verdictsPath)) return null;
  const verdicts = readVerdictsFile(verdictsPath);
  let facts: Record<string, unknown> = {};
  try {
    const raw = parseResults(readFileSync(join(dir, 'run-facts.json'), 'utf8'));
    if (isObject(raw)) facts = raw;
  } catch {
    // No run facts: the date, machine and time are shown as unknown.
  }
  const started = typeof facts.startedAt === 'string' && !Number.isNaN(new Date(facts.startedAt).getTime()) ? new Date(facts.startedAt).toISOString().slice(0, 10) : null;
  return {
    id,
    verdicts,
    date: started,
    machine: machineLine(facts.machine),
    backend: verdicts.backend,
    seconds: typeof facts.durationSeconds === 'number' && Number.isFinite(facts.durationSeconds) ? facts.durationSeconds : null,
  };
}

/** The published paper-profile verdict of one claim, or null when the run has no such claim. */
export function publishedClaim(run: PublishedRun | null, claimId: string): PublishedClaimView | null {
  const claim = run?.verdicts.claims.find((c) => c.id === claimId);
  if (!run || !claim) return null;
  const d = decidingNumbers(claim);
  return {
    label: `paper profile (published ${run.date ?? 'date not recorded'}, ${run.machine})`,
    verdict: asVerdict(claim.verdict),
    // A timed claim's numbers stay in the run's timing.json, which is not published.
    statistic: claim.timed ? 'a time measured on that machine (not published)' : formatNumber(d.statistic),
    ci: claim.timed ? null : fmtInterval(d.ci),
    threshold: d.threshold,
    detail: `${run.backend} backend${run.seconds !== null ? `, whole run ${fmtDuration(run.seconds)}` : ''}`,
  };
}
