import test from 'ava';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const root = new URL('../../../', import.meta.url);
const workflow = parse(readFileSync(new URL('.github/workflows/ci.yml', root), 'utf8')) as {
  on: unknown;
  jobs: Record<string, { 'runs-on': string; steps: { run?: string; uses?: string }[] }>;
};

test('the GitHub workflow runs the README test command and the claim gate, like .ci/run does locally', (t) => {
  const runs = Object.values(workflow.jobs).flatMap((j) => j.steps.map((s) => s.run ?? ''));
  t.true(runs.includes('make test'));
  t.true(runs.includes('make verify'));
  for (const [name, job] of Object.entries(workflow.jobs)) {
    t.truthy(job['runs-on'], `${name} has runs-on`);
    t.true(job.steps.every((s) => Boolean(s.run) !== Boolean(s.uses)), `${name}: each step has exactly one of run/uses`);
  }
  // .ci/run: the tests, then the claim gate, each failing the script on its own (set -e).
  const ci = readFileSync(new URL('.ci/run', root), 'utf8');
  t.regex(ci, /^set -euo pipefail$/m);
  t.regex(ci, /^make test\nmake verify$/m);
  const readme = readFileSync(new URL('README.md', root), 'utf8');
  t.regex(readme, /make test/);
  t.regex(readme, /make verify/);
});

test('make verify is the claim gate: dvc repro, then repro verify --complete writing JUnit and Markdown, then repro readme --check', (t) => {
  const makefile = readFileSync(new URL('Makefile', root), 'utf8');
  const recipe = /^verify: setup\n((?:\t.*\n)+)/m.exec(makefile);
  t.truthy(recipe, 'the Makefile has a verify target that depends on setup');
  const lines = recipe![1].split('\n').map((l) => l.trim()).filter(Boolean);
  t.is(lines[0], '$(DVC) repro');
  const verifyLine = lines.find((l) => l.includes('repro.js verify'));
  t.truthy(verifyLine);
  t.regex(verifyLine!, /--complete/);
  t.regex(verifyLine!, /--junit \$\(VERIFY_ARTIFACTS\)\/\S+\.xml/);
  t.regex(verifyLine!, /--markdown \$\(VERIFY_ARTIFACTS\)\/\S+\.md/);
  t.regex(makefile, /^VERIFY_ARTIFACTS := test-artifacts$/m);
  // make stops at the first failing recipe line: the gate fails when either check does, and the
  // README check reads the results that the verify line has just judged.
  const readmeLine = lines.findIndex((l) => /repro\.js readme --check$/.test(l));
  t.true(readmeLine > lines.indexOf(verifyLine!), 'repro readme --check runs after repro verify');
  t.is(readmeLine, lines.length - 1, 'and is the last step of the gate');
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

test('the Pages workflow publishes reports/ from main, rendered with run facts, with its own provenance', (t) => {
  const pages = parse(readFileSync(new URL('.github/workflows/pages.yml', root), 'utf8')) as typeof workflow & { on: { push?: { branches: string[] } }; permissions: Record<string, string> };
  t.deepEqual(pages.on.push?.branches, ['main']);
  t.is(pages.permissions.pages, 'write');
  t.is(pages.permissions['id-token'], 'write');
  const build = pages.jobs.build.steps;
  const runs = build.map((s) => s.run ?? '');
  t.true(runs.includes('make repro'));
  t.true(runs.includes('node harness/bin/repro.js report'), 'the published copy is rendered with run facts');
  t.true(runs.some((r) => r.includes('reports/site-provenance.json')));
  const upload = build.find((s) => s.uses?.startsWith('actions/upload-pages-artifact')) as { with?: { path?: string } } | undefined;
  t.is(upload?.with?.path, 'reports/');
  t.true(pages.jobs.deploy.steps.some((s) => s.uses?.startsWith('actions/deploy-pages')));
  for (const [name, job] of Object.entries(pages.jobs)) {
    t.true(job.steps.every((s) => Boolean(s.run) !== Boolean(s.uses)), `${name}: each step has exactly one of run/uses`);
  }
});
