/** Paper-profile runs published under published/paper/<id>/: the publish step's checks, and the report beside smoke. */
import test from 'ava';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publishPaperRun } from '../../src/published/publish.js';
import { paperProfileTable } from '../../src/published/table.js';
import { buildReport } from '../../src/report/index.js';
import { machineLine, publishedClaim, readPublished } from '../../src/report/published.js';
import { sha256Hex } from '../../src/results/hash.js';
import type { VerdictsFile } from '../../src/types.js';
import { makeResults } from '../fixtures/report/make-results.js';
import { scalingLawsRunFacts } from '../fixtures/run-facts.js';

const facts = scalingLawsRunFacts({ startedAt: '2026-12-05T12:04:13.000Z', durationSeconds: 480.4, runs: [{ params: {}, seconds: 470 }] });

/** A project with smoke results (the fixture) and a finished paper-profile run of scaling-laws in runs/. */
async function project(t: { teardown: (fn: () => Promise<void>) => void }) {
  const root = await mkdtemp(join(tmpdir(), 'repro-published-'));
  t.teardown(() => rm(root, { recursive: true, force: true }));
  await makeResults(join(root, 'results'));
  const run = join(root, 'runs', 'scaling-laws');
  await cp(join(root, 'results', 'scaling-laws'), run, { recursive: true });
  // The paper run: its own verdicts (the fixture's, less the error claim, one statistic moved), profile paper.
  const smoke = JSON.parse(await readFile(join(run, 'verdicts.json'), 'utf8')) as VerdictsFile;
  const paper: VerdictsFile = { ...smoke, profile: 'paper', claims: smoke.claims.filter((c) => c.verdict !== 'error').map((c, i) => (i === 0 ? { ...c, verdict: 'fail', statistic: -1.234 } : c)) };
  const text = `${JSON.stringify(paper, null, 2)}\n`;
  await writeFile(join(run, 'verdicts.json'), text);
  const provenance = JSON.parse(await readFile(join(run, 'provenance.json'), 'utf8')) as Record<string, unknown>;
  await writeFile(join(run, 'provenance.json'), JSON.stringify({ ...provenance, profile: 'paper', verdictsSha256: sha256Hex(text) }));
  await writeFile(join(run, 'run-facts.json'), JSON.stringify(facts));
  await mkdir(join(run, 'series'), { recursive: true });
  await writeFile(join(run, 'series', 'loss.json'), '[]');
  await writeFile(join(root, 'expected.json'), JSON.stringify({ 'scaling-laws': { 'loss-power-law': 'pass' } }));
  return { root, run, paper };
}

test('publishPaperRun copies the four files of a finished paper run and nothing else', async (t) => {
  const { root, run } = await project(t);
  const dest = publishPaperRun(run, 'scaling-laws', join(root, 'published'));
  t.is(dest, join(root, 'published', 'paper', 'scaling-laws'));
  t.deepEqual((await readdir(dest)).sort(), ['metrics.json', 'provenance.json', 'run-facts.json', 'verdicts.json']);
  t.is(await readFile(join(dest, 'verdicts.json'), 'utf8'), await readFile(join(run, 'verdicts.json'), 'utf8'));
});

test('publishPaperRun refuses a smoke run, an incomplete run or altered verdicts, naming the file', async (t) => {
  const { root, run } = await project(t);
  const published = join(root, 'published');
  // The fixture's own results: not the paper profile.
  t.throws(() => publishPaperRun(join(root, 'results', 'scaling-laws'), 'scaling-laws', published), { message: /run-facts\.json: is missing/ });
  await writeFile(join(root, 'results', 'scaling-laws', 'run-facts.json'), JSON.stringify(facts));
  t.throws(() => publishPaperRun(join(root, 'results', 'scaling-laws'), 'scaling-laws', published), { message: /verdicts\.json: was run with the 'quick' profile, not 'paper'/ });
  // The wrong paper.
  t.throws(() => publishPaperRun(run, 'other-paper', published), { message: /verdicts\.json: is a run of 'scaling-laws', not of 'other-paper'/ });
  // Verdicts edited after the run.
  const text = await readFile(join(run, 'verdicts.json'), 'utf8');
  await writeFile(join(run, 'verdicts.json'), text.replace('-1.234', '-0.999'));
  t.throws(() => publishPaperRun(run, 'scaling-laws', published), { message: /provenance\.json: records verdicts\.json's sha256/ });
  await writeFile(join(run, 'verdicts.json'), text);
  // An unfinished run.
  await rm(join(run, 'metrics.json'));
  t.throws(() => publishPaperRun(run, 'scaling-laws', published), { message: /metrics\.json: is missing; the run is incomplete/ });
  await t.throwsAsync(readdir(join(published, 'paper', 'scaling-laws')));
});

test('the report shows the published paper-profile verdict beside the smoke verdict, and nothing without one', async (t) => {
  const { root, run } = await project(t);
  const build = async (out: string) => {
    await buildReport({ resultsDir: join(root, 'results'), outDir: join(root, out), repoRoot: root, runFacts: false, dvcLockPath: join(root, 'none.lock') });
    return readFile(join(root, out, 'scaling-laws.html'), 'utf8');
  };
  const before = await build('a');
  t.false(before.includes('paper profile (published'));

  publishPaperRun(run, 'scaling-laws', join(root, 'published'));
  const after = await build('b');
  t.true(after.includes('paper profile (published 2026-12-05, Test CPU 9000 (2 cores))'));
  t.true(after.includes('<span class="stat">-1.234</span>'));
  // The claim's section holds both: its smoke badge and the published fail.
  const section = after.slice(after.indexOf('id="claim-loss-power-law"'), after.indexOf('</section>', after.indexOf('id="claim-loss-power-law"')));
  t.regex(section, /quick profile \(this report's run\):<\/span> <span class="badge v-pass">/);
  t.regex(section, /Test CPU 9000 \(2 cores\)\):<\/span> <span class="badge v-fail">/);
  t.true(section.includes('not re-verified by CI'));
  // The xss-test paper has nothing published: nothing shown there.
  const other = await readFile(join(root, 'b', 'index.html'), 'utf8');
  t.false(other.includes('paper profile (published'));
});

test('an unreadable published verdicts.json is a warning on the page, not a failed build', async (t) => {
  const { root } = await project(t);
  const dir = join(root, 'published', 'paper', 'scaling-laws');
  await cp(join(root, 'results', 'scaling-laws'), dir, { recursive: true });
  await writeFile(join(dir, 'verdicts.json'), '{"version": 2, "trunc');
  await buildReport({ resultsDir: join(root, 'results'), outDir: join(root, 'out'), repoRoot: root, runFacts: false, dvcLockPath: join(root, 'none.lock') });
  const page = await readFile(join(root, 'out', 'scaling-laws.html'), 'utf8');
  t.true(page.includes('published paper-profile verdicts could not be read: published/paper/scaling-laws/verdicts.json'));
  t.false(page.includes('paper profile (published'));
});

test('readPublished and the table: verdict, statistic, time and machine from the files', async (t) => {
  const { root, run } = await project(t);
  const published = join(root, 'published');
  t.is(readPublished(published, 'scaling-laws'), null);
  publishPaperRun(run, 'scaling-laws', published);
  const p = readPublished(published, 'scaling-laws')!;
  t.is(p.date, '2026-12-05');
  t.is(p.seconds, 480.4);
  t.is(publishedClaim(p, 'no-such-claim'), null);
  t.is(publishedClaim(p, 'loss-power-law')?.verdict, 'fail');
  t.is(machineLine({ cpu: 'X', cores: 4, gpu: 'NVIDIA H200' }), 'X (4 cores), GPU NVIDIA H200');
  t.is(machineLine(undefined), 'machine not recorded');
  const table = paperProfileTable(published, join(root, 'expected.json'));
  t.regex(table, /^\| paper \| claim \| smoke verdict \| paper verdict/);
  t.true(table.includes('| scaling-laws | loss-power-law | pass | **fail** -1.234 [-1.02, -0.94] | 8 min 00 s (2026-12-05) | Test CPU 9000 (2 cores), tfjs-node |'));
});
