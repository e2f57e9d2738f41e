import test from 'ava';
import { makeProxy, selectRows, taskClasses } from '../data.js';

const SPEC = { classes: 4, dim: 8, mapHidden: 16, spread: 1, trainPerClass: 50, testPerClass: 20 };

test('the proxy is determined by its seed, standardised on the training rows, class-balanced', (t) => {
  const a = makeProxy(SPEC, 5);
  const b = makeProxy(SPEC, 5);
  const c = makeProxy(SPEC, 6);
  t.deepEqual(a.train.x, b.train.x);
  t.notDeepEqual(a.train.x, c.train.x);
  t.is(a.train.y.length, 200);
  t.is(a.test.y.length, 80);
  t.is(a.train.x.length, 200 * 8);
  for (let j = 0; j < 8; j++) {
    let mean = 0;
    let sq = 0;
    for (let r = 0; r < 200; r++) mean += a.train.x[r * 8 + j] / 200;
    for (let r = 0; r < 200; r++) sq += (a.train.x[r * 8 + j] - mean) ** 2 / 200;
    t.true(Math.abs(mean) < 1e-5 && Math.abs(sq - 1) < 1e-4, `feature ${j}: mean ${mean}, variance ${sq}`);
  }
  t.deepEqual([...new Set(a.train.y)].sort(), [0, 1, 2, 3]);
});

test('rows are selected with their inputs, and tasks take consecutive classes', (t) => {
  const data = makeProxy(SPEC, 1);
  const rows = selectRows(data.test, 8, (c) => c >= 2);
  t.is(rows.y.length, 40);
  t.true(rows.y.every((c) => c >= 2));
  const first = [...data.test.y].findIndex((c) => c >= 2);
  t.deepEqual(rows.x.subarray(0, 8), data.test.x.subarray(first * 8, first * 8 + 8));
  t.deepEqual(taskClasses(2, 3), [6, 7, 8]);
});
