import test from 'ava';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { longestFirst, previousRunSeconds } from '../../src/runner/schedule.js';

const runs = [{ overrides: {} }, { overrides: { a: 1 } }, { overrides: { b: [1, 2] } }, { overrides: { a: 1, b: 2 } }];

test('runs a previous run timed go longest first; ties keep plan order', (t) => {
  const previous = new Map([['{}', 5], ['{"a":1}', 60], ['{"b":[1,2]}', 5], ['{"a":1,"b":2}', 20]]);
  t.deepEqual(longestFirst(runs, previous), [1, 3, 0, 2]);
});

test('runs never timed go first, in plan order; with no previous run the order is the plan', (t) => {
  t.deepEqual(longestFirst(runs, new Map([['{}', 5], ['{"a":1}', 60]])), [2, 3, 1, 0]);
  t.deepEqual(longestFirst(runs, new Map()), [0, 1, 2, 3]);
});

test("a previous run-facts.json gives each run's seconds by its overrides, key order aside", (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'schedule-'));
  writeFileSync(path.join(dir, 'run-facts.json'), JSON.stringify({ runs: [{ params: {}, seconds: 3.5 }, { params: { b: 2, a: 1 }, seconds: 12 }, { params: { a: 1 }, seconds: 'slow' }] }));
  const seconds = previousRunSeconds(dir);
  t.deepEqual([...seconds], [['{}', 3.5], ['{"a":1,"b":2}', 12]]);
  t.deepEqual(longestFirst(runs, seconds), [1, 2, 3, 0]);
});

test('a missing or damaged run-facts.json only loses the ordering: no error', (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'schedule-'));
  t.is(previousRunSeconds(dir).size, 0);
  writeFileSync(path.join(dir, 'run-facts.json'), '{"runs": [');
  t.is(previousRunSeconds(dir).size, 0);
  writeFileSync(path.join(dir, 'run-facts.json'), '{"runs": 7}');
  t.is(previousRunSeconds(dir).size, 0);
});
