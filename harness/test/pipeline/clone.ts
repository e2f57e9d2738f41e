/**
 * A throwaway copy of the working tree (tracked and untracked-but-not-ignored files, as a fresh
 * clone would have them plus uncommitted edits), committed in a new git repo, with node_modules
 * and .venv linked from this checkout (what `make setup` leaves) so nothing is installed again.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';

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
  symlinkSync(path.join(ROOT, '.venv'), path.join(dir, '.venv'));
  if (options.only) {
    for (const id of readdirSync(path.join(dir, 'reproductions'))) {
      if (!options.only.includes(id)) rmSync(path.join(dir, 'reproductions', id), { recursive: true, force: true });
    }
    // dvc.yaml's plots and per-paper stages (e.g. model training) name files of the papers a
    // trimmed copy drops: remove them with the papers.
    const dvcYaml = parseDocument(readFileSync(path.join(dir, 'dvc.yaml'), 'utf8'));
    dvcYaml.delete('plots');
    const stages = dvcYaml.get('stages') as { items: { key: { value: string } }[] };
    for (const name of stages.items.map((i) => String(i.key.value))) {
      const deps = JSON.stringify(dvcYaml.getIn(['stages', name, 'deps']) ?? '');
      const dropped = readdirSync(path.join(ROOT, 'reproductions')).filter((id) => !options.only!.includes(id));
      if (dropped.some((id) => deps.includes(`reproductions/${id}/`))) dvcYaml.deleteIn(['stages', name]);
    }
    writeFileSync(path.join(dir, 'dvc.yaml'), dvcYaml.toString());
    // The committed lock describes the full pipeline's outputs, which a trimmed copy never had.
    rmSync(path.join(dir, 'dvc.lock'), { force: true });
  }
  if (options.params) writeFileSync(path.join(dir, 'params.yaml'), options.params);
  else if (options.only) {
    // Keep only the chosen papers' sections (with their real smoke params).
    const doc = parseDocument(readFileSync(path.join(dir, 'params.yaml'), 'utf8'));
    const papers = doc.get('papers') as { items: { key: { value: string } }[] };
    for (const id of papers.items.map((i) => String(i.key.value))) if (!options.only.includes(id)) doc.deleteIn(['papers', id]);
    writeFileSync(path.join(dir, 'params.yaml'), doc.toString());
  }
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  git('init', '-q');
  git('-c', 'user.email=test@localhost', '-c', 'user.name=test', 'add', '-A');
  git('-c', 'user.email=test@localhost', '-c', 'user.name=test', 'commit', '-qm', 'snapshot');
  return dir;
}
