/**
 * Runs variants in worker processes, at most `jobs` at a time. Each worker is a fresh Node
 * process (its own tfjs engine), so results are the same as a serial run: they are merged by
 * variant index, not by finishing order.
 */
import { execa } from 'execa';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VariantResult, VariantTask } from './variant.js';

const WORKER = fileURLToPath(new URL('./variant-child.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');

export async function runInWorkers(o: { root: string; id: string; tasks: VariantTask[]; jobs: number }): Promise<VariantResult[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `repro-${o.id}-pool-`));
  const results: VariantResult[] = new Array(o.tasks.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < o.tasks.length; i = next++) {
      const taskFile = path.join(dir, `${i}.task.json`);
      const resultFile = path.join(dir, `${i}.result.json`);
      writeFileSync(taskFile, JSON.stringify({ root: o.root, id: o.id, task: o.tasks[i] }));
      const r = await execa(process.execPath, ['--import', TSX, WORKER, taskFile, resultFile], { reject: false, stdin: 'ignore', stdout: 'inherit', stderr: 'inherit', env: { ...process.env, REPRO_PARENT_PID: String(process.pid) } });
      results[i] = r.exitCode === 0
        ? (JSON.parse(readFileSync(resultFile, 'utf8')) as VariantResult)
        : { record: null, error: `worker process failed (exit ${r.exitCode ?? r.signal})`, seconds: 0, leakedTensors: 0 };
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(o.jobs, o.tasks.length)) }, worker));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
