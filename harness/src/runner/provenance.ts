/**
 * provenance.json and run-facts.json, built in one place for a finished run and for the failure
 * path. provenance.json is hashed by DVC and must not vary between runs of the same code, params
 * and data; everything that does (git state, machine, dates, timings, --jobs) goes to run-facts.json.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import type { Provenance, RunFacts } from '../types.js';
import type { PlannedRun } from './plan.js';

/** One planned run as it ended; `seconds` is wall time, a run fact. */
export interface RunRecord {
  run: PlannedRun;
  seconds?: number;
  leakedTensors?: number;
  error: string | null;
}

export function provenanceOf(o: {
  reproduction: string;
  profile: string;
  backend: { name: string; note?: string | null; versions?: Record<string, string> };
  seeds: number[];
  params: Record<string, unknown>;
  threadsPerProcess?: number;
  runs: readonly RunRecord[];
}): Provenance {
  return {
    reproduction: o.reproduction,
    profile: o.profile,
    backend: o.backend.name,
    ...(o.backend.note ? { backendNote: o.backend.note } : {}),
    versions: { ...harnessVersions(), ...o.backend.versions },
    seeds: o.seeds,
    params: o.params,
    ...(o.threadsPerProcess !== undefined ? { compute: { threadsPerProcess: o.threadsPerProcess } } : {}),
    runs: o.runs.map((r) => ({
      params: r.run.overrides,
      ...(r.leakedTensors !== undefined ? { leakedTensors: r.leakedTensors } : {}),
      ...(r.error ? { error: r.error } : {}),
    })),
  };
}

export function runFactsOf(o: { reproduction: string; root: string; startedAt: Date; durationSeconds: number; jobs?: number; runs: readonly RunRecord[] }): RunFacts {
  return {
    reproduction: o.reproduction,
    git: gitState(o.root),
    machine: machine(),
    startedAt: o.startedAt.toISOString(),
    durationSeconds: o.durationSeconds,
    ...(o.jobs !== undefined ? { jobs: o.jobs } : {}),
    // Runs that never ended (the process died) have no wall time to record.
    runs: o.runs.flatMap((r) => (r.seconds === undefined ? [] : [{ params: r.run.overrides, seconds: Math.round(r.seconds * 1000) / 1000 }])),
  };
}

export function gitState(root: string): { rev: string | null; dirty: boolean | null } {
  try {
    const rev = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }).toString();
    return { rev, dirty: status.trim().length > 0 };
  } catch {
    return { rev: null, dirty: null };
  }
}

export function machine(): { cpu: string; cores: number; memoryGiB: number; platform: string } {
  return {
    cpu: os.cpus()[0]?.model?.trim() ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  };
}

export function harnessVersions(): Record<string, string> {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return { harness: pkg.version, node: process.versions.node };
}
