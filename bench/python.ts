/** Runs one of bench/references/*.py in the project venv as a child process and parses its JSON. */
import { execa } from 'execa';
import path from 'node:path';
import { VENV_PYTHON, haveFile } from './paths.js';

/**
 * Set on some processors because older OpenBLAS builds misbehave there; they slow a current numpy.
 * The numpy benchmark child runs without both (that child only: tests and CI keep them).
 */
export const OPENBLAS_TUNING_VARS = ['OPENBLAS_CORETYPE', 'OPENBLAS_L2_SIZE'] as const;

/** A copy of `env` without the OpenBLAS core-type overrides (pure). */
export function withoutOpenblasOverrides(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env };
  for (const name of OPENBLAS_TUNING_VARS) delete out[name];
  return out;
}

/** The last JSON object line of a script's stdout (scripts print exactly one; logs may precede it). */
export function lastJsonLine(stdout: string): unknown {
  const lines = stdout.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('{'));
  const last = lines.at(-1);
  if (last === undefined) throw new Error(`no JSON object in the script's output: ${stdout.slice(-300)}`);
  return JSON.parse(last);
}

export interface PythonRun {
  script: string;
  args?: string[];
  /** The whole child environment (default: this process's). */
  env?: NodeJS.ProcessEnv;
  /** Written to the child's stdin. */
  input?: string;
  timeoutMs?: number;
}

export async function runPythonJson<T>(run: PythonRun): Promise<T> {
  if (!haveFile(VENV_PYTHON)) {
    throw new Error(`no project venv at ${VENV_PYTHON}: run 'make setup' and '.venv/bin/pip install -r requirements-bench.txt'`);
  }
  const result = await execa(VENV_PYTHON, [run.script, ...(run.args ?? [])], {
    env: run.env ?? process.env,
    extendEnv: false,
    input: run.input,
    timeout: run.timeoutMs ?? 600_000,
    reject: false,
  });
  if (result.exitCode !== 0) {
    const missing = /No module named '([\w.]+)'/.exec(String(result.stderr));
    if (missing) throw new Error(`${path.basename(run.script)}: Python module '${missing[1]}' is not in .venv; 'make bench' installs requirements-bench.txt (the references)`);
    const tail = String(result.stderr).trim().split('\n').slice(-3).join(' | ');
    throw new Error(`${run.script} exited ${result.exitCode ?? result.signal}: ${tail}`);
  }
  return lastJsonLine(String(result.stdout)) as T;
}
