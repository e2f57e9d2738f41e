import test from 'ava';
import { equicorrelatedTasks } from '../tasks.js';
import {
  averageSingleTaskError, forgetting, mtlError, pooledError, replayError, replayTotal, singleTaskError, squaredDistance, squaredNorm, transfer,
} from '../theory.js';

const close = (a: number, b: number, tol = 1e-12) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

test('equicorrelated tasks have unit norm and pairwise inner product ρ', (t) => {
  const W = equicorrelatedTasks(4, 0.3);
  for (const w of W) t.true(close(squaredNorm(w), 1));
  const dot = W[0].reduce((s, v, j) => s + v * W[2][j], 0);
  t.true(close(dot, 0.3));
  t.true(close(squaredDistance(W[1], W[3]), 2 * (1 - 0.3)));
  t.throws(() => equicorrelatedTasks(3, 1.2), { message: /rho/ });
});

test('single task: hand-computed values on both sides of the threshold, NaN next to it', (t) => {
  // (1 − 20/30)·1 + 20·0.09/9 = 1/3 + 0.2
  t.true(close(singleTaskError({ n: 20, p: 30, sigma: 0.3, wNormSq: 1 }), 1 / 3 + 0.2));
  // 10·0.09/(20 − 10 − 1) = 0.1
  t.true(close(singleTaskError({ n: 20, p: 10, sigma: 0.3, wNormSq: 1 }), 0.1));
  // Without noise and with ||w||² = 4: (1 − 20/400)·4 = 3.8
  t.true(close(singleTaskError({ n: 20, p: 400, sigma: 0, wNormSq: 4 }), 3.8));
  for (const p of [19, 20, 21]) t.true(Number.isNaN(singleTaskError({ n: 20, p, sigma: 0.3, wNormSq: 1 })));
});

test('pooled minimum norm: a hand-computed two-task value, and identical tasks reduce to one task of N samples', (t) => {
  // sizes [2, 3], p = 10, σ = 0, w₁ = e₁, w₂ = e₂ (distance² 2), error on task 1:
  // (1 − 5/10)·1 + (3/10)·2 + (2·2·3·2)/(2·10·(10 − 5 − 1)) = 0.5 + 0.6 + 0.3 = 1.4
  const tasks = [[1, 0], [0, 1]];
  t.true(close(pooledError({ sizes: [2, 3], tasks, i: 0, p: 10, sigma: 0 }), 1.4));
  // On task 2: 0.5 + (2/10)·2 + 0.3 = 1.2
  t.true(close(pooledError({ sizes: [2, 3], tasks, i: 1, p: 10, sigma: 0 }), 1.2));
  const same = [[0.6, 0.8], [0.6, 0.8], [0.6, 0.8]];
  t.true(close(pooledError({ sizes: [4, 5, 6], tasks: same, i: 1, p: 50, sigma: 0.7 }), singleTaskError({ n: 15, p: 50, sigma: 0.7, wNormSq: 1 })));
  t.true(Number.isNaN(pooledError({ sizes: [2, 3], tasks, i: 0, p: 6, sigma: 0 })));
  t.throws(() => pooledError({ sizes: [2], tasks, i: 0, p: 10, sigma: 0 }), { message: /1 sizes for 2 tasks/ });
});

test('multi-task and transfer at the smoke setting (T = 5, n = 20, p = 400, σ = 0.3)', (t) => {
  const similar = equicorrelatedTasks(5, 0.9);
  // (1 − 100/400) + 4·(20/400)·0.2 + 5·4·20²·0.2/(2·400·299) + 100·0.09/299
  const expected = 0.75 + 0.04 + (20 * 400 * 0.2) / (2 * 400 * 299) + 9 / 299;
  t.true(close(mtlError({ n: 20, tasks: similar, p: 400, sigma: 0.3 }), expected));
  const single = 0.95 + 1.8 / 379;
  t.true(close(averageSingleTaskError({ n: 20, tasks: similar, p: 400, sigma: 0.3 }), single));
  t.true(close(transfer({ n: 20, tasks: similar, p: 400, sigma: 0.3 }), single - expected));
  t.true(transfer({ n: 20, tasks: similar, p: 400, sigma: 0.3 }) > 0);
  t.true(transfer({ n: 20, tasks: equicorrelatedTasks(5, 0), p: 400, sigma: 0.3 }) < 0);
});

test('replay and forgetting: m = 0 forgets (n/p)·||w_T − w_i||², and the plan\'s regimes point the predicted way', (t) => {
  const similar = equicorrelatedTasks(5, 0.9);
  // With no buffer both models see n samples; only the distance term of the final model differs.
  t.true(close(forgetting({ n: 20, m: 0, tasks: similar, p: 2000, sigma: 0.3 }), (20 / 2000) * 0.2));
  t.is(replayTotal({ n: 20, m: 20, T: 5 }), 100);
  t.true(close(replayError({ n: 20, m: 7, tasks: similar, t: 1, i: 1, p: 300, sigma: 0.3 }), singleTaskError({ n: 20, p: 300, sigma: 0.3, wNormSq: 1 })));
  // Independent values (a separate implementation of the same closed form, 5 decimals).
  const F = (rho: number, p: number) => [0, 5, 10, 20].map((m) => forgetting({ n: 20, m, tasks: equicorrelatedTasks(5, rho), p, sigma: 0.3 }));
  const expect = (got: number[], want: number[]) => got.forEach((g, j) => t.true(Math.abs(g - want[j]) < 5e-6, `${g} vs ${want[j]}`));
  expect(F(0.9, 2000), [0.002, -0.0029, -0.00777, -0.01742]);
  expect(F(0.9, 130), [0.03077, -0.0314, -0.0716, 0.11706]);
  expect(F(0, 400), [0.1, 0.11487, 0.13469, 0.19345]);
  t.throws(() => replayError({ n: 20, m: 5, tasks: similar, t: 2, i: 3, p: 300, sigma: 0 }), { message: /i = 3/ });
});
