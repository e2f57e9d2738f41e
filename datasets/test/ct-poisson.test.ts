import test from 'ava';
import { createRng } from '../../harness/src/random.js';
import { poisson } from '../ct/index.js';

for (const mean of [0.05, 3, 40, 1e4]) {
  test(`Poisson(${mean}) samples have mean and variance ${mean}`, (t) => {
    const rng = createRng(11);
    const n = 20000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const k = poisson(rng, mean);
      t.true(Number.isInteger(k) && k >= 0);
      s += k;
      s2 += k * k;
    }
    const m = s / n;
    const v = s2 / n - m * m;
    // 5 standard errors of the mean; the variance within 5%.
    t.true(Math.abs(m - mean) < 5 * Math.sqrt(mean / n), `mean ${m}`);
    t.true(Math.abs(v - mean) < 0.05 * mean + 5 * Math.sqrt(2 * mean * mean / n) + 0.01, `variance ${v}`);
  });
}

test('a zero mean gives zero and a bad mean is rejected', (t) => {
  t.is(poisson(createRng(1), 0), 0);
  t.throws(() => poisson(createRng(1), -1), { message: /Poisson mean/ });
});
