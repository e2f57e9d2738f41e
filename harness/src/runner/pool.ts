/**
 * Worker processes for the distinct runs of a reproduction, at most `size` at once. Each worker
 * is a Node process of its own (its own tfjs engine) that loads once and then takes runs from a
 * shared queue until it is empty. The pool starts its workers as soon as it is made, so they load
 * while the parent validates params; the parent itself never loads TensorFlow, it takes the
 * backend the workers report. Results are merged by run index, not by finishing order, so they are
 * the same as a serial run's. A worker that dies (a signal, out of memory, a native crash) fails
 * the whole run, as the death of a serial run's process does: the other workers are stopped and
 * `run` rejects with a WorkerDiedError, so the previous results are kept. With `keepGoing` it fails
 * only the run it held: that run gets an error result, and a fresh worker takes the rest of the queue.
 * Each worker gets exactly one `stop` message, after which its channel is closed.
 */
import { fork, type ChildProcess } from 'node:child_process';
import type { BackendInfo } from '../backend/types.js';
import { childEntry } from './entries.js';
import type { FromParent, ToParent } from './pool-protocol.js';
import type { RunResult, RunTask } from './one-run.js';
import { UserError } from '../errors.js';


/** A worker process died while it held a run: the run as a whole failed. */
export class WorkerDiedError extends UserError {
  override readonly exitCode = 1;
  constructor(readonly reason: string, readonly signal: NodeJS.Signals | null, readonly code: number | null) {
    super(reason);
    this.name = 'WorkerDiedError';
  }
}

/** Why a worker's exit lost its run, in words. */
export function workerDeath(label: string, code: number | null, signal: NodeJS.Signals | null): string {
  const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
  return `the worker process of ${label} ${how}${signal === 'SIGABRT' ? ' (out of memory? the heap cap is repro run --memory)' : ''}`;
}

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

  readonly #keepGoing: boolean;

  constructor(o: { root: string; id: string; size: number; keepGoing?: boolean }) {
    this.#keepGoing = o.keepGoing ?? false;
    this.#root = o.root;
    this.#id = o.id;
    this.#workers = Array.from({ length: Math.max(1, o.size) }, () => this.#spawn());
    this.backend = firstNonNull(this.#workers.map((w) => w.ready));
  }

  #spawn(): Worker {
    const entry = childEntry('worker');
    const child = fork(entry.file, [this.#root, this.#id], {
      // The heap cap of `repro run --memory` holds for every worker too.
      execArgv: [...process.execArgv.filter((a) => a.startsWith('--max-old-space-size')), ...entry.execArgv],
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

  /**
   * Runs the tasks on the workers; `onResult` hears each as it finishes (for progress), in finishing
   * order. Workers take the tasks in `order` (indices into `tasks`; default: as given); results come
   * back by index whatever the order.
   */
  async run(tasks: RunTask[], onResult?: (index: number, result: RunResult) => void, order?: readonly number[]): Promise<RunResult[]> {
    if (order && (order.length !== tasks.length || new Set(order).size !== tasks.length || order.some((i) => !(i >= 0 && i < tasks.length)))) {
      throw new Error(`WorkerPool.run: order must list each of the ${tasks.length} task indices once, got [${order.join(', ')}]`);
    }
    const results: RunResult[] = new Array(tasks.length);
    let next = 0;
    let death: WorkerDiedError | null = null;
    const failed = (why: string): RunResult => ({ record: null, error: why, seconds: 0, leakedTensors: 0 });
    const live = new Set<ChildProcess>();

    /** Feeds one worker until the queue is empty or the process is gone. */
    const drive = (worker: Worker) =>
      new Promise<void>((resolve) => {
        const child = worker.process;
        live.add(child);
        let held: number | null = null;
        let stopped = false;
        const send = (message: FromParent) => {
          if (child.connected) child.send(message);
        };
        const takeNext = () => {
          if (stopped) return;
          if (next >= tasks.length || death) {
            held = null;
            stopped = true;
            send({ type: 'stop' });
            return;
          }
          held = order ? order[next++] : next++;
          send({ type: 'task', index: held, task: tasks[held] });
        };
        // Only a result moves a worker on; its 'ready' is handled below, once.
        child.on('message', (message: ToParent) => {
          if (message.type !== 'result') return;
          results[message.index] = message.result;
          onResult?.(message.index, message.result);
          held = null;
          takeNext();
        });
        child.on('exit', (code, signal) => {
          live.delete(child);
          const lost = held;
          held = null;
          stopped = true;
          if (lost !== null) {
            const why = workerDeath(`run ${lost + 1}/${tasks.length}`, code, signal);
            results[lost] = failed(why);
            if (!this.#keepGoing) {
              // As a serial run's death would: the whole run fails, the other workers stop now.
              death ??= new WorkerDiedError(why, signal, code);
              for (const other of live) other.kill('SIGKILL');
            }
          }
          // With keepGoing the rest of the queue gets a fresh process: one crash fails one run.
          if (lost !== null && !death && next < tasks.length) void drive(this.#spawn()).then(resolve);
          else resolve();
        });
        // Start it once it has loaded (at once if it already has).
        void worker.ready.then((backend) => {
          if (backend !== null && held === null && !stopped) takeNext();
        });
      });

    // Workers beyond the number of tasks are stopped at once.
    await Promise.all(this.#workers.map(drive));
    if (death) throw death;
    const never = results.findIndex((r) => r === undefined);
    if (never >= 0 && !this.#keepGoing) throw new WorkerDiedError(`every worker process exited before run ${never + 1}/${tasks.length} could start`, null, null);
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
