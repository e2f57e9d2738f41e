/**
 * Atomic writes. A file goes to a temp name in the same directory, then is renamed. A result
 * directory is built beside its target and swapped in with two renames; a crash between them
 * leaves `<dir>.previous`, which `recoverDirectory` puts back. So a reader sees old or new, never mixed.
 * One lock per result directory (`.<name>.lock` beside it, holding the writer's pid) serialises
 * concurrent writers of the same paper; a lock whose process is gone is stale and taken over, and
 * temp folders left by a writer that was killed mid-swap are removed by the next one.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';

/** A result directory that cannot be written (read-only, not a folder, locked too long). */
export class ResultsDirError extends UserError {}

const WRITE_DENIED = new Set(['EACCES', 'EPERM', 'EROFS']);

/** fs errors a user can fix, in words that name the folder; anything else is rethrown as is. */
export function explainWriteError(error: unknown, dir: string): never {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code && WRITE_DENIED.has(code)) {
    throw new ResultsDirError(`cannot write the results folder ${dir}: ${path.dirname(dir)} is not writable (${code}); make it writable or pass --out`);
  }
  if (code === 'ENOTDIR' || code === 'EEXIST') throw new ResultsDirError(`cannot write the results folder ${dir}: a file is in the way (${code})`);
  throw error;
}

function previousOf(dir: string): string {
  return path.join(path.dirname(dir), `.${path.basename(dir)}.previous`);
}

export function lockOf(dir: string): string {
  return path.join(path.dirname(dir), `.${path.basename(dir)}.lock`);
}

/** Undo a swap that was interrupted after the old directory was moved aside. */
export function recoverDirectory(dir: string): void {
  const previous = previousOf(dir);
  if (!existsSync(previous)) return;
  if (existsSync(dir)) rmSync(previous, { recursive: true, force: true });
  else renameSync(previous, dir);
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Takes the lock of `dir` (waiting up to `waitMs` for a live holder), runs `fn`, releases it.
 * Synchronous on purpose: the critical section is a few renames and small writes.
 */
export function withDirectoryLock<T>(dir: string, fn: () => T, waitMs = 60_000): T {
  const lock = lockOf(dir);
  const deadline = Date.now() + waitMs;
  let fd: number | null = null;
  while (fd === null) {
    try {
      fd = openSync(lock, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') explainWriteError(error, dir);
      let holder = Number.NaN;
      try {
        holder = Number(readFileSync(lock, 'utf8').trim());
      } catch {
        // Removed between open and read: try again.
      }
      // A holder that is gone (killed mid-write) left a stale lock; an empty file is a holder
      // that has not written its pid yet, unless it stays empty past the wait.
      if ((!Number.isNaN(holder) && holder !== 0 && !alive(holder)) || Date.now() > deadline + 5_000) {
        try {
          unlinkSync(lock);
        } catch {
          // Another waiter took it over first.
        }
        continue;
      }
      if (Date.now() > deadline) throw new ResultsDirError(`the results folder ${dir} is being written by process ${holder} (lock ${lock}); try again when it is done`);
      sleep(25);
    }
  }
  try {
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return fn();
  } finally {
    try {
      unlinkSync(lock);
    } catch {
      // Already gone.
    }
  }
}

/** Temp folders `.<name>.<pid>.tmp` beside `dir` whose writer is gone (killed during a swap). */
export function removeStaleTemps(dir: string): string[] {
  const parent = path.dirname(dir);
  const prefix = `.${path.basename(dir)}.`;
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return removed;
  }
  for (const name of names) {
    const m = name.startsWith(prefix) ? /^(\d+)\.tmp$/.exec(name.slice(prefix.length)) : null;
    if (!m || Number(m[1]) === process.pid || alive(Number(m[1]))) continue;
    rmSync(path.join(parent, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

/** Build the directory's content with `fill(tmpDir)`, then swap it in for `dir`. */
export function replaceDirectory(dir: string, fill: (tmpDir: string) => void): void {
  const parent = path.dirname(dir);
  try {
    mkdirSync(parent, { recursive: true });
  } catch (error) {
    explainWriteError(error, dir);
  }
  withDirectoryLock(dir, () => {
    removeStaleTemps(dir);
    recoverDirectory(dir);
    const tmp = path.join(parent, `.${path.basename(dir)}.${process.pid}.tmp`);
    try {
      rmSync(tmp, { recursive: true, force: true });
      mkdirSync(tmp, { recursive: true });
    } catch (error) {
      explainWriteError(error, dir);
    }
    try {
      fill(tmp);
    } catch (error) {
      rmSync(tmp, { recursive: true, force: true });
      throw error;
    }
    const previous = previousOf(dir);
    try {
      if (existsSync(dir)) renameSync(dir, previous);
      renameSync(tmp, dir);
    } catch (error) {
      rmSync(tmp, { recursive: true, force: true });
      if (!existsSync(dir) && existsSync(previous)) renameSync(previous, dir);
      explainWriteError(error, dir);
    }
    rmSync(previous, { recursive: true, force: true });
  });
}
