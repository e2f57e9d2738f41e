import test from 'ava';
import { theoryMatch } from '../../src/claims/kinds/theory-match.js';
import { createRng } from '../../src/random.js';
import { recordWith } from './fixtures.js';

/** `n` trials of y = theory(x)·(1 + 0.1·z) + bias at x ∈ {10, 100, 1000}, theory(x) = 1 + 10/x. */
function trials(bias: number, n = 400) {
  const xs = [10, 100, 1000];
  const theory = (x: number) => 1 + 10 / x;
  const rng = createRng(7);
  return recordWith((r) => {
    for (let seed = 0; seed < n; seed++) r.curve('mc', xs, xs.map((x) => theory(x) * (1 + 0.1 * rng.normal()) + bias), { seed });
    r.curve('theory', xs, xs.map(theory));
  });
}

test('theory-match passes when the Monte-Carlo means sit on the closed form', (t) => {
  const d = theoryMatch('mc', 'theory').within({ relative: 0.03 }).decide(trials(0));
  t.is(d.verdict, 'pass', d.reason);
  t.is(d.n, 400);
  t.is(d.seeds.length, 400);
  t.truthy(d.chart);
});

test('theory-match fails on a bias larger than the tolerance', (t) => {
  const d = theoryMatch('mc', 'theory').within({ relative: 0.02 }).decide(trials(0.1));
  t.is(d.verdict, 'fail');
  t.regex(d.reason, /x = 1000/);
});

test('fewer trials can only make it harder to pass: too few to tell is inconclusive', (t) => {
  t.is(theoryMatch('mc', 'theory').within({ relative: 0.03 }).decide(trials(0, 5)).verdict, 'inconclusive');
});

test('theory-match is inconclusive where the Monte-Carlo mean is not finite; a tolerance in SEs is refused', (t) => {
  const rec = recordWith((r) => {
    r.curve('mc', [1, 2], [1, Number.POSITIVE_INFINITY], { seed: 0 });
    r.curve('mc', [1, 2], [1, 2], { seed: 1 });
    r.curve('theory', [1, 2], [1, 2]);
  });
  t.is(theoryMatch('mc', 'theory').within({ relative: 0.02 }).decide(rec).verdict, 'inconclusive');
  t.throws(() => theoryMatch('mc', 'theory').within({ ses: 3, relative: 0.02 } as never), { message: /ses/ });
  t.throws(() => theoryMatch('mc', 'theory').within({ relative: 0 }));
});
