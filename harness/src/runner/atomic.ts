/**
 * Atomic writes. A file goes to a temp name in the same directory, then is renamed. A result
 * directory is built beside its target and swapped in with two renames; a crash between them
 * leaves `<dir>.previous`, which `recoverDirectory` puts back. So a reader sees old or new, never mixed.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function writeFileAtomic(file: string, content: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  writeFileSync(tmp, content);
  renameSync(tmp, file);
}

function previousOf(dir: string): string {
  return path.join(path.dirname(dir), `.${path.basename(dir)}.previous`);
}

/** Undo a swap that was interrupted after the old directory was moved aside. */
export function recoverDirectory(dir: string): void {
  const previous = previousOf(dir);
  if (!existsSync(previous)) return;
  if (existsSync(dir)) rmSync(previous, { recursive: true, force: true });
  else renameSync(previous, dir);
}

/** Build the directory's content with `fill(tmpDir)`, then swap it in for `dir`. */
export function replaceDirectory(dir: string, fill: (tmpDir: string) => void): void {
  const parent = path.dirname(dir);
  mkdirSync(parent, { recursive: true });
  recoverDirectory(dir);
  const tmp = path.join(parent, `.${path.basename(dir)}.${process.pid}.tmp`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  try {
    fill(tmp);
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
  const previous = previousOf(dir);
  if (existsSync(dir)) renameSync(dir, previous);
  renameSync(tmp, dir);
  rmSync(previous, { recursive: true, force: true });
}
