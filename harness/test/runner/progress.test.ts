/** Progress lines: an estimate of the time left from the pace so far, and one line per finished run. */
import test from 'ava';
import { remaining, runsProgress } from '../../src/runner/progress.js';
import { isLibraryNoise } from '../../src/runner/spawn.js';

test('remaining: the time left at the pace so far, nothing before the first step or after the last', (t) => {
  t.is(remaining(10_000, 1, 3), ', about 20 s left');
  t.is(remaining(60_000, 1, 4), ', about 3 min 00 s left');
  t.is(remaining(10_000, 0, 3), '');
  t.is(remaining(10_000, 3, 3), '');
});

test('runsProgress: one line per finished run over all of a paper\'s runs, none for a single run', (t) => {
  const lines: string[] = [];
  const finished = runsProgress('toy', 3, (l) => lines.push(l));
  finished();
  finished();
  finished();
  t.is(lines.length, 3);
  t.regex(lines[0], /^\[toy\] 1 of 3 runs done in [\d.]+ m?s/);
  t.regex(lines[2], /^\[toy\] 3 of 3 runs done in [\d.]+ m?s$/);
  const single: string[] = [];
  runsProgress('one', 1, (l) => single.push(l))();
  t.deepEqual(single, []);
});

test('isLibraryNoise: TensorFlow\'s two load-time lines are dropped, nothing else', (t) => {
  t.true(isLibraryNoise('WARNING: All log messages before absl::InitializeLog() is called are written to STDERR'));
  t.true(isLibraryNoise('I0000 00:00:1796462808.576579   29310 port.cc:153] oneDNN custom operations are on. You may see slightly different numerical results'));
  t.false(isLibraryNoise('[toy] run 1/2 (default)  50% seed 0'));
  t.false(isLibraryNoise('E0000 00:00:1796462808.576579   29310 something.cc:1] a real error'));
});
