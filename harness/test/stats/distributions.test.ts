import test from 'ava';
import {
  normalCdf,
  normalPdf,
  normalQuantile,
  studentTCdf,
  studentTPdf,
  studentTQuantile,
} from '../../src/stats/distributions.js';
import { close, closeRelative } from './close.js';

// Reference values from scipy 1.17.1 (scipy.stats.norm / scipy.stats.t), printed with repr().

test('normalQuantile at textbook points', (t) => {
  close(t, normalQuantile(0.975), 1.959963984540054, 1e-15);
  close(t, normalQuantile(0.025), -1.959963984540054, 1e-15);
  t.is(normalQuantile(0.5), 0);
  t.is(normalQuantile(0), -Infinity);
  t.is(normalQuantile(1), Infinity);
});

test('normalQuantile matches scipy across all three AS241 regions', (t) => {
  const expected: [number, number][] = [
    [1e-300, -37.0470962993612],
    [1e-20, -9.262340089798409],
    [1e-6, -4.753424308822899],
    [0.001, -3.090232306167813],
    [0.025, -1.9599639845400545],
    [0.2, -0.8416212335729142],
    [0.8, 0.8416212335729143],
    [0.975, 1.959963984540054],
    [0.999999, 4.753424308817087],
  ];
  for (const [p, z] of expected) closeRelative(t, normalQuantile(p), z, 1e-14, `p=${p}`);
});

test('normalCdf matches scipy, including the far lower tail', (t) => {
  const expected: [number, number][] = [
    [-8, 6.22096057427174e-16],
    [-3, 0.0013498980316300933],
    [-1.959963984540054, 0.025],
    [-0.5, 0.3085375387259869],
    [0, 0.5],
    [0.25, 0.5987063256829237],
    [1, 0.8413447460685429],
    [2.5, 0.9937903346742238],
    [6, 0.9999999990134123],
  ];
  for (const [z, p] of expected) closeRelative(t, normalCdf(z), p, 1e-14, `z=${z}`);
  t.is(normalCdf(-Infinity), 0);
  t.is(normalCdf(Infinity), 1);
});

test('normalCdf and normalQuantile are inverse to 1e-15', (t) => {
  for (let p = 0.0005; p < 1; p += 0.01) {
    close(t, normalCdf(normalQuantile(p)), p, 2e-15, `p=${p}`);
  }
});

test('normalPdf at 0 and 1', (t) => {
  close(t, normalPdf(0), 0.3989422804014327, 1e-16);
  close(t, normalPdf(1), 0.24197072451914337, 1e-16);
});

test('studentTQuantile matches scipy to 1e-12', (t) => {
  const expected: [number, number, number][] = [
    [0.975, 10, 2.228138851986274],
    [0.975, 1, 12.706204736174694],
    [0.975, 2, 4.302652729749462],
    [0.975, 3, 3.1824463052837078],
    [0.95, 5, 2.0150483733330233],
    [0.995, 30, 2.7499956535672254],
    [0.9, 2.5, 1.7302509288071766],
    [0.999, 4, 7.173182219782307],
    [0.025, 7, -2.3646242515927844],
    [0.6, 12, 0.25903274567688733],
    [1e-8, 5, -62.4045061109673],
    [0.975, 1000, 1.9623390808264083],
  ];
  for (const [p, df, q] of expected) closeRelative(t, studentTQuantile(p, df), q, 1e-12, `p=${p} df=${df}`);
});

test('studentTQuantile is symmetric and handles the ends', (t) => {
  t.is(studentTQuantile(0.5, 7), 0);
  t.is(studentTQuantile(0, 7), -Infinity);
  t.is(studentTQuantile(1, 7), Infinity);
  for (const df of [1, 2, 3.5, 9, 40]) {
    for (const p of [0.6, 0.9, 0.99, 0.9999]) {
      close(t, studentTQuantile(1 - p, df), -studentTQuantile(p, df), 1e-12, `df=${df} p=${p}`);
    }
  }
  // df = Infinity is the normal distribution.
  t.is(studentTQuantile(0.975, Infinity), normalQuantile(0.975));
});

test('studentTQuantile approaches the normal quantile for large df', (t) => {
  close(t, studentTQuantile(0.975, 1e6), 1.959963984540054, 1e-5);
});

test('studentTCdf matches scipy', (t) => {
  const expected: [number, number, number][] = [
    [2.0, 5, 0.9490302605850708],
    [-1.5, 3, 0.11529193262241147],
    [0.7, 1, 0.6944001122142147],
    [-3.2, 12.5, 0.00364160392748802],
    [10, 4, 0.999718998188642],
    [-25, 2, 0.000798085105705167],
    [1.0, 100, 0.8401379221079384],
  ];
  for (const [x, df, p] of expected) closeRelative(t, studentTCdf(x, df), p, 1e-13, `t=${x} df=${df}`);
  t.is(studentTCdf(0, 3), 0.5);
  t.is(studentTCdf(-Infinity, 3), 0);
  t.is(studentTCdf(Infinity, 3), 1);
});

test('studentTCdf inverts studentTQuantile', (t) => {
  for (const df of [1, 1.5, 2, 3, 6, 25, 300]) {
    for (const p of [1e-10, 0.001, 0.05, 0.3, 0.7, 0.95, 0.999]) {
      closeRelative(t, studentTCdf(studentTQuantile(p, df), df), p, 1e-11, `df=${df} p=${p}`);
    }
  }
});

test('studentTPdf integrates its CDF (finite difference)', (t) => {
  const h = 1e-5;
  for (const [x, df] of [[0.3, 4], [-2, 1], [5, 12]]) {
    const slope = (studentTCdf(x + h, df) - studentTCdf(x - h, df)) / (2 * h);
    close(t, studentTPdf(x, df), slope, 1e-8);
  }
  // Cauchy density at 0 is 1/pi.
  close(t, studentTPdf(0, 1), 1 / Math.PI, 1e-15);
});

test('distribution functions reject bad arguments', (t) => {
  t.throws(() => normalQuantile(1.2), { message: /p must be a probability/ });
  t.throws(() => normalQuantile(NaN), { message: /p must be a probability/ });
  t.throws(() => normalCdf(NaN), { message: /NaN/ });
  t.throws(() => studentTCdf(1, 0), { message: /degrees of freedom must be > 0/ });
  t.throws(() => studentTCdf(NaN, 3), { message: /NaN/ });
  t.throws(() => studentTQuantile(0.5, -1), { message: /degrees of freedom/ });
  t.throws(() => studentTQuantile(-0.1, 3), { message: /p must be a probability/ });
});

test('studentTQuantile converges in the far tail (it stopped early before, at −8.0e27 for 1e-100, df = 3)', (t) => {
  // scipy.stats.t.ppf(1e-100, 3) = −2.225769823822442e+33
  closeRelative(t, studentTQuantile(1e-100, 3), -2.225769823822442e33, 1e-9);
  closeRelative(t, studentTQuantile(1e-50, 1.5), -1.1245005997832138e33, 1e-9);
  closeRelative(t, studentTQuantile(1e-100, 30), -10810.645001143976, 1e-9);
  const q = studentTQuantile(1e-300, 3);
  closeRelative(t, studentTCdf(q, 3), 1e-300, 1e-6);
});
