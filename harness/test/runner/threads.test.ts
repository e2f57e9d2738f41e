import test from 'ava';
import { DEFAULT_THREADS, parseThreads, threadEnv, threadsFromEnv, ThreadsError } from '../../src/runner/threads.js';

test('one thread per run process unless REPRO_THREADS says otherwise', (t) => {
  t.is(threadsFromEnv({}), DEFAULT_THREADS);
  t.is(DEFAULT_THREADS, 1);
  t.is(threadsFromEnv({ REPRO_THREADS: '' }), 1);
  t.is(threadsFromEnv({ REPRO_THREADS: ' 4 ' }), 4);
});

test('a thread count that is not a whole number from 1 to 1024 is refused with where it came from', (t) => {
  for (const bad of ['0', '-2', '1.5', 'two', '1025', 'NaN']) {
    const error = t.throws(() => parseThreads(bad, 'run: --threads'), { instanceOf: ThreadsError });
    t.is(error?.message, `run: --threads: got ${JSON.stringify(bad)}; expected a whole number of threads from 1 to 1024 (default 1)`);
  }
  t.throws(() => threadsFromEnv({ REPRO_THREADS: 'all' }), { message: /^REPRO_THREADS \(environment\): got "all"/ });
});

test('the environment sizes TensorFlow\'s intra-op pool and keeps one inter-op thread', (t) => {
  t.deepEqual(threadEnv(3), { REPRO_THREADS: '3', TF_NUM_INTRAOP_THREADS: '3', TF_NUM_INTEROP_THREADS: '1' });
});
