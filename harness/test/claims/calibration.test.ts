/**
 * Calibration of every claim kind, by simulation with known truth, through the kinds' own decide():
 * - coverage: how often the kind's 95% interval holds the true value (asserted ≥ 93% at n = 5 seeds);
 * - edge false-pass: with the truth exactly on a strict band edge (the claim false), how often the
 *   verdict is `pass` (asserted ≤ 5% plus three Monte-Carlo standard errors).
 * Figures at n = 3, 5 and 10 are written to test-artifacts/calibration.json for the record.
 */
import test from 'ava';
import { mkdirSync, writeFileSync } from 'node:fs';
import { countOfSeeds, correlation, exponentialRate, medianRatio, noTrend, pairedDifference, powerLaw, ratio, theoryMatch, monotoneTrend, valueInBand } from '../../src/claims/index.js';
import type { Check, Decision } from '../../src/claims/index.js';
import { Recorder } from '../../src/record/recorder.js';
import { createRng, type Rng } from '../../src/random.js';

const REPS = 2000;
const SIZES = [3, 5, 10] as const;

interface Case {
  kind: string;
  /** The true value of the kind's statistic. */
  truth: number;
  /** A check whose band has the truth exactly on a strict edge (the claim is false). */
  edge: Check;
  /** Any check of the same statistic, to read its interval. */
  check: Check;
  /** One simulated record of n seeds. */
  record: (rng: Rng, n: number) => Recorder;
  /** Kinds with no interval below some n (order statistics). */
  minN?: number;
}

const scalars = (name: string, values: number[], r = new Recorder()) => {
  values.forEach((v, seed) => r.scalar(name, v, { seed }));
  return r;
};
const normals = (rng: Rng, n: number, mu: number, sd: number) => Array.from({ length: n }, () => mu + sd * rng.normal());

const cases: Case[] = [
  {
    kind: 'value-in-band',
    truth: 0.5,
    check: valueInBand('v').within({ ge: 0 }),
    edge: valueInBand('v').within({ gt: 0.5 }),
    record: (rng, n) => scalars('v', normals(rng, n, 0.5, 0.1)),
  },
  {
    kind: 'paired-difference',
    truth: 0.2,
    check: pairedDifference('a', 'b').differenceWithin({ ge: 0 }),
    edge: pairedDifference('a', 'b').differenceWithin({ gt: 0.2 }),
    record: (rng, n) => {
      const b = normals(rng, n, 1, 0.3);
      return scalars('b', b, scalars('a', b.map((v) => v + 0.2 + 0.1 * rng.normal())));
    },
  },
  {
    kind: 'ratio',
    truth: 1.5,
    check: ratio('a', 'b').within({ ge: 0 }),
    edge: ratio('a', 'b').within({ gt: 1.5 }),
    record: (rng, n) => {
      const b = normals(rng, n, 2, 0.2);
      return scalars('b', b, scalars('a', b.map((v) => 1.5 * v + 0.3 * rng.normal())));
    },
  },
  {
    kind: 'no-trend',
    truth: -0.02,
    check: noTrend('acc').differenceWithin({ ge: -1 }),
    edge: noTrend('acc').differenceWithin({ gt: -0.02 }),
    record: (rng, n) => {
      const r = new Recorder();
      for (let seed = 0; seed < n; seed++) {
        const base = 0.8 + 0.05 * rng.normal();
        r.curve('acc', [8, 32], [base, base - 0.02 + 0.03 * rng.normal()], { seed });
      }
      return r;
    },
  },
  {
    kind: 'power-law',
    truth: -1,
    check: powerLaw('s', { window: [1, 100] }).exponentWithin({ ge: -5, le: 5 }),
    edge: powerLaw('s', { window: [1, 100] }).exponentWithin({ lt: -1 }),
    record: (rng, n) => {
      const r = new Recorder();
      const xs = [1, 2, 5, 10, 20, 50, 100];
      for (let seed = 0; seed < n; seed++) r.curve('s', xs, xs.map((x) => Math.pow(x, -1) * Math.exp(0.1 * rng.normal())), { seed });
      return r;
    },
  },
  {
    kind: 'exponential-rate',
    truth: -0.5,
    check: exponentialRate('k', { yRange: [1e-12, 10] }).rateWithin({ ge: -5, le: 5 }),
    edge: exponentialRate('k', { yRange: [1e-12, 10] }).rateWithin({ lt: -0.5 }),
    record: (rng, n) => {
      const r = new Recorder();
      const xs = [0, 2, 4, 6, 8, 10];
      for (let seed = 0; seed < n; seed++) r.curve('k', xs, xs.map((x) => Math.exp(-0.5 * x + 0.2 * rng.normal())), { seed });
      return r;
    },
  },
  {
    kind: 'count-of-seeds',
    truth: 0.7,
    check: countOfSeeds('ok', { ge: 1 }).rateWithin({ ge: 0 }),
    edge: countOfSeeds('ok', { ge: 1 }).rateWithin({ gt: 0.7 }),
    record: (rng, n) => scalars('ok', Array.from({ length: n }, () => (rng.next() < 0.7 ? 1 : 0))),
  },
  {
    kind: 'median-ratio',
    // Ratios a/b with a = b·exp(N(0, 0.3²)): the median ratio is exactly 1.
    truth: 1,
    check: medianRatio('a', 'b').within({ ge: 0 }),
    edge: medianRatio('a', 'b').within({ gt: 1 }),
    record: (rng, n) => {
      const b = normals(rng, n, 100, 10);
      return scalars('b', b, scalars('a', b.map((v) => v * Math.exp(0.3 * rng.normal()))));
    },
    minN: 6,
  },
  {
    kind: 'correlation',
    // Pearson correlation of bivariate normal points, 12 per seed, ρ = 0.6 in every seed.
    truth: 0.6,
    check: correlation('xy', { method: 'pearson' }).within({ ge: -1 }),
    edge: correlation('xy', { method: 'pearson' }).within({ gt: 0.6 }),
    record: (rng, n) => {
      const r = new Recorder();
      for (let seed = 0; seed < n; seed++) {
        const xs = normals(rng, 12, 0, 1);
        r.curve('xy', xs, xs.map((x) => 0.6 * x + 0.8 * rng.normal()), { seed });
      }
      return r;
    },
    minN: 3,
  },
  {
    kind: 'monotone-trend',
    // Three parameter values; the first step falls by 1, the second by exactly 0: the claim
    // "strictly decreasing" is false at its edge. Coverage is of the deciding (second) step.
    truth: 0,
    check: monotoneTrend('F').monotone('decreasing'),
    edge: monotoneTrend('F').monotone('decreasing'),
    record: (rng, n) => {
      const r = new Recorder();
      for (let seed = 0; seed < n; seed++) {
        const base = 1 + 0.2 * rng.normal();
        r.curve('F', [0, 5, 10], [base, base - 1 + 0.05 * rng.normal(), base - 1 + 0.05 * rng.normal()], { seed });
      }
      return r;
    },
  },
  {
    kind: 'theory-match',
    // Three points; the Monte-Carlo mean sits exactly 5% off the closed form at x = 2, on the
    // edge of a ±5% tolerance. Coverage is of the deciding point's mean − theory.
    truth: 0.05,
    check: theoryMatch('mc', 'th').within({ relative: 0.05 }),
    edge: theoryMatch('mc', 'th').within({ relative: 0.05 }),
    record: (rng, n) => {
      const r = new Recorder();
      const xs = [1, 2, 3];
      const bias = [0, 0.05, 0];
      const sd = [0.005, 0.02, 0.005];
      for (let seed = 0; seed < n; seed++) r.curve('mc', xs, xs.map((_, i) => 1 + bias[i] + sd[i] * rng.normal()), { seed });
      r.curve('th', xs, [1, 1, 1]);
      return r;
    },
  },
];

interface Row { kind: string; n: number; coverage: number | null; edgeFalsePass: number; undecidedShare: number }

function measure(c: Case, n: number, reps: number): Row {
  // A stream per kind and n, so no two kinds share their draws.
  const rng = createRng(1000 * (cases.indexOf(c) + 1) + n);
  let covered = 0;
  let withInterval = 0;
  let passes = 0;
  let inconclusive = 0;
  for (let i = 0; i < reps; i++) {
    const record = c.record(rng, n);
    const interval = c.check.decide(record) as Decision;
    if (interval.ci) {
      withInterval++;
      if (interval.ci[0] <= c.truth && c.truth <= interval.ci[1]) covered++;
    }
    const edge = c.edge.decide(record);
    if (edge.verdict === 'pass') passes++;
    if (edge.verdict === 'inconclusive') inconclusive++;
  }
  return { kind: c.kind, n, coverage: withInterval === reps ? covered / reps : null, edgeFalsePass: passes / reps, undecidedShare: inconclusive / reps };
}

const table: Row[] = [];
const mcError = (p: number) => 3 * Math.sqrt((p * (1 - p)) / REPS);

for (const c of cases) {
  test(`calibration of ${c.kind}: coverage ≥ 93% at n = 5 (or no interval below its minimum n), edge false-pass ≤ 5%`, (t) => {
    for (const n of SIZES) {
      const row = measure(c, n, n === 5 ? REPS : REPS / 2);
      table.push(row);
      t.log(`${c.kind} n = ${n}: coverage ${row.coverage === null ? 'no interval' : `${(100 * row.coverage).toFixed(1)}%`}, edge false-pass ${(100 * row.edgeFalsePass).toFixed(1)}%, inconclusive at the edge ${(100 * row.undecidedShare).toFixed(1)}%`);
      t.true(row.edgeFalsePass <= 0.05 + mcError(0.05), `${c.kind} n = ${n}: false-pass rate ${row.edgeFalsePass} at the band edge`);
      if (c.minN !== undefined && n < c.minN) {
        t.is(row.coverage, null, `${c.kind} n = ${n}: below its minimum n it must give no interval`);
        continue;
      }
      if (n === 5) t.true(row.coverage !== null && row.coverage >= 0.93, `${c.kind} n = 5: coverage ${row.coverage}`);
    }
  });
}

test.after.always(() => {
  if (table.length === 0) return;
  mkdirSync('test-artifacts', { recursive: true });
  writeFileSync('test-artifacts/calibration.json', `${JSON.stringify(table, null, 2)}\n`);
});
