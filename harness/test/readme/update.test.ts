import test from 'ava';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OUTCOME_END, OUTCOME_START } from '../../src/readme/markers.js';
import { updateReadme } from '../../src/readme/update.js';
import { stringifyResults } from '../../src/results/json.js';
import { verdictsFixture } from './fixture.js';

const STALE = `# toy\n\n**Method.** By hand.\n\n${OUTCOME_START}\nAll claims pass (hand-typed).\n${OUTCOME_END}\n\n**Deviations.** None.\n`;

function project(): { dir: string; readme: string; verdicts: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'repro-readme-'));
  const readme = path.join(dir, 'README.md');
  const verdicts = path.join(dir, 'verdicts.json');
  writeFileSync(readme, STALE);
  writeFileSync(verdicts, stringifyResults(verdictsFixture()));
  return { dir, readme, verdicts };
}

test('check mode finds a stale block and writes nothing; writing fixes it; check then agrees', (t) => {
  const p = project();
  const job = { readme: p.readme, verdicts: p.verdicts, source: 'results/toy/verdicts.json' };
  t.true(updateReadme({ ...job, check: true }).changed);
  t.is(readFileSync(p.readme, 'utf8'), STALE);

  t.true(updateReadme({ ...job, check: false }).changed);
  const written = readFileSync(p.readme, 'utf8');
  t.regex(written, /\| `rate-holds` \| pass \| 0\.4933, 95% CI \[0\.4921, 0\.4946\]/);
  t.notRegex(written, /hand-typed/);
  t.true(written.startsWith('# toy\n\n**Method.** By hand.\n\n'));
  t.true(written.endsWith(`${OUTCOME_END}\n\n**Deviations.** None.\n`));
  // Atomic: no temp file is left beside the README.
  t.deepEqual(readdirSync(p.dir).sort(), ['README.md', 'verdicts.json']);

  t.false(updateReadme({ ...job, check: true }).changed);
  t.false(updateReadme({ ...job, check: false }).changed);
});

test('a changed result makes a fresh block stale again', (t) => {
  const p = project();
  const job = { readme: p.readme, verdicts: p.verdicts, source: 'results/toy/verdicts.json' };
  updateReadme({ ...job, check: false });
  const changed = verdictsFixture() as { claims: { verdict: string }[] };
  changed.claims[2].verdict = 'fail';
  writeFileSync(p.verdicts, stringifyResults(changed));
  t.true(updateReadme({ ...job, check: true }).changed);
});

test('a README without markers is an error that names it, and is left as it was', (t) => {
  const p = project();
  writeFileSync(p.readme, '# toy\n\nNo markers here.\n');
  t.throws(() => updateReadme({ readme: p.readme, verdicts: p.verdicts, source: 's', check: false }), { message: new RegExp(`${p.readme.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: the generated outcome needs its markers`) });
  t.is(readFileSync(p.readme, 'utf8'), '# toy\n\nNo markers here.\n');
});

test('missing results are a user error naming the verdicts file', (t) => {
  const p = project();
  t.throws(() => updateReadme({ readme: p.readme, verdicts: path.join(p.dir, 'nope.json'), source: 's', check: true }), { message: /nope\.json: cannot be read \(ENOENT\)/ });
});
