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
