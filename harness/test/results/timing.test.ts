import test from 'ava';
import { joinTimed, splitTimed } from '../../src/results/timing.js';
import { RESULTS_VERSION, type ClaimResult, type VerdictsFile } from '../../src/types.js';

const claim = (id: string, statistic: number, timed: boolean): ClaimResult => ({
  id, quote: 'q', kind: 'value', why: 'w', params: {}, verdict: 'pass', statistic, ci: [statistic - 1, statistic + 1], threshold: '> 0',
  evidence: { method: 'mean over seeds', statistic, ci: [statistic - 1, statistic + 1], threshold: '> 0', band: { gt: 0 }, n: 3, seeds: [0, 1, 2], perSeed: [{ seed: 0, value: statistic }], reason: `mean ${statistic}` },
  control: { params: {}, why: 'y', expect: 'fail', verdict: 'fail', expected: true, evidence: { method: 'm', statistic: -statistic, threshold: '> 0', n: 3, seeds: [0, 1, 2], reason: 'r' } },
  ...(timed ? { timed: true as const } : {}),
});
const chart = { $schema: 'x', mark: 'point' } as unknown as VerdictsFile['figures'][number]['chart'];
const file = (claims: ClaimResult[]): VerdictsFile => ({
  version: RESULTS_VERSION, reproduction: 'p', paper: { title: 'T', authors: [], year: 2026 }, profile: 'smoke', backend: 'cpu', claims,
  figures: [{ id: 'steps', title: 'loss vs step', chart }, { id: 'time', title: 'loss vs time', chart, timed: true }],
});

test('a timed claim keeps its verdict and method in the hashed file; its numbers and timed figures go to the sidecar', (t) => {
  const { hashed, timing } = splitTimed(file([claim('a', 2, false), claim('t', 7.25, true)]));
  t.deepEqual(hashed.claims[0], claim('a', 2, false));
  const stripped = hashed.claims[1];
  t.is(stripped.verdict, 'pass');
  t.is(stripped.statistic, null);
  t.false('ci' in stripped);
  t.false('perSeed' in stripped.evidence);
  t.is(stripped.evidence.method, 'mean over seeds');
  t.is(stripped.control!.verdict, 'fail');
  t.is(stripped.control!.evidence.statistic, null);
  t.false(JSON.stringify(hashed).includes('7.25'), 'no time left in the hashed file');
  t.deepEqual(hashed.figures.map((f) => f.id), ['steps']);
  t.deepEqual(timing!.claims.map((c) => c.id), ['t']);
  t.deepEqual(timing!.figures.map((f) => f.id), ['time']);
});

test('two runs that time differently but decide alike give the same hashed bytes', (t) => {
  const [a, b] = [7.25, 9.5].map((s) => JSON.stringify(splitTimed(file([claim('t', s, true)])).hashed));
  t.is(a, b);
});

test('joining restores the numbers, but the verdicts always come from the hashed file', (t) => {
  const original = file([claim('a', 2, false), claim('t', 7.25, true)]);
  const { hashed, timing } = splitTimed(original);
  t.deepEqual(joinTimed(hashed, timing), { ...original, figures: [original.figures[0], original.figures[1]] });
  const edited = { ...timing!, claims: timing!.claims.map((c) => ({ ...c, verdict: 'fail' as const, control: { ...c.control!, verdict: 'pass' as const } })) };
  const joined = joinTimed(hashed, edited);
  t.is(joined.claims[1].verdict, 'pass');
  t.is(joined.claims[1].control!.verdict, 'fail');
  t.is(joined.claims[1].statistic, 7.25);
  t.is(joinTimed(hashed, null), hashed, 'without a sidecar (restored from the cache elsewhere) the hashed file is shown as is');
});

test('nothing timed: no sidecar, the file unchanged', (t) => {
  const plain = { ...file([claim('a', 2, false)]), figures: [] };
  t.deepEqual(splitTimed(plain), { hashed: plain, timing: null });
});
