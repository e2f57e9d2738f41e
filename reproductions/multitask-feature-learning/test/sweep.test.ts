import test from 'ava';
import { log2WidthNeeded } from '../sweep.js';

test('log2WidthNeeded: the first width reaching the target, censored at twice the largest', (t) => {
  const widths = [8, 16, 32, 64];
  t.is(log2WidthNeeded(widths, [0.5, 0.76, 0.7, 0.9], 0.75), 4);
  t.is(log2WidthNeeded(widths, [0.8, 0.9, 0.9, 0.9], 0.75), 3);
  t.is(log2WidthNeeded(widths, [0.5, 0.6, 0.7, 0.74], 0.75), 7);
});
