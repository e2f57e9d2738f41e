/**
 * Atomic file writes, the one way the harness replaces a file (results, reports, expected.json,
 * params.yaml): the content goes to a temp file in the same directory, then is renamed over the
 * target, so a reader sees the old file or the new one, never a part. The temp name carries the
 * pid and random bytes, so concurrent writers never share one; it is removed when the write fails.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const dir = path.dirname(file);
  mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}
