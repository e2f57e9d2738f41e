import test from 'ava';
import { meanBootstrap } from '../../src/claims/kinds/mean-bootstrap.js';
import { createRng } from '../../src/random.js';
import { recordWith } from './fixtures.js';

const trials = (center: number, count = 300) => recordWith((r) => {
  const rng = createRng(3);
  for (let seed = 0; seed < count; seed++) r.scalar('k', center + rng.normal(), { seed });
});

test('mean-bootstrap passes when the whole interval is inside, fails when outside, is inconclusive when it straddles', (t) => {
  const positive = meanBootstrap('k').within({ lo: 0 });
  const pass = positive.decide(trials(0.5));
  t.is(pass.verdict, 'pass', pass.reason);
  t.true(pass.ci![0] > 0 && pass.ci![0] < (pass.statistic as number));
  t.is(pass.n, 300);
  t.is(positive.decide(trials(-0.5)).verdict, 'fail');
  t.is(positive.decide(trials(0)).verdict, 'inconclusive');
  // Seeded resampling: the same data gives the same interval.
  t.deepEqual(positive.decide(trials(0.5)).ci, pass.ci);
});

test('mean-bootstrap with a non-finite value is inconclusive', (t) => {
  const rec = recordWith((r) => {
    r.scalar('k', 1, { seed: 0 });
    r.scalar('k', Number.NaN, { seed: 1 });
    r.scalar('k', 2, { seed: 2 });
  });
  t.is(meanBootstrap('k').within({ lo: 0 }).decide(rec).verdict, 'inconclusive');
});
