/**
 * A worker process: one of the pool (pool.ts) that the run process (run-process.ts) starts for
 * --jobs > 1. It loads the backend and the reproduction once, says which backend it got, then
 * does the runs its parent sends over the IPC channel, one at a time, replying with each result.
 * Doing several runs in one process is what a serial run (--jobs 1) does too, so the results
 * are the same; what it saves is a second or more of start-up (tsx, TensorFlow, the reproduction's
 * modules) per run. Progress goes to stderr as usual.
 */
import { selectBackend } from '../backend/select.js';
import { loadReproduction } from '../registry/discover.js';
import { exitWithParent } from './orphan.js';
import type { FromParent, ToParent } from './pool-protocol.js';
import { runOne } from './one-run.js';

exitWithParent({ killGroup: false });
const [root, id] = process.argv.slice(2);
const send = (message: ToParent) => {
  if (process.connected) process.send!(message);
};

const backend = await selectBackend();
const def = await loadReproduction(root, id);
process.on('message', async (message: FromParent) => {
  if (message.type === 'stop') {
    // One stop per worker (pool.ts); a closed channel is never disconnected twice.
    if (process.connected) process.disconnect();
    return;
  }
  const result = await runOne(def, message.task, (line) => process.stderr.write(`${line}\n`));
  send({ type: 'result', index: message.index, result });
});
send({ type: 'ready', backend });
