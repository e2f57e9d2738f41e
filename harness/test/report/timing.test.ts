/** The report reads timed claims' numbers from timing.json, except for the DVC stage's deterministic pages. */
import test from 'ava';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadResults } from '../../src/report/load.js';
import { splitTimed, TIMING_FILE } from '../../src/results/timing.js';
import type { VerdictsFile } from '../../src/types.js';
import { makeResults } from '../fixtures/report/make-results.js';

async function timedProject() {
  const root = await mkdtemp(join(tmpdir(), 'repro-timing-'));
  await makeResults(join(root, 'results'));
  const dir = join(root, 'results', 'scaling-laws');
  const verdicts = JSON.parse(await readFile(join(dir, 'verdicts.json'), 'utf8')) as VerdictsFile;
  const first = verdicts.claims[0];
  const { hashed, timing } = splitTimed({ ...verdicts, claims: [{ ...first, timed: true }, ...verdicts.claims.slice(1)] });
  await writeFile(join(dir, 'verdicts.json'), JSON.stringify(hashed));
  await writeFile(join(dir, TIMING_FILE), JSON.stringify(timing));
  return { root, first };
}

test('loadResults joins timing.json back into timed claims, keeping the hashed verdict', async (t) => {
  const { root, first } = await timedProject();
  const claim = (await loadResults(join(root, 'results'))).reproductions[0].verdicts.claims[0];
  t.is(claim.statistic, first.statistic);
  t.is(claim.verdict, first.verdict);
});

test('without run facts (the DVC report stage) timed claims show their verdict but not the times', async (t) => {
  const { root, first } = await timedProject();
  const claim = (await loadResults(join(root, 'results'), { runFacts: false })).reproductions[0].verdicts.claims[0];
  t.is(claim.statistic, null);
  t.is(claim.verdict, first.verdict);
  t.regex(claim.evidence.reason, /timing\.json/);
});
