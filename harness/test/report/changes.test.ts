import test from 'ava';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReport } from '../../src/report/index.js';
import { makeResults } from '../fixtures/report/make-results.js';

test('the index lists claims whose verdict differs from the baseline, and says so when none does', async (t) => {
  const root = await mkdtemp(join(tmpdir(), 'report-changes-'));
  const resultsDir = join(root, 'results');
  await makeResults(resultsDir);
  const outDir = join(root, 'reports');
  const expectations = { 'scaling-laws': { 'loss-power-law': 'fail' as const } };
  await buildReport({ resultsDir, outDir, repoRoot: root, baseline: { label: 'expected.json at main', expectations } });
  const html = await readFile(join(outDir, 'index.html'), 'utf8');
  t.regex(html, /Changes against expected\.json at main/);
  // loss-power-law was expected to fail and now passes; claims without an expectation show "none".
  t.regex(html, /loss-power-law<\/a><\/td><td><span class="badge v-fail">fail<\/span><\/td><td><span class="badge v-pass">pass/);
  t.regex(html, /<span class="muted">none<\/span>/);
  await rm(root, { recursive: true, force: true });
});
