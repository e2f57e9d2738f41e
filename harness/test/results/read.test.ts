import test from 'ava';
import { parseResults, stringifyResults } from '../../src/results/json.js';
import { parseVerdictsFile } from '../../src/results/read.js';
import { RESULTS_VERSION } from '../../src/types.js';

const claim = (statistic: number, ci: [number, number]) => ({
  id: 'c', quote: 'q', kind: 'median-ratio', why: 'w', params: {}, verdict: 'fail', statistic, ci, threshold: '> 1',
  evidence: { method: 'm', statistic, ci, threshold: '> 1', band: { gt: 1 }, n: 6, seeds: [1], reason: 'r' },
  control: { params: {}, why: 'y', expect: 'fail', verdict: 'pass', expected: true, evidence: { method: 'm', statistic: null, threshold: '> 1', n: 0, seeds: [], reason: 'r' } },
});

test('±∞ and NaN survive writing and reading, and pass the schema', (t) => {
  const file = { version: RESULTS_VERSION, reproduction: 'x', paper: { title: 'T', authors: [], year: 2026 }, profile: 'smoke', backend: 'cpu', claims: [claim(Infinity, [0, Infinity])], figures: [] };
  const text = stringifyResults(file);
  t.regex(text, /"Infinity"/);
  const back = parseVerdictsFile(parseResults(text), 'verdicts.json');
  t.is(back.claims[0].statistic, Infinity);
  t.deepEqual(back.claims[0].ci, [0, Infinity]);
});

test('a stored control flag is never trusted: expected is re-derived from verdict and expect', (t) => {
  const file = { version: RESULTS_VERSION, reproduction: 'x', paper: { title: 'T', authors: [], year: 2026 }, profile: 'smoke', backend: 'cpu', claims: [claim(2, [1.5, 3])], figures: [] };
  t.false(parseVerdictsFile(file, 'v.json').claims[0].control!.expected);
});

test('another results version, or a key of the wrong type, is refused with the file and the key named', (t) => {
  t.throws(() => parseVerdictsFile({ version: 1 }, 'results/x/verdicts.json'), { message: /results\/x\/verdicts\.json: results format version 1; this harness reads version 2/ });
  const bad = { version: RESULTS_VERSION, reproduction: 'x', paper: { title: 'T', authors: [], year: 2026 }, profile: 'smoke', backend: 'cpu', claims: [{ ...claim(1, [0, 2]), verdict: 'passed' }], figures: [] };
  t.throws(() => parseVerdictsFile(bad, 'v.json'), { message: /v\.json: key claims\.0\.verdict/ });
});
