import test from 'ava';
import { fileURLToPath } from 'node:url';
import { loadDigits } from '#datasets/real';
import { isPositiveDigit, makeSplit, PIXELS } from '../pu-split.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const digits = loadDigits(ROOT);

test('the digits PU split: sizes, scaling, labelled rows are training positives, seeded', (t) => {
  const s = makeSplit(digits.images, digits.labels, 3, { testFraction: 0.3, labelledCount: 200 });
  t.is(s.test.length / PIXELS, 539);
  t.is(s.unlabelled.length / PIXELS, 1797 - 539);
  t.is(s.labelled.length / PIXELS, 200);
  t.is(s.randomLabelled.length / PIXELS, 200);
  t.true(s.unlabelled.every((v) => v >= 0 && v <= 1));
  t.true(s.prior > 0.45 && s.prior < 0.55, `π = ${s.prior}`);
  // Every labelled row is one of U's positive rows; the test set shares no row index with U (checked by content count).
  const key = (rows: Float32Array, i: number) => rows.subarray(i * PIXELS, (i + 1) * PIXELS).join(',');
  const uPositives = new Set(Array.from({ length: s.unlabelledY.length }, (_, i) => i).filter((i) => s.unlabelledY[i] === 1).map((i) => key(s.unlabelled, i)));
  for (let i = 0; i < 200; i++) t.true(uPositives.has(key(s.labelled, i)));
  const again = makeSplit(digits.images, digits.labels, 3, { testFraction: 0.3, labelledCount: 200 });
  t.deepEqual(again.labelled, s.labelled);
  const other = makeSplit(digits.images, digits.labels, 4, { testFraction: 0.3, labelledCount: 200 });
  t.notDeepEqual(other.labelled, s.labelled);
  t.true(isPositiveDigit(0) && isPositiveDigit(8) && !isPositiveDigit(7));
  t.throws(() => makeSplit(digits.images, digits.labels, 3, { testFraction: 0.3, labelledCount: 5000 }), { message: /fewer than labelled_positives/ });
});
