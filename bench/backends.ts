/** A matmul on another tfjs backend, in a child process with REPRO_BACKEND set (one backend per process). */
import { execa } from 'execa';
import type { BackendName } from '../harness/src/backend/types.js';
import type { MatmulTiming } from './matmul.js';
import { MATMUL_CHILD, ROOT } from './paths.js';
import { lastJsonLine } from './python.js';
import type { TimingOptions } from './timing.js';

export interface ChildMatmul extends MatmulTiming {
  backend: BackendName;
  tfBackend: string;
  /** The child backend's versions (for webgpu: its adapter, limits and flags). */
  versions?: Record<string, string>;
}

export async function matmulInChild(backend: BackendName, size: number, opts: TimingOptions, perSync = 1): Promise<ChildMatmul> {
  const args = ['--import', 'tsx', MATMUL_CHILD, '--size', String(size), '--iterations', String(opts.iterations),
    '--time', String(opts.time), '--warmup', String(opts.warmupIterations), '--per-sync', String(perSync)];
  const result = await execa(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, REPRO_BACKEND: backend },
    reject: false,
    timeout: 600_000,
  });
  if (result.exitCode !== 0) {
    const tail = String(result.stderr).trim().split('\n').slice(-3).join(' | ');
    throw new Error(`matmul child (${backend}) exited ${result.exitCode ?? result.signal}: ${tail}`);
  }
  const out = lastJsonLine(String(result.stdout)) as ChildMatmul;
  if (out.backend !== backend) throw new Error(`matmul child asked for ${backend} but ran on ${out.backend}`);
  return out;
}
