import test from 'ava';
import { UserError } from '../../src/errors.js';
import { OUTCOME_END, OUTCOME_START, OutcomeMarkersError, replaceOutcome } from '../../src/readme/markers.js';

const before = '# toy\n\n**Method.** By hand.\n\n';
const after = '\n**Changes (2026-12-05).** Outcome at the time: 0.5.\n';
const readme = (inside: string) => `${before}${OUTCOME_START}\n${inside}${OUTCOME_END}\n${after}`;

test('only the lines between the markers change; the markers and everything around them stay', (t) => {
  const out = replaceOutcome(readme('hand-typed 0.493\nand more\n'), 'generated\n', 'README.md');
  t.is(out, readme('generated\n'));
  t.true(out.startsWith(`${before}${OUTCOME_START}\n`));
  t.true(out.endsWith(`${OUTCOME_END}\n${after}`));
});

test('an empty block between adjacent markers is filled, and filling it again changes nothing', (t) => {
  const once = replaceOutcome(readme(''), 'a\nb\n', 'README.md');
  t.is(once, readme('a\nb\n'));
  t.is(replaceOutcome(once, 'a\nb\n', 'README.md'), once);
});

test('missing, repeated or reversed markers are a user error naming the README and the markers it needs', (t) => {
  const cases: [string, RegExp][] = [
    [`${before}${after}`, /found the start 0 times and the end 0 times/],
    [`${before}${OUTCOME_START}\n${after}`, /found the start once and the end 0 times/],
    [readme('x\n') + readme('y\n'), /found the start 2 times and the end 2 times/],
    [`${OUTCOME_END}\nx\n${OUTCOME_START}\n`, /found the end above the start/],
  ];
  for (const [text, found] of cases) {
    const error = t.throws(() => replaceOutcome(text, 'generated\n', 'reproductions/toy/README.md'), { instanceOf: OutcomeMarkersError });
    t.true(error instanceof UserError);
    t.regex(error.message, /^reproductions\/toy\/README\.md: the generated outcome needs its markers: a line '<!-- outcome:start -->' and, below it, a line '<!-- outcome:end -->'/);
    t.regex(error.message, found);
  }
});
