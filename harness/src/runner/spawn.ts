/**
 * Runs a reproduction in a child process (execa) with a timeout and a memory cap, streaming its
 * progress. A crash, kill or timeout writes nothing: the previous results stay as they were.
 */
import { execa } from 'execa';
import os from 'node:os';
import { childEntry } from './entries.js';
import { threadEnv, threadsFromEnv } from './threads.js';

export interface SpawnOptions {
  root: string;
  id: string;
  params?: string;
  out?: string;
  seedBase?: number;
  /** Distinct runs done at once in worker processes (default: REPRO_JOBS, else the number of cores). */
  jobs?: number;
  /** Compute threads of each run process (default: REPRO_THREADS, else 1; see threads.ts). */
  threads?: number;
  timeoutSeconds?: number;
  memoryMiB?: number;
  env?: Record<string, string>;
  /** A worker that dies fails only its own run (error verdicts) instead of the whole run. */
  keepGoing?: boolean;
  /** Where the child's stderr goes (progress); default: this process's stderr. */
  stderr?: 'inherit' | 'pipe';
}

/** REPRO_JOBS when set, else the cores this process may use. */
export function defaultJobs(): number {
  const fromEnv = Number(process.env.REPRO_JOBS);
  return Number.isInteger(fromEnv) && fromEnv >= 1 ? fromEnv : os.availableParallelism();
}

export interface SpawnResult { exitCode: number; seconds: number; timedOut: boolean; signal: string | null; outOfMemory: boolean; stderr: string }


/**
 * The process groups of the runs in flight. One SIGINT/SIGTERM handler for all of them (a handler
 * per run would pile up when a caller, such as a test file, runs many at once): an interrupt
 * takes every run's group down, then exits as the signal would have.
 */
const interruptible = new Set<() => void>();
const onSignal = (signal: NodeJS.Signals) => {
  for (const kill of interruptible) kill();
  process.exit(signal === 'SIGINT' ? 130 : 143);
};
function watchSignals(): void {
  const watching = process.listeners('SIGINT').includes(onSignal);
  if (interruptible.size > 0 && !watching) {
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  } else if (interruptible.size === 0 && watching) {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** Longest timeout: a day (Node's timers overflow past 2^31 - 1 ms, about 24.8 days). */
export const MAX_TIMEOUT_SECONDS = 86_400;

export async function runInChild(o: SpawnOptions): Promise<SpawnResult> {
  const timeoutSeconds = o.timeoutSeconds ?? 1800;
  if (!(timeoutSeconds > 0 && timeoutSeconds <= MAX_TIMEOUT_SECONDS)) {
    throw new RangeError(`runInChild: timeoutSeconds ${timeoutSeconds} is outside (0, ${MAX_TIMEOUT_SECONDS}]`);
  }
  const entry = childEntry('run-process');
  const args = [
    `--max-old-space-size=${o.memoryMiB ?? 8192}`,
    ...entry.execArgv,
    entry.file, o.id, '--root', o.root,
    ...(o.params ? ['--params', o.params] : []),
    ...(o.out ? ['--out', o.out] : []),
    ...(o.seedBase ? [`--seed-base=${o.seedBase}`] : []),
    '--jobs', String(o.jobs ?? defaultJobs()),
    ...(o.keepGoing ? ['--keep-going'] : []),
  ];
  const started = performance.now();
  // The child leads its own process group, so a timeout or an interrupt takes its worker
  // processes down with it: an orphaned worker would run on and hold the output pipes open.
  const subprocess = execa(process.execPath, args, {
    cwd: o.root,
    reject: false,
    detached: true,
    stdin: 'ignore',
    stdout: 'inherit',
    // TensorFlow's C library logs two lines at load (absl, before any log level applies); drop
    // them here, once for the run process and its workers, which share this stream.
    stderr: o.stderr === 'pipe' ? 'pipe' : [dropLibraryNoise, 'inherit'],
    // Set before TensorFlow loads in the child; its workers inherit them.
    env: { ...threadEnv(o.threads ?? threadsFromEnv({ ...process.env, ...o.env })), ...o.env, REPRO_PARENT_PID: String(process.pid) },
  });
  const killGroup = () => {
    try {
      if (subprocess.pid) process.kill(-subprocess.pid, 'SIGKILL');
    } catch {
      // ESRCH: the group is gone already.
    }
  };
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup();
  }, timeoutSeconds * 1000);
  interruptible.add(killGroup);
  watchSignals();
  const result = await subprocess;
  clearTimeout(timer);
  interruptible.delete(killGroup);
  watchSignals();
  // A child that crashed may have left workers behind: reap them too.
  killGroup();
  return {
    exitCode: result.exitCode ?? (timedOut ? 124 : 1),
    seconds: (performance.now() - started) / 1000,
    timedOut,
    signal: result.signal ?? null,
    outOfMemory: /heap out of memory|Allocation failed/.test(typeof result.stderr === 'string' ? result.stderr : ''),
    stderr: typeof result.stderr === 'string' ? result.stderr : '',
  };
}

/** Lines TensorFlow prints on every load that say nothing about the run (stderr is ours otherwise). */
const LIBRARY_NOISE = [/^WARNING: All log messages before absl::InitializeLog\(\) is called are written to STDERR$/, /^I0000 [\d:. ]+\d+ port\.cc:\d+\] oneDNN custom operations are on\./];

export function isLibraryNoise(line: string): boolean {
  return LIBRARY_NOISE.some((re) => re.test(line));
}

function* dropLibraryNoise(line: unknown): Generator<unknown> {
  if (typeof line !== 'string' || !isLibraryNoise(line)) yield line;
}
