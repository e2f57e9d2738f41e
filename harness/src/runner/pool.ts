/**
 * Worker processes for the distinct runs of a reproduction, at most `size` at once. Each worker
 * is a Node process of its own (its own tfjs engine) that loads once and then takes runs from a
 * shared queue until it is empty. The pool starts its workers as soon as it is made, so they load
 * while the parent validates params; the parent itself never loads TensorFlow, it takes the
 * backend the workers report. Results are merged by run index, not by finishing order, so they are
 * the same as a serial run's. A worker that dies fails only the run it held: that run gets an
 * error result, and a fresh worker takes its place for the rest of the queue.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BackendInfo } from '../backend/types.js';
import type { FromParent, ToParent } from './pool-protocol.js';
import type { VariantResult, VariantTask } from './variant.js';

const WORKER = fileURLToPath(new URL('./variant-child.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');

interface Worker {
  process: ChildProcess;
  ready: Promise<BackendInfo | null>;
}

export class WorkerPool {
  readonly #root: string;
  readonly #id: string;
  readonly #workers: Worker[];
  /** The backend of the first worker that loaded; null if none did. */
  readonly backend: Promise<BackendInfo | null>;

  constructor(o: { root: string; id: string; size: number }) {
    this.#root = o.root;
    this.#id = o.id;
    this.#workers = Array.from({ length: Math.max(1, o.size) }, () => this.#spawn());
    this.backend = firstNonNull(this.#workers.map((w) => w.ready));
  }

  #spawn(): Worker {
    const child = fork(WORKER, [this.#root, this.#id], {
      // The heap cap of `repro run --memory` holds for every worker too.
      execArgv: [...process.execArgv.filter((a) => a.startsWith('--max-old-space-size')), '--import', TSX],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, REPRO_PARENT_PID: String(process.pid) },
    });
    // A message sent as a worker dies fails with an 'error' event; its 'exit' handler does the
    // bookkeeping, and an unhandled 'error' would take this process down.
    child.on('error', () => {});
    const ready = new Promise<BackendInfo | null>((resolve) => {
      child.once('message', (m: ToParent) => resolve(m.type === 'ready' ? m.backend : null));
      child.once('exit', () => resolve(null));
    });
    return { process: child, ready };
  }

  /** Runs every task once; then the workers exit. A pool runs one queue. */
  async run(tasks: VariantTask[]): Promise<VariantResult[]> {
    const results: VariantResult[] = new Array(tasks.length);
    let next = 0;
    const failed = (why: string): VariantResult => ({ record: null, error: why, seconds: 0, leakedTensors: 0 });

    /** Feeds one worker until the queue is empty or the process is gone. */
    const drive = (worker: Worker) =>
      new Promise<void>((resolve) => {
        const child = worker.process;
        let held: number | null = null;
        const send = (message: FromParent) => child.send(message);
        const takeNext = () => {
          if (next >= tasks.length) {
            held = null;
            send({ type: 'stop' });
            return;
          }
          held = next++;
          send({ type: 'task', index: held, task: tasks[held] });
        };
        child.on('message', (message: ToParent) => {
          if (message.type === 'result') results[message.index] = message.result;
          takeNext();
        });
        child.on('exit', (code, signal) => {
          const lost = held;
          held = null;
          if (lost !== null) results[lost] = failed(`worker process failed (exit ${code ?? signal})${signal === 'SIGABRT' ? ': out of memory? (the heap cap is repro run --memory)' : ''}`);
          // The rest of the queue gets a fresh process: one crash fails one run, as in a serial run.
          if (lost !== null && next < tasks.length) void drive(this.#spawn()).then(resolve);
          else resolve();
        });
        // Already loaded (its 'ready' came before this queue): start it now.
        void worker.ready.then((backend) => {
          if (backend !== null && held === null && child.connected) takeNext();
        });
      });

    // Workers beyond the number of tasks are stopped at once.
    await Promise.all(this.#workers.map(drive));
    for (let i = 0; i < results.length; i++) results[i] ??= failed('worker process failed before it ran this task');
    return results;
  }

  /** Ends every worker (on an error before run()). */
  close(): void {
    for (const w of this.#workers) if (w.process.exitCode === null) w.process.kill('SIGKILL');
  }
}

async function firstNonNull<T>(promises: Promise<T | null>[]): Promise<T | null> {
  return new Promise((resolve) => {
    let pending = promises.length;
    for (const p of promises) {
      void p.then((value) => {
        if (value !== null) resolve(value);
        else if (--pending === 0) resolve(null);
      });
    }
  });
}
