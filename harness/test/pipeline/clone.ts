/**
 * A throwaway copy of the working tree (tracked and untracked-but-not-ignored files, as a fresh
 * clone would have them plus uncommitted edits), committed in a new git repo, with node_modules
 * linked from this checkout so nothing is installed again.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** Keep only these reproductions (folders and params.yaml sections), optionally with new params. */
export interface CloneOptions { only?: string[]; params?: string }

export function cloneWorkingTree(options: CloneOptions = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'repro-clone-'));
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT })
    .toString().split('\0').filter(Boolean);
  for (const file of files) {
    const from = path.join(ROOT, file);
    const to = path.join(dir, file);
    mkdirSync(path.dirname(to), { recursive: true });
    try {
      cpSync(from, to);
    } catch {
      // A file deleted in the working tree but still tracked: a clone of the edit would lack it too.
    }
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  if (options.only) {
    for (const id of readdirSync(path.join(dir, 'reproductions'))) {
      if (!options.only.includes(id)) rmSync(path.join(dir, 'reproductions', id), { recursive: true, force: true });
    }
    // dvc.yaml's plots name files of the default papers; a trimmed copy drops them.
    const dvcYaml = readFileSync(path.join(dir, 'dvc.yaml'), 'utf8');
    writeFileSync(path.join(dir, 'dvc.yaml'), dvcYaml.replace(/\nplots:[\s\S]*$/, '\n'));
    // The committed lock describes the full pipeline's outputs, which a trimmed copy never had.
    rmSync(path.join(dir, 'dvc.lock'), { force: true });
  }
  if (options.params) writeFileSync(path.join(dir, 'params.yaml'), options.params);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  git('init', '-q');
  git('-c', 'user.email=test@localhost', '-c', 'user.name=test', 'add', '-A');
  git('-c', 'user.email=test@localhost', '-c', 'user.name=test', 'commit', '-qm', 'snapshot');
  return dir;
}
