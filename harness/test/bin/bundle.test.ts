import test from 'ava';
import { execa } from 'execa';
import { mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cloneWorkingTree } from '../pipeline/clone.js';

const PAPER = 'lowrank-gradient-flow';

/** `repro <args>` in the copy, as DVC's stages call it. */
const repro = (dir: string, args: string[], env: Record<string, string> = {}) =>
  execa(process.execPath, ['harness/bin/repro.js', ...args], { cwd: dir, reject: false, all: true, env: { TF_CPP_MIN_LOG_LEVEL: '3', ...env } });
const current = (dir: string) => realpathSync(path.join(dir, '.cache', 'bundle', 'current'));
const builds = (dir: string) => readdirSync(path.join(dir, '.cache', 'bundle')).filter((name) => name.startsWith('build-')).sort();
const codeLine = (doctor: string) => /^code:\s+(.*)$/m.exec(doctor)?.[1] ?? '';

test('the bundle is built on first use, reused while its sources are unchanged, and rebuilt when one changes', async (t) => {
  const dir = cloneWorkingTree({ only: [PAPER] });
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const first = await repro(dir, ['doctor']);
  t.is(first.exitCode, 0, first.all);
  t.regex(codeLine(first.stdout), /^the esbuild bundle in \.cache\/bundle\/build-/);
  const built = current(dir);
  const manifest = JSON.parse(readFileSync(path.join(built, 'manifest.json'), 'utf8')) as { ids: string[]; inputs: { path: string }[] };
  t.deepEqual(manifest.ids, [PAPER]);
  t.true(manifest.inputs.some((input) => input.path === `reproductions/${PAPER}/index.ts`), 'the paper is in the bundle');

  // A checkout touches files without changing them: the same build serves.
  const index = path.join(dir, 'reproductions', PAPER, 'index.ts');
  utimesSync(index, new Date(), new Date(Date.now() + 5000));
  t.is((await repro(dir, ['list'])).exitCode, 0);
  t.is(current(dir), built);

  // A changed source: the next command builds anew and runs the change.
  const text = readFileSync(index, 'utf8');
  const renamed = text.replace(/(title:\s*')([^']*)'/, "$1A renamed title'");
  t.not(renamed, text, 'the title was found to edit');
  writeFileSync(index, renamed);
  const listed = await repro(dir, ['list']);
  t.regex(listed.stdout, /A renamed title/);
  t.not(current(dir), built);
  t.is(builds(dir).length, 2, 'the older build is kept for runs that may still use it');
});

test('a run from the bundle gives the same results as a run of the sources through tsx', async (t) => {
  const dir = cloneWorkingTree({ only: [PAPER] });
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const bundled = await repro(dir, ['run', PAPER, '--out', 'bundled', '--jobs', '2']);
  t.is(bundled.exitCode, 0, bundled.all);
  t.truthy(current(dir), 'the run was served by a bundle');
  const sources = await repro(dir, ['run', PAPER, '--out', 'sources', '--jobs', '2'], { REPRO_BUNDLE: '0' });
  t.is(sources.exitCode, 0, sources.all);
  const series = readdirSync(path.join(dir, 'sources', 'series'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(path.join(dir, 'sources'), path.join(entry.parentPath, entry.name)));
  t.true(series.length > 0, 'the run wrote series');
  for (const file of ['verdicts.json', 'metrics.json', 'provenance.json', ...series]) {
    t.is(readFileSync(path.join(dir, 'bundled', file), 'utf8'), readFileSync(path.join(dir, 'sources', file), 'utf8'), file);
  }
});

test('a rebuild keeps the newest older builds and removes the rest once unused for longer than a day', async (t) => {
  const dir = cloneWorkingTree({ only: [PAPER] });
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const cache = path.join(dir, '.cache', 'bundle');
  const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);
  const make = (name: string, when: Date) => {
    mkdirSync(path.join(cache, name), { recursive: true });
    utimesSync(path.join(cache, name), when, when);
  };
  make('build-recent', new Date());
  for (let i = 0; i < 10; i += 1) make(`build-old${i}`, hoursAgo(27 + i));
  t.is((await repro(dir, ['list'])).exitCode, 0);
  const kept = builds(dir);
  t.is(kept.length, 8);
  t.true(kept.includes(path.basename(current(dir))));
  t.deepEqual(kept.filter((name) => name.startsWith('build-old')), ['build-old0', 'build-old1', 'build-old2', 'build-old3', 'build-old4', 'build-old5']);
  t.true(kept.includes('build-recent'));
});

test('REPRO_BUNDLE=0 runs the sources through tsx and builds nothing', async (t) => {
  const dir = cloneWorkingTree({ only: [PAPER] });
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const doctor = await repro(dir, ['doctor'], { REPRO_BUNDLE: '0' });
  t.is(doctor.exitCode, 0, doctor.all);
  t.regex(codeLine(doctor.stdout), /^the TypeScript sources through tsx/);
  t.throws(() => builds(dir));
});
