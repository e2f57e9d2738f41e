import test from 'ava';
import { execa } from 'execa';
import { cpSync, existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VerdictsFile } from '../../src/types.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const CLI = path.join(ROOT, 'harness', 'bin', 'repro.js');

/** A project whose reproductions/ is a real folder (new files land in the temp copy, not the repo). */
function project(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'repro-new-'));
  // The scaffold imports ../../harness/src: a copy of the harness beside the new folder resolves it.
  cpSync(path.join(ROOT, 'harness'), path.join(root, 'harness'), { recursive: true, filter: (p) => !p.includes(`${path.sep}test${path.sep}`) });
  writeFileSync(path.join(root, 'params.yaml'), '# which block runs\nprofile: smoke\n\n# one section per paper\npapers: {}\n');
  writeFileSync(path.join(root, 'package.json'), readFileSync(path.join(ROOT, 'package.json')));
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'));
  return root;
}
const repro = (cwd: string, ...args: string[]) => execa(process.execPath, [CLI, ...args], { cwd, reject: false, all: true, env: { REPRO_BACKEND: 'cpu' } });

test('repro new scaffolds a folder whose demo claim is decided at once, with its control failing', async (t) => {
  const root = project();
  const made = await repro(root, 'new', 'demo', '--title', 'A demo paper', '--year', '2025');
  t.is(made.exitCode, 0, made.all);
  for (const f of ['index.ts', 'params.ts', 'experiment.ts', 'claims.ts', 'README.md', 'dvc.yaml', 'test/reproduction.test.ts']) {
    t.true(existsSync(path.join(root, 'reproductions', 'demo', f)), f);
  }
  const params = readFileSync(path.join(root, 'params.yaml'), 'utf8');
  t.regex(params, /# which block runs/, 'comments are kept');
  t.regex(params, /demo:\n\s+smoke:/);
  const run = await repro(root, 'run', 'demo');
  t.is(run.exitCode, 0, run.all);
  const verdicts = JSON.parse(readFileSync(path.join(root, 'results', 'demo', 'verdicts.json'), 'utf8')) as VerdictsFile;
  t.is(verdicts.paper.title, 'A demo paper');
  t.is(verdicts.claims[0].verdict, 'pass', verdicts.claims[0].evidence.reason);
  t.is(verdicts.claims[0].control?.verdict, 'fail');
  // The paper's own dvc.yaml declares a plot of a series the demo really records.
  const plotted = /^  - \.\.\/\.\.\/(results\/demo\/series\/[\w.-]+\.json):$/m.exec(readFileSync(path.join(root, 'reproductions', 'demo', 'dvc.yaml'), 'utf8'));
  t.truthy(plotted);
  t.true(existsSync(path.join(root, plotted![1])), `${plotted![1]} was not written by the run`);
});

test('repro new refuses an existing folder or section and a bad id, writing nothing', async (t) => {
  const root = project();
  t.is((await repro(root, 'new', 'demo')).exitCode, 0);
  const before = readFileSync(path.join(root, 'params.yaml'), 'utf8');
  const again = await repro(root, 'new', 'demo');
  t.is(again.exitCode, 2);
  t.regex(again.stderr, /reproductions\/demo already exists; nothing was written/);
  const bad = await repro(root, 'new', '../evil');
  t.is(bad.exitCode, 2);
  t.regex(bad.stderr, /id "\.\.\/evil" is not valid/);
  t.is(readFileSync(path.join(root, 'params.yaml'), 'utf8'), before);
});
