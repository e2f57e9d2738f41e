/**
 * A worker process of the pool (pool.ts): loads the backend and the reproduction once, says which
 * backend it got, then runs the tasks its parent sends over the IPC channel, one at a time,
 * replying with each result.
 * Running several runs in one process is what a serial run (--jobs 1) does too, so the results
 * are the same; what it saves is a second or more of start-up (tsx, TensorFlow, the reproduction's
 * modules) per run. Progress goes to stderr as usual.
 */
import { selectBackend } from '../backend/select.js';
import { loadReproduction } from '../registry/discover.js';
import { exitWithParent } from './orphan.js';
import type { FromParent, ToParent } from './pool-protocol.js';
import { runVariant } from './variant.js';

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
  const result = await runVariant(def, message.task, (line) => process.stderr.write(`${line}\n`));
  send({ type: 'result', index: message.index, result });
});
send({ type: 'ready', backend });
