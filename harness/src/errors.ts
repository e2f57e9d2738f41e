/**
 * How errors reach the user. Every error whose message is written for the user (a params file, an
 * id, a flag, a results or expectations file, a folder, a worker that died) extends `UserError`:
 * the CLI prints `repro: <message>` with no stack trace and exits with its `exitCode`. Anything
 * else is a bug or a crash: its stack is printed and the exit code is 1.
 */
export class UserError extends Error {
  /** 2: the user can fix it in a command or a file; 1: an expected failure (e.g. a worker died). */
  readonly exitCode: 1 | 2 = 2;
}

/** The exit code a command ends with when `error` escapes it. */
export function exitCodeOf(error: unknown): number {
  return error instanceof UserError ? error.exitCode : 1;
}

/** One line (or block) for stderr: the message of a user error, the stack of anything else. */
export function formatError(error: unknown): string {
  if (error instanceof UserError) return `repro: ${error.message}`;
  if (error instanceof Error) return `repro: ${error.stack ?? error.message}`;
  return `repro: ${String(error)}`;
}
