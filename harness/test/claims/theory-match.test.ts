import test from 'ava';
import { theoryMatch } from '../../src/claims/kinds/theory-match.js';
import { createRng } from '../../src/random.js';
import { recordWith } from './fixtures.js';

/** 400 trials of y = theory(x)·(1 + 0.1·z) + bias at x ∈ {10, 100, 1000}, theory(x) = 1 + 10/x. */
function trials(bias: number) {
  const xs = [10, 100, 1000];
  const theory = (x: number) => 1 + 10 / x;
  const rng = createRng(7);
  return recordWith((r) => {
    for (let seed = 0; seed < 400; seed++) r.curve('mc', xs, xs.map((x) => theory(x) * (1 + 0.1 * rng.normal()) + bias), { seed });
    r.curve('theory', xs, xs.map(theory));
  });
}

test('theory-match passes when the Monte-Carlo means sit on the closed form', (t) => {
  const d = theoryMatch('mc', 'theory').within({ ses: 3, relative: 0.02 }).decide(trials(0));
  t.is(d.verdict, 'pass', d.reason);
  t.true((d.statistic as number) <= 1);
  t.is(d.n, 400);
  t.is(d.seeds.length, 400);
  t.truthy(d.chart);
});

test('theory-match fails on a bias larger than 3 SE + 2%', (t) => {
  const d = theoryMatch('mc', 'theory').within({ ses: 3, relative: 0.02 }).decide(trials(0.1));
  t.is(d.verdict, 'fail');
  t.true((d.statistic as number) > 1);
  t.regex(d.reason, /x = 1000/);
});

test('theory-match is inconclusive where the Monte-Carlo mean is not finite', (t) => {
  const rec = recordWith((r) => {
    r.curve('mc', [1, 2], [1, Number.POSITIVE_INFINITY], { seed: 0 });
    r.curve('mc', [1, 2], [1, 2], { seed: 1 });
    r.curve('theory', [1, 2], [1, 2]);
  });
  t.is(theoryMatch('mc', 'theory').within({ ses: 3, relative: 0.02 }).decide(rec).verdict, 'inconclusive');
  t.throws(() => theoryMatch('mc', 'theory').within({ ses: -1, relative: 0 }));
});
