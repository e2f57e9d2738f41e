/** Where things are, from this file's location (bench/ -> repository root). */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The project venv's Python (the references run there: numpy, torch, threadpoolctl). */
export const VENV_PYTHON = path.join(ROOT, '.venv', 'bin', 'python');
export const DVC = path.join(ROOT, '.venv', 'bin', 'dvc');

export const PY_SCRIPTS = {
  matmul: path.join(ROOT, 'bench', 'references', 'matmul_numpy.py'),
  overhead: path.join(ROOT, 'bench', 'references', 'op_overhead_torch.py'),
  lowrank: path.join(ROOT, 'bench', 'references', 'lowrank_reference.py'),
} as const;

/** The child entry that times a matmul on one forced backend. */
export const MATMUL_CHILD = fileURLToPath(new URL('./matmul-child.ts', import.meta.url));

/** GNU time, for a child's peak RSS (`-v` prints "Maximum resident set size"). */
export const GNU_TIME = '/usr/bin/time';

export function haveFile(file: string): boolean {
  return existsSync(file);
}
