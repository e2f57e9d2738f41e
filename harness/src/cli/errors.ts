/** How errors reach the user: one readable message, and an exit code by kind. */
import { ParamsError } from '../params/errors.js';
import { UnknownReproductionError } from '../registry/discover.js';

export class UsageError extends Error {}

/** 2 for what the user can fix in a command or file; 1 for the rest. */
export function exitCodeOf(error: unknown): number {
  return error instanceof ParamsError || error instanceof UnknownReproductionError || error instanceof UsageError ? 2 : 1;
}

export function formatError(error: unknown): string {
  if (error instanceof ParamsError || error instanceof UnknownReproductionError || error instanceof UsageError) {
    return `repro: ${error.message}`;
  }
  if (error instanceof Error) return `repro: ${error.stack ?? error.message}`;
  return `repro: ${String(error)}`;
}
