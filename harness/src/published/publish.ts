/**
 * Publishing a finished paper-profile run: its verdicts.json, metrics.json, provenance.json and
 * run-facts.json (when, where, how long) are copied byte for byte into published/paper/<id>/, so
 * the report can show the paper-scale verdicts beside the smoke ones. Nothing else is copied (no
 * series/, no charts' data). A run is refused, with the file that shows why, unless it is a
 * complete run of the `paper` profile: every file present, both profiles `paper`, verdicts.json's
 * bytes those its provenance hashed, no `error` verdict and no run that failed.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sha256Hex } from '../results/hash.js';
import { UserError } from '../errors.js';
import { isObject, parseResults } from '../results/json.js';
import { readVerdictsFile } from '../results/read.js';

/** The files a published run keeps, in the order they are checked. */
export const PUBLISHED_FILES = ['verdicts.json', 'metrics.json', 'provenance.json', 'run-facts.json'] as const;

export class PublishError extends UserError {
  constructor(readonly file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'PublishError';
  }
}

function readObject(file: string): Record<string, unknown> {
  let raw: unknown;
  try {
    raw = parseResults(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new PublishError(file, `cannot be read as JSON (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); the run is incomplete`);
  }
  if (!isObject(raw)) throw new PublishError(file, 'is not a JSON object; the run is incomplete');
  return raw;
}

/** Checks that `runDir` holds a complete paper-profile run of `id`; throws a PublishError naming the file otherwise. */
export function checkPaperRun(runDir: string, id: string): void {
  for (const name of PUBLISHED_FILES) {
    if (!existsSync(join(runDir, name))) throw new PublishError(join(runDir, name), 'is missing; the run is incomplete (not finished, or restored from a cache without its run facts)');
  }
  const verdictsPath = join(runDir, 'verdicts.json');
  const verdicts = readVerdictsFile(verdictsPath);
  if (verdicts.reproduction !== id) throw new PublishError(verdictsPath, `is a run of '${verdicts.reproduction}', not of '${id}'`);
  if (verdicts.profile !== 'paper') throw new PublishError(verdictsPath, `was run with the '${verdicts.profile}' profile, not 'paper'`);
  const errors = verdicts.claims.filter((c) => c.verdict === 'error' || c.control?.verdict === 'error');
  if (errors.length > 0) throw new PublishError(verdictsPath, `has error verdicts (${errors.map((c) => c.id).join(', ')}); the run is incomplete`);

  const provenancePath = join(runDir, 'provenance.json');
  const provenance = readObject(provenancePath);
  if (provenance.profile !== 'paper') throw new PublishError(provenancePath, `records the '${String(provenance.profile)}' profile, not 'paper'`);
  if (provenance.reproduction !== id) throw new PublishError(provenancePath, `is a run of '${String(provenance.reproduction)}', not of '${id}'`);
  const sha = sha256Hex(readFileSync(verdictsPath));
  if (provenance.verdictsSha256 !== sha) throw new PublishError(provenancePath, `records verdicts.json's sha256 as ${String(provenance.verdictsSha256)}, but the file's is ${sha}: verdicts.json is not the one this run wrote`);
  const failedRuns = Array.isArray(provenance.runs) ? provenance.runs.filter((r) => isObject(r) && typeof r.error === 'string') : [];
  if (failedRuns.length > 0) throw new PublishError(provenancePath, `records ${failedRuns.length} run(s) that failed; the run is incomplete`);

  const metricsPath = join(runDir, 'metrics.json');
  if (!isObject(readObject(metricsPath).verdicts)) throw new PublishError(metricsPath, 'has no verdict counts; the run is incomplete');

  const factsPath = join(runDir, 'run-facts.json');
  const facts = readObject(factsPath);
  if (facts.reproduction !== id) throw new PublishError(factsPath, `is a run of '${String(facts.reproduction)}', not of '${id}'`);
  if (typeof facts.durationSeconds !== 'number' || !isObject(facts.machine) || typeof facts.startedAt !== 'string') {
    throw new PublishError(factsPath, 'lacks the duration, machine or start time of the run; the run is incomplete');
  }
}

/**
 * Copies a checked paper-profile run of `id` from `runDir` into `<publishedDir>/paper/<id>/`,
 * replacing what was published before (written beside it first, then swapped in). Returns the folder.
 */
export function publishPaperRun(runDir: string, id: string, publishedDir: string): string {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new PublishError(id, 'is not a reproduction id (lower-case letters, digits and dashes)');
  checkPaperRun(runDir, id);
  const dest = resolve(publishedDir, 'paper', id);
  const staging = `${dest}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  for (const name of PUBLISHED_FILES) copyFileSync(join(runDir, name), join(staging, name));
  rmSync(dest, { recursive: true, force: true });
  renameSync(staging, dest);
  return dest;
}
