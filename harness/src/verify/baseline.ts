/** The expectations a run is compared with: expected.json now, or as committed at a base revision. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { UsageError } from '../cli/errors.js';
import { parseExpectations, readExpectations, type Expectations } from './expected.js';

export function expectationsAt(root: string, expectedFile: string, rev?: string): { label: string; expectations: Expectations } {
  if (!rev) return { label: path.basename(expectedFile), expectations: readExpectations(expectedFile) };
  if (!/^[\w./~^@{}-]+$/.test(rev)) throw new UsageError(`--base got ${JSON.stringify(rev)}; expected a git revision`);
  const rel = path.relative(root, expectedFile);
  let text: string;
  try {
    text = execFileSync('git', ['show', `${rev}:${rel}`], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  } catch (error) {
    const detail = (error as { stderr?: Buffer }).stderr?.toString().trim().split('\n')[0] ?? '';
    throw new UsageError(`--base ${rev}: cannot read ${rel} at that revision (${detail})`);
  }
  return { label: `${rel} at ${rev}`, expectations: parseExpectations(text, `${rev}:${rel}`) };
}
