import test from 'ava';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const root = new URL('../../../', import.meta.url);
const workflow = parse(readFileSync(new URL('.github/workflows/ci.yml', root), 'utf8')) as {
  on: unknown;
  jobs: Record<string, { 'runs-on': string; steps: { run?: string; uses?: string }[] }>;
};

test('the GitHub workflow runs the README commands and verify, like .ci/run does locally', (t) => {
  const runs = Object.values(workflow.jobs).flatMap((j) => j.steps.map((s) => s.run ?? ''));
  t.true(runs.includes('make test'));
  t.true(runs.includes('make repro'));
  t.true(runs.some((r) => r.includes('repro.js verify')));
  for (const [name, job] of Object.entries(workflow.jobs)) {
    t.truthy(job['runs-on'], `${name} has runs-on`);
    t.true(job.steps.every((s) => Boolean(s.run) !== Boolean(s.uses)), `${name}: each step has exactly one of run/uses`);
  }
  t.regex(readFileSync(new URL('.ci/run', root), 'utf8'), /^make test$/m);
  t.regex(readFileSync(new URL('README.md', root), 'utf8'), /make test/);
});

test('the matrix recipe runs one job per run@<id> stage, shares the run cache, and reports last', (t) => {
  const matrix = parse(readFileSync(new URL('.github/workflows/matrix.yml', root), 'utf8')) as typeof workflow;
  const runs = (job: string) => matrix.jobs[job].steps.map((s) => s.run ?? '');
  t.true(runs('run').some((r) => r.includes('dvc repro --pull --single-item "run@${{ matrix.id }}"')));
  t.true(runs('run').some((r) => r.includes('dvc push --run-cache')));
  t.true(runs('report').some((r) => r.includes('dvc repro --pull')));
  for (const [name, job] of Object.entries(matrix.jobs)) {
    t.true(job.steps.every((s) => Boolean(s.run) !== Boolean(s.uses)), `${name}: each step has exactly one of run/uses`);
  }
});
