import test from 'ava';
import { TUNING_SEED_BASE, isTuningSeed, tuningSeeds, verdictSeeds } from '../../src/reproduction/seeds.js';

test('tuning seeds are disjoint from every verdict seed a run or `verify --seeds` can use', (t) => {
  const tuning = tuningSeeds(20);
  t.deepEqual(tuning.slice(0, 2), [TUNING_SEED_BASE, TUNING_SEED_BASE + 1]);
  t.true(tuning.every(isTuningSeed));
  // verify --seeds uses bases 1000, 2000, ... up to 100 runs; run --seed-base goes up to 1e9.
  for (const base of [0, 1000, 100_000, 1_000_000_000]) t.false(verdictSeeds(200, base).some(isTuningSeed));
});

test('a seed base that would reach the tuning seeds is refused, naming the range', (t) => {
  const error = t.throws(() => verdictSeeds(5, TUNING_SEED_BASE - 2));
  t.regex(error!.message, /reach the tuning seeds/);
  t.throws(() => tuningSeeds(0), { instanceOf: RangeError });
});
