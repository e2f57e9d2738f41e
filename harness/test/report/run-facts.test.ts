/** run-facts.json (machine, dates, timings) is folded into provenance for reading, unless asked not to. */
import test from 'ava';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReport } from '../../src/report/index.js';
import { loadResults, withRunFacts } from '../../src/report/load.js';
import type { Provenance, RunFacts } from '../../src/types.js';
import { makeResults } from '../fixtures/report/make-results.js';
import { scalingLawsRunFacts } from '../fixtures/run-facts.js';

const facts = scalingLawsRunFacts({ jobs: 2 });

async function project() {
  const root = await mkdtemp(join(tmpdir(), 'repro-run-facts-'));
  await makeResults(join(root, 'results'));
  // The deterministic provenance.json a run writes now: no git, machine, dates or timings.
  const stable: Provenance = { reproduction: 'scaling-laws', profile: 'smoke', backend: 'cpu', versions: { node: '20' }, seeds: [0, 1], params: {}, compute: { threadsPerProcess: 1 }, runs: [{ params: {}, leakedTensors: 0 }] };
  await writeFile(join(root, 'results', 'scaling-laws', 'provenance.json'), JSON.stringify(stable));
  await writeFile(join(root, 'results', 'scaling-laws', 'run-facts.json'), JSON.stringify(facts));
  return root;
}

test('loadResults folds run-facts.json into the provenance, or leaves it out with runFacts: false', async (t) => {
  const root = await project();
  const withFacts = (await loadResults(join(root, 'results'))).reproductions.find((r) => r.id === 'scaling-laws')!.provenance!;
  t.is(withFacts.durationSeconds, 123.4);
  t.is(withFacts.git?.rev, 'feedc0ffee');
  t.deepEqual(withFacts.compute, { threadsPerProcess: 1, jobs: 2 });
  t.deepEqual(withFacts.runs, [{ params: {}, leakedTensors: 0, seconds: 99.5 }]);
  const without = (await loadResults(join(root, 'results'), { runFacts: false })).reproductions.find((r) => r.id === 'scaling-laws')!.provenance!;
  t.is(without.durationSeconds, undefined);
  t.is(without.git, undefined);
  t.deepEqual(without.runs, [{ params: {}, leakedTensors: 0 }]);
});

test('withRunFacts ignores facts of the wrong shape instead of copying them in', (t) => {
  const stable: Provenance = { reproduction: 'x', profile: 'smoke', backend: 'cpu', versions: {}, seeds: [], params: {}, runs: [{ params: {} }] };
  t.deepEqual(withRunFacts(stable, { durationSeconds: 'soon' as unknown as number, runs: [null as unknown as RunFacts['runs'][0]] }), stable);
  t.is(withRunFacts(null, facts), null);
});

test('a report built without run facts is the same bytes whatever the run facts say', async (t) => {
  const root = await project();
  const page = async (out: string) => {
    await buildReport({ resultsDir: join(root, 'results'), outDir: join(root, out), repoRoot: root, runFacts: false });
    // vega numbers SVG gradients with a counter global to the process; each `dvc repro` report
    // stage is a fresh process, where it starts from 0 every time.
    return (await readFile(join(root, out, 'scaling-laws.html'), 'utf8')).replace(/gradient_\d+/g, 'gradient_N');
  };
  const first = await page('a');
  await writeFile(join(root, 'results', 'scaling-laws', 'run-facts.json'), JSON.stringify({ ...facts, durationSeconds: 5, machine: { ...facts.machine, cpu: 'Other CPU' } }));
  t.is(await page('b'), first);
  t.false(first.includes('Test CPU 9000'));
  // The page text, without the inlined chart runtime (whose code says "undefined" on its own).
  const text = first.replace(/<script>[\s\S]*?<\/script>/g, '');
  t.false(text.includes('undefined'), 'a missing run fact shows as missing, not as "undefined"');
  t.true(first.includes('1 thread(s) per run process'));
  await buildReport({ resultsDir: join(root, 'results'), outDir: join(root, 'c'), repoRoot: root });
  t.true((await readFile(join(root, 'c', 'scaling-laws.html'), 'utf8')).includes('Other CPU'));
});
