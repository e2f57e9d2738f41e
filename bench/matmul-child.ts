/**
 * Child entry: times one matmul on the backend REPRO_BACKEND forces and prints one JSON line.
 * Run by backends.ts as `node --import tsx matmul-child.ts --size N --iterations K --time MS --warmup W [--per-sync P]`
 * (one backend per process, so each backend gets its own child).
 */
import { getTf } from '../harness/src/backend/tf.js';
import { selectBackend } from '../harness/src/backend/select.js';
import { timeMatmul } from './matmul.js';

function intArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isInteger(v) || v < 0) throw new Error(`--${name} must be a non-negative integer, got ${process.argv[i + 1]}`);
  return v;
}

const tf = await getTf();
const info = await selectBackend();
const timing = await timeMatmul(tf, intArg('size', 1024), {
  iterations: Math.max(1, intArg('iterations', 10)),
  time: intArg('time', 1000),
  warmupIterations: intArg('warmup', 2),
}, Math.max(1, intArg('per-sync', 1)));
process.stdout.write(`${JSON.stringify({ backend: info.name, tfBackend: info.tfBackend, versions: info.versions, ...timing })}\n`);
