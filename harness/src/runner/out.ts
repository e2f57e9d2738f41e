/**
 * Which folder `repro run --out` may replace. A run replaces its output folder whole, so the folder
 * must be a previous result of the same paper (its verdicts.json or provenance.json names it), an
 * empty folder, or not exist yet; never results/ itself, the project root or one of its ancestors.
 * Anything else is refused before any work, and nothing is touched.
 */
import { accessSync, constants, existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { ResultsDirError } from './atomic.js';

/** The real path of `p`, resolving symlinks in the part of it that exists. */
function realish(p: string): string {
  const abs = path.resolve(p);
  let head = abs;
  const tail: string[] = [];
  while (!existsSync(head)) {
    const up = path.dirname(head);
    if (up === head) break;
    tail.unshift(path.basename(head));
    head = up;
  }
  return path.join(realpathSync(head), ...tail);
}

const inside = (child: string, parent: string) => {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

function namesPaper(file: string, id: string): boolean {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { reproduction?: unknown };
    return data?.reproduction === id;
  } catch {
    return false;
  }
}

/** Throws a ResultsDirError (exit 2) unless `out` may hold the results of `id`. */
export function assertReplaceableOut(root: string, id: string, out: string): void {
  const target = realish(out);
  const realRoot = realish(root);
  const shown = path.relative(root, out) || '.';
  const refuse = (why: string): never => {
    throw new ResultsDirError(`run ${id}: --out ${shown}: ${why}; nothing was touched`);
  };
  if (inside(realRoot, target)) refuse('that is the project root or a folder above it, which a run would replace whole');
  if (target === realish(path.join(root, 'results'))) refuse(`that is the results folder of every paper; use --out results/${id}`);
  for (const top of ['reproductions', 'harness', 'datasets', 'reports', '.git', '.dvc', 'node_modules']) {
    if (inside(target, realish(path.join(root, top)))) refuse(`that lies inside ${top}/, which is not a results folder`);
  }
  if (!existsSync(target)) return;
  if (!statSync(target).isDirectory()) refuse('that is a file, not a folder');
  const entries = readdirSync(target);
  const ours = namesPaper(path.join(target, 'verdicts.json'), id) || namesPaper(path.join(target, 'provenance.json'), id);
  if (entries.length > 0 && !ours) {
    refuse(`that folder is not a previous result of ${id} (no verdicts.json or provenance.json naming it) and holds ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'} a run would delete; choose an empty or new folder`);
  }
}

/** Throws a ResultsDirError (exit 2) when the folder that would receive `out` is not writable. */
export function assertWritableParent(out: string): void {
  let dir = path.dirname(path.resolve(out));
  while (!existsSync(dir)) dir = path.dirname(dir);
  if (!statSync(dir).isDirectory()) throw new ResultsDirError(`cannot write the results folder ${out}: ${dir} is a file, not a folder`);
  try {
    accessSync(dir, constants.W_OK);
  } catch (error) {
    throw new ResultsDirError(`cannot write the results folder ${out}: ${dir} is not writable (${(error as NodeJS.ErrnoException).code}); make it writable or pass --out`);
  }
}
