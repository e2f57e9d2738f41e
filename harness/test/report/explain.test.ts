import test from 'ava';
import { censoring, censoringText } from '../../src/report/censored.js';
import { explain } from '../../src/report/explain.js';
import { humanLabel } from '../../src/report/labels.js';
import { describeChart } from '../../src/report/alt.js';
import { thinAxes } from '../../src/report/thin.js';
import { perSeedChart } from '../../src/charts/index.js';

const headline = { label: 'the statistic', statistic: 0.4, ci: [0.3, 0.6] as [number, number], ciLevel: '95%', threshold: 'mean ≥ 0.5', band: { lo: 0.5 } };

test('explain: one sentence for each non-pass, none for a pass', (t) => {
  t.is(explain({ verdict: 'pass', headline, reason: 'ok', censored: null, degenerate: null }), null);
  t.is(
    explain({ verdict: 'inconclusive', headline, reason: 'straddles', censored: null, degenerate: null }),
    'Inconclusive: the statistic was 0.4 (95% CI [0.3, 0.6]) against the threshold "mean ≥ 0.5"; likely reason: the interval straddles the lower end 0.5, so these seeds cannot tell the two sides apart.',
  );
  t.regex(explain({ verdict: 'fail', headline: { ...headline, ci: [0.1, 0.2] }, reason: '', censored: null, degenerate: null })!, /likely reason: the whole interval lies below the lower end 0\.5\.$/);
  t.is(explain({ verdict: 'error', headline, reason: 'series "x" missing.', censored: null, degenerate: null }), 'The claim could not be decided because the run failed: series "x" missing.');
  // Reasons written by the runner say it themselves: said once, not twice.
  t.is(explain({ verdict: 'error', headline, reason: 'the run failed: timed out after 6 s', censored: null, degenerate: null }), 'The claim could not be decided: the run failed: timed out after 6 s.');
  t.is(explain({ verdict: 'error', headline, reason: 'the check could not be computed: no series "x"', censored: null, degenerate: null }), 'The claim could not be decided: the check could not be computed: no series "x".');
  // No band to compare with: the run's own reason is the likely reason.
  t.regex(explain({ verdict: 'fail', headline: { ...headline, band: undefined }, reason: 'arm A is slower', censored: null, degenerate: null })!, /likely reason: arm A is slower\.$/);
  t.regex(explain({ verdict: 'fail', headline: { ...headline, statistic: null, ci: null }, reason: 'no data', censored: null, degenerate: null })!, /the statistic could not be computed/);
});

test('censoring: ∞ and NaN seeds are counted and named', (t) => {
  const c = censoring([{ seed: 0, value: 3 }, { seed: 1, value: Infinity }, { seed: 2, value: Number.NaN }, { seed: 3, value: null }]);
  t.is(c.finite.length, 1);
  t.deepEqual(c.infinite, ['1']);
  t.deepEqual(c.undefinedSeeds, ['2', '3']);
  t.is(censoringText(c), '1 of 4 seeds censored at ∞ (the run never reached its target): seed 1; 2 of 4 seeds without a finite value (∞ from a run that never reached its target, or NaN): seeds 2, 3');
  t.is(censoringText(censoring([{ seed: 0, value: 1 }])), null);
});

test('humanLabel: code names become words; labels in words stay', (t) => {
  t.is(humanLabel('pValue'), 'p-value');
  t.is(humanLabel('worstR2'), 'worst R²');
  t.is(humanLabel('seedsAboveBand'), 'seeds above band');
  t.is(humanLabel('final_loss'), 'final loss');
  t.is(humanLabel('worst R² over seeds'), 'worst R² over seeds');
});

test('charts: a text alternative from the spec, and crowded ordinal axes thinned to ten labels', (t) => {
  const spec = perSeedChart({ title: 'effect per seed', yTitle: 'effect', values: Array.from({ length: 200 }, (_, seed) => ({ seed, value: seed / 200 })), band: { lo: 0.5, label: '≥ 0.5' } });
  t.regex(describeChart(spec), /^Chart "effect per seed": effect against seed, 200 data points/);
  const thin = JSON.stringify(thinAxes(spec));
  const values = /"axis":\{[^}]*"values":\[([^\]]*)\]/.exec(thin);
  t.truthy(values);
  t.is(values![1].split(',').length, 10);
});

test('explain: seed counts in the details name the likely reason (a ratio of 0 from a run that never reached)', (t) => {
  const text = explain({
    verdict: 'fail',
    headline: { label: 'the statistic', statistic: 0, ci: [0, 0], ciLevel: '95%', threshold: 'median of steps (SGD) / steps (ours) ≥ 1.2', band: { lo: 1.2 } },
    reason: 'the median 0 is not ≥ 1.2',
    censored: censoring([1, 2, 3].map((seed) => ({ seed, value: 0 }))),
    degenerate: null,
    details: { 'seeds where A never reached the target (ratio ∞)': 0, 'seeds where B never reached the target (ratio 0)': 3 },
  });
  t.is(text, 'Fails: the statistic was 0 (95% CI [0, 0]) against the threshold "median of steps (SGD) / steps (ours) ≥ 1.2"; likely reason: on 3 of 3 seeds ours never reached the target (ratio 0); the whole interval lies below the lower end 1.2.');
});
