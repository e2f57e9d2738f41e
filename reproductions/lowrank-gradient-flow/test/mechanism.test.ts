/**
 * Mechanism test: the paper's O(1/t) Schur tail is "the slow dynamics that arises from excess
 * parameters". Keep r = 5 > s = 3 columns but start from a rank-s X₀ (the extra columns are
 * combinations of the first s): the flow multiplies X on the left, so XXᵀ never gains the excess
 * rank, S stays at the rounding level, and schur-vanishes-one-over-t must not pass. With the
 * random start at the same tiny size it passes.
 */
import test from 'ava';
import { verdictOf } from './tiny.js';

test('the 1/t Schur tail passes with excess rank and no longer passes from a rank-deficient start', async (t) => {
  const intact = await verdictOf('schur-vanishes-one-over-t', { init: 'random' });
  t.is(intact.verdict, 'pass', intact.reason);
  const broken = await verdictOf('schur-vanishes-one-over-t', { init: 'rank-deficient' });
  t.log(`rank-deficient start: ${broken.verdict} (${broken.reason})`);
  t.not(broken.verdict, 'pass', broken.reason);
  t.not(broken.verdict, 'error', `the check must be computed, not crash: ${broken.reason}`);
});
