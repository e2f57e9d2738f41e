import test from 'ava';
import { bandContains, bandText, combineVerdicts, decidingIndex, judgeInterval, judgeValue, requireBand } from '../../src/claims/band.js';

test('an interval inside the band passes, outside fails, straddling is inconclusive', (t) => {
  const band = { ge: 0.45, le: 0.55 };
  t.is(judgeInterval([0.46, 0.5], band), 'pass');
  t.is(judgeInterval([0.6, 0.7], band), 'fail');
  t.is(judgeInterval([0.3, 0.4], band), 'fail');
  t.is(judgeInterval([0.5, 0.6], band), 'inconclusive');
  t.is(judgeInterval([0.4, 0.6], band), 'inconclusive');
  t.is(judgeInterval([Number.NaN, 1], { ge: 0 }), 'inconclusive');
});

test('a strict end never passes an effect of exactly zero; an inclusive end does', (t) => {
  t.is(judgeInterval([0, 0], { gt: 0 }), 'fail');
  t.is(judgeValue(1, { lt: 1 }), 'fail');
  t.is(judgeInterval([0, 0.3], { gt: 0 }), 'inconclusive');
  t.is(judgeInterval([1e-12, 0.3], { gt: 0 }), 'pass');
  t.is(judgeInterval([-0.2, 0], { gt: 0 }), 'fail');
  t.is(judgeInterval([0, 0], { le: 0 }), 'pass');
  t.is(judgeInterval([0, 0], { ge: 0 }), 'pass');
  t.is(judgeInterval([-0.1, 0], { ge: 0 }), 'inconclusive');
});

test('unbounded intervals decide only on the side they bound', (t) => {
  t.is(judgeInterval([-Infinity, Infinity], { gt: 1 }), 'inconclusive');
  t.is(judgeInterval([2, Infinity], { gt: 1 }), 'pass');
  t.is(judgeInterval([2, Infinity], { le: 1 }), 'fail');
});

test('bands read as text, with their strictness', (t) => {
  t.is(bandText({ ge: -1.1, le: -0.9 }), 'in [-1.1, -0.9]');
  t.is(bandText({ gt: 0, le: 1 }), 'in (0, 1]');
  t.is(bandText({ le: 1e-5 }), '≤ 1.00e-5');
  t.is(bandText({ ge: 0.5 }), '≥ 0.5');
  t.is(bandText({ gt: 0 }), '> 0');
  t.is(bandText({ lt: 0 }), '< 0');
  t.true(bandContains({ gt: 0 }, 1e-9));
  t.false(bandContains({ gt: 0 }, 0));
});

test('an ambiguous, empty or old-style band is rejected where the claim is declared', (t) => {
  t.throws(() => requireBand('x', { lo: 0 } as never), { message: /gt \| ge/ });
  t.throws(() => requireBand('x', { gt: 0, ge: 0 }), { message: /not both/ });
  t.throws(() => requireBand('x', { gt: 1, lt: 1 }), { message: /empty/ });
  t.throws(() => requireBand('x', {}), { message: /gt \| ge/ });
  t.notThrows(() => requireBand('x', { ge: 1, le: 1 }));
});

test('sub-verdicts combine: error, then fail, then inconclusive; the deciding index names the first', (t) => {
  t.is(combineVerdicts(['pass', 'inconclusive', 'fail']), 'fail');
  t.is(decidingIndex(['pass', 'inconclusive', 'fail', 'fail']), 2);
  t.is(decidingIndex(['pass', 'inconclusive']), 1);
  t.is(decidingIndex(['pass', 'pass']), 0);
});
