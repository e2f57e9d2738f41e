import test from 'ava';
import { execa } from 'execa';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { OUTCOME_END, OUTCOME_START } from '../../src/readme/markers.js';
import { stringifyResults } from '../../src/results/json.js';
import { verdictsFixture } from '../readme/fixture.js';

const CLI = fileURLToPath(new URL('../../bin/repro.js', import.meta.url));
const repro = (cwd: string, ...args: string[]) => execa(process.execPath, [CLI, 'readme', ...args], { cwd, reject: false, env: { REPRO_BACKEND: 'cpu' } });

/** A project root with one paper, its README (hand-typed outcome) and its results under `results`. */
function project(results = 'results'): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'repro-readme-cli-'));
  mkdirSync(path.join(root, 'reproductions', 'toy'), { recursive: true });
  // listIds only needs the entry file to exist; readme never loads it.
  writeFileSync(path.join(root, 'reproductions', 'toy', 'index.ts'), '');
  writeFileSync(path.join(root, 'reproductions', 'toy', 'README.md'), `# toy\n\n${OUTCOME_START}\nhand-typed\n${OUTCOME_END}\n`);
  mkdirSync(path.join(root, results, 'toy'), { recursive: true });
  writeFileSync(path.join(root, results, 'toy', 'verdicts.json'), stringifyResults(verdictsFixture()));
  return root;
}

test('--check exits 1 naming a stale README; writing then makes --check exit 0', async (t) => {
  const root = project();
  const stale = await repro(root, '--check');
  t.is(stale.exitCode, 1);
  t.regex(stale.stderr, /reproductions\/toy\/README\.md: its outcome block differs from results\/toy\/verdicts\.json; run `repro readme toy`/);
  t.regex(readFileSync(path.join(root, 'reproductions', 'toy', 'README.md'), 'utf8'), /hand-typed/);

  const write = await repro(root, 'toy');
  t.is(write.exitCode, 0);
  t.regex(readFileSync(path.join(root, 'reproductions', 'toy', 'README.md'), 'utf8'), /\| `rate-holds` \| pass \|/);

  const fresh = await repro(root, '--check');
  t.is(fresh.exitCode, 0, fresh.stderr);
});

test('--results reads another folder, and the block still names results/<id>/', async (t) => {
  const root = project('elsewhere');
  t.is((await repro(root, '--results', 'elsewhere')).exitCode, 0);
  t.regex(readFileSync(path.join(root, 'reproductions', 'toy', 'README.md'), 'utf8'), /from results\/toy\/verdicts\.json:/);
});

test('an unknown id, or a README without markers, is a user error (exit 2)', async (t) => {
  const root = project();
  const unknown = await repro(root, 'tay');
  t.is(unknown.exitCode, 2);
  t.regex(unknown.stderr, /unknown reproduction 'tay'/);
  writeFileSync(path.join(root, 'reproductions', 'toy', 'README.md'), '# toy\n');
  const bare = await repro(root, '--check');
  t.is(bare.exitCode, 2);
  t.regex(bare.stderr, /README\.md: the generated outcome needs its markers/);
});
