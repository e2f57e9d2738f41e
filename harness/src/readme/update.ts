/**
 * One paper README against its results: the README's text with a freshly generated outcome block,
 * written (atomically, only when it changed) or, in check mode, only compared.
 */
import { readFileSync } from 'node:fs';
import { UserError } from '../errors.js';
import { writeFileAtomic } from '../results/atomic-file.js';
import { readVerdictsFile } from '../results/read.js';
import { replaceOutcome } from './markers.js';
import { outcomeBlock } from './outcome.js';

export class ReadmeFileError extends UserError {}

export interface ReadmeJob {
  /** The README to update, as read and written. */
  readme: string;
  /** The verdicts.json to read. */
  verdicts: string;
  /** How the block names its source: `results/<id>/verdicts.json`, wherever it was read from. */
  source: string;
  /** Compare only; never write. */
  check: boolean;
}

/** Whether the README's block differed from what the results give (and, unless checking, was rewritten). */
export function updateReadme(job: ReadmeJob): { changed: boolean } {
  const results = readVerdictsFile(job.verdicts);
  let text: string;
  try {
    text = readFileSync(job.readme, 'utf8');
  } catch (error) {
    throw new ReadmeFileError(`${job.readme}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); every reproduction folder has a README.md with the outcome markers`);
  }
  const next = replaceOutcome(text, outcomeBlock(results, job.source), job.readme);
  if (next === text) return { changed: false };
  if (!job.check) writeFileAtomic(job.readme, next);
  return { changed: true };
}
