/** How errors reach the user: one readable message, and an exit code by kind. */
import { ParamsError } from '../params/errors.js';
import { UnknownReproductionError } from '../registry/discover.js';
import { ExpectationsError } from '../verify/expected.js';
import { ScaffoldError } from '../scaffold/create.js';
import { ThreadsError } from '../runner/threads.js';
import { ResultsDirError } from '../runner/atomic.js';
import { WorkerDiedError } from '../runner/pool.js';

export class UsageError extends Error {}

/** Errors the user can fix in a command or a file (as opposed to bugs and crashes). */
function isUserError(error: unknown): error is Error {
  return error instanceof ParamsError || error instanceof UnknownReproductionError || error instanceof UsageError || error instanceof ExpectationsError || error instanceof ScaffoldError || error instanceof ThreadsError || error instanceof ResultsDirError;
}

/** Failures that are expected to happen (a run's worker died): a message, no stack trace, exit 1. */
function isExpectedFailure(error: unknown): error is Error {
  return error instanceof WorkerDiedError;
}

/** 2 for what the user can fix in a command or file; 1 for the rest. */
export function exitCodeOf(error: unknown): number {
  return isUserError(error) ? 2 : 1;
}

export function formatError(error: unknown): string {
  if (isUserError(error) || isExpectedFailure(error)) {
    return `repro: ${error.message}`;
  }
  if (error instanceof Error) return `repro: ${error.stack ?? error.message}`;
  return `repro: ${String(error)}`;
}
