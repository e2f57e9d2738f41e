import test from 'ava';
import { execa } from 'execa';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, cloneWorkingTree } from './clone.js';

const DVC = path.join(ROOT, '.venv', 'bin', 'dvc');

test('dvc repro in a fresh copy runs every stage, writes results and reports, and a second repro is a no-op', async (t) => {
  t.true(existsSync(DVC), `DVC is missing at ${DVC}: run 'make setup' (the test target does)`);
  // One paper keeps this test to a minute; the datasets stage and the report run as in the full pipeline.
  const clone = cloneWorkingTree({ only: ['lowrank-gradient-flow'] });
  const first = await execa(DVC, ['repro'], { cwd: clone, reject: false, all: true, env: { REPRO_BACKEND: process.env.REPRO_BACKEND ?? '' } });
  t.is(first.exitCode, 0, first.all);
  t.regex(first.all ?? '', /Running stage 'datasets'/);
  t.regex(first.all ?? '', /Running stage 'run@lowrank-gradient-flow'/);
  t.regex(first.all ?? '', /Running stage 'report'/);
  const verdicts = JSON.parse(readFileSync(path.join(clone, 'results', 'lowrank-gradient-flow', 'verdicts.json'), 'utf8'));
  t.is(verdicts.reproduction, 'lowrank-gradient-flow');
  t.true(existsSync(path.join(clone, 'reports', 'index.html')));
  t.true(existsSync(path.join(clone, 'reports', 'lowrank-gradient-flow.html')));

  const second = await execa(DVC, ['repro'], { cwd: clone, reject: false, all: true });
  t.is(second.exitCode, 0, second.all);
  t.regex(second.all ?? '', /Data and pipelines are up to date/);
  t.notRegex(second.all ?? '', /Running stage/);

  const metrics = await execa(DVC, ['metrics', 'show', '--json'], { cwd: clone, reject: false, all: true });
  t.is(metrics.exitCode, 0, metrics.all);
  t.regex(metrics.stdout, /"controls_as_expected"/);
  t.notRegex(metrics.stdout, /"statistics"/, 'per-claim statistics stay out of metrics.json');

  // The paper's own reproductions/<id>/dvc.yaml declares its plots; DVC finds and renders them.
  const plots = await execa(DVC, ['plots', 'show', '--json'], { cwd: clone, reject: false, all: true });
  t.is(plots.exitCode, 0, plots.all);
  const shown = JSON.parse(plots.stdout) as { data: Record<string, { content?: unknown }[]>; errors?: unknown };
  t.true(Object.keys(shown.data).includes('results/lowrank-gradient-flow/series/schur-max.json'), Object.keys(shown.data).join(', '));
  t.true(Object.values(shown.data).every((renders) => renders.length > 0 && renders.every((r) => r.content)), plots.stdout.slice(0, 2000));
  t.falsy(shown.errors, JSON.stringify(shown.errors));
});
