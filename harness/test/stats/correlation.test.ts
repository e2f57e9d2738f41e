import test from 'ava';
import { pearson, ranks, spearman } from '../../src/stats/correlation.js';
import { close } from './close.js';

// Reference values from scipy 1.17.1: stats.pearsonr, stats.spearmanr, stats.rankdata.
const tiedX = [1, 2, 2, 3, 4, 4, 4, 5, 6, 7];
const tiedY = [2, 1, 3, 3, 5, 4, 6, 6, 8, 7];
const c = [0.3, 1.2, -0.7, 2.2, 0.9, 1.5, -1.1, 0.4];
const d = [1.0, 0.2, -0.5, 3.1, 0.4, 2.0, -2.0, 0.1];

test('ranks average ties like scipy rankdata', (t) => {
  t.deepEqual(ranks(tiedX), [1.0, 2.5, 2.5, 4.0, 6.0, 6.0, 6.0, 8.0, 9.0, 10.0]);
  t.deepEqual(ranks([3.5, 1, 3.5, 3.5, -2, 10]), [4, 2, 4, 4, 1, 6]);
  t.deepEqual(ranks([9]), [1]);
});

test('pearson matches scipy', (t) => {
  close(t, pearson(tiedX, tiedY), 0.91305728641498, 1e-14);
  close(t, pearson(c, d), 0.9019995226505414, 1e-14);
  t.is(pearson([1, 2, 3], [2, 4, 6]), 1);
  t.is(pearson([1, 2, 3], [3, 2, 1]), -1);
});

test('spearman with ties matches scipy', (t) => {
  close(t, spearman(tiedX, tiedY), 0.93812095999547, 1e-14);
  close(t, spearman(c, d), 0.8333333333333335, 1e-14);
  // Monotone but non-linear: rank correlation is exactly 1.
  t.is(spearman([1, 2, 3, 4], [1, 8, 27, 64]), 1);
});

test('correlations reject constant, short, mismatched or non-finite input', (t) => {
  t.throws(() => pearson([1, 1, 1], [1, 2, 3]), { message: /x is constant/ });
  t.throws(() => spearman([1, 2, 3], [4, 4, 4]), { message: /y is constant/ });
  t.throws(() => pearson([1], [1]), { message: /at least 2/ });
  t.throws(() => pearson([1, 2], [1, 2, 3]), { message: /same length/ });
  t.throws(() => spearman([1, NaN, 2], [1, 2, 3]), { message: /x\[1\] is NaN/ });
  t.throws(() => ranks([]), { message: /at least 1/ });
});
