/**
 * Runs variants in worker processes, at most `jobs` at a time. Each worker is a Node process of
 * its own (its own tfjs engine) that loads once and then takes tasks from a shared queue until it
 * is empty. Results are merged by variant index, not by finishing order, so they are the same as
 * a serial run's. A worker that dies fails only the task it held: that task gets an error result,
 * and a fresh worker takes its place for the rest of the queue.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FromParent, ToParent } from './pool-protocol.js';
import type { VariantResult, VariantTask } from './variant.js';

const WORKER = fileURLToPath(new URL('./variant-child.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');

export async function runInWorkers(o: { root: string; id: string; tasks: VariantTask[]; jobs: number }): Promise<VariantResult[]> {
  const results: VariantResult[] = new Array(o.tasks.length);
  let next = 0;
  const failed = (why: string): VariantResult => ({ record: null, error: why, seconds: 0, leakedTensors: 0 });

  /** One worker process; resolves when the queue is empty or the process is gone. */
  const worker = () =>
    new Promise<void>((resolve) => {
      const child: ChildProcess = fork(WORKER, [o.root, o.id], {
        execArgv: ['--import', TSX],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        env: { ...process.env, REPRO_PARENT_PID: String(process.pid) },
      });
      let held: number | null = null;
      const send = (message: FromParent) => child.send(message);
      const takeNext = () => {
        if (next >= o.tasks.length) {
          held = null;
          send({ type: 'stop' });
          return;
        }
        held = next++;
        send({ type: 'task', index: held, task: o.tasks[held] });
      };
      child.on('message', (message: ToParent) => {
        if (message.type === 'result') results[message.index] = message.result;
        takeNext();
      });
      child.on('exit', (code, signal) => {
        if (held !== null) {
          results[held] = failed(`worker process failed (exit ${code ?? signal})`);
          held = null;
          // The rest of the queue gets a fresh process: one crash fails one run, as in a serial run.
          if (next < o.tasks.length) {
            void worker().then(resolve);
            return;
          }
        }
        resolve();
      });
    });

  await Promise.all(Array.from({ length: Math.max(1, Math.min(o.jobs, o.tasks.length)) }, worker));
  for (let i = 0; i < results.length; i++) results[i] ??= failed('worker process failed before it ran this task');
  return results;
}
