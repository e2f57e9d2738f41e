/** The expectations a run is compared with: expected.json now, or as committed at a base revision. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { UserError } from '../errors.js';
import { parseExpectations, readExpectations, type Expectations } from './expected.js';

/** A `--base` revision that is not one, or at which expected.json cannot be read. */
export class BaseRevisionError extends UserError {}

export function expectationsAt(root: string, expectedFile: string, rev?: string): { label: string; expectations: Expectations } {
  if (!rev) return { label: path.basename(expectedFile), expectations: readExpectations(expectedFile) };
  if (!/^[\w./~^@{}-]+$/.test(rev)) throw new BaseRevisionError(`--base got ${JSON.stringify(rev)}; expected a git revision`);
  const rel = path.relative(root, expectedFile);
  let text: string;
  try {
    text = execFileSync('git', ['show', `${rev}:${rel}`], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  } catch (error) {
    const detail = (error as { stderr?: Buffer }).stderr?.toString().trim().split('\n')[0] ?? '';
    throw new BaseRevisionError(`--base ${rev}: cannot read ${rel} at that revision (${detail})`);
  }
  return { label: `${rel} at ${rev}`, expectations: parseExpectations(text, `${rev}:${rel}`) };
}
