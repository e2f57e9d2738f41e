/**
 * One run of a reproduction with one set of params: the unit of work the runner schedules, in
 * this process or in a worker process. Returns plain data so it can cross a process boundary.
 */
import * as tf from '@tensorflow/tfjs-core';
import { Recorder, type RecordJson } from '../record/recorder.js';
import type { AnyReproduction, BaseParams } from '../reproduction/define.js';
import { progressPrinter } from './progress.js';

export interface RunTask {
  params: BaseParams & Record<string, unknown>;
  seeds: number[];
  profile: string;
  /** The project root, passed to the experiment as ctx.root. */
  root: string;
  /** Prefix of log lines, e.g. "[id] run 2/5 (fitted_rank=3)". */
  tag: string;
}

export interface RunResult {
  record: RecordJson | null;
  error: string | null;
  seconds: number;
  /** Tensors the run left undisposed: the leak guard. */
  leakedTensors: number;
}

export async function runOne(def: AnyReproduction, task: RunTask, log: (line: string) => void): Promise<RunResult> {
  const record = new Recorder();
  log(`${task.tag}: ${task.seeds.length} seeds`);
  const started = performance.now();
  const tensorsBefore = tf.memory().numTensors;
  let error: string | null = null;
  try {
    await def.run({ params: task.params, seeds: task.seeds, record, profile: task.profile, root: task.root, progress: progressPrinter(task.tag, log), log: (m) => log(`${task.tag} ${m}`) });
  } catch (e) {
    error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    log(`${task.tag}: FAILED: ${error}`);
  }
  const seconds = (performance.now() - started) / 1000;
  const leakedTensors = tf.memory().numTensors - tensorsBefore;
  log(`${task.tag}: ${seconds.toFixed(1)} s${leakedTensors > 0 ? `; LEAKED ${leakedTensors} tensors (dispose them or use tf.tidy)` : ''}`);
  return { record: error ? null : record.toJSON(), error, seconds, leakedTensors };
}
