/**
 * Scale-out through DVC's own engine: a queued parameter sweep run by `dvc queue` workers, and a
 * run cache shared through a directory remote so a second clone reproduces nothing.
 */
import test from 'ava';
import { execa } from 'execa';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, cloneWorkingTree } from './clone.js';

const DVC = path.join(ROOT, '.venv', 'bin', 'dvc');
const ID = 'lowrank-gradient-flow';
// One small paper at a tiny size: the point is DVC's machinery, not the science.
const BLOCK = `
      seeds: 2
      n: 8
      true_rank: 3
      lambda1: [3, 2, 1]
      lambda2: 0
      fitted_rank: 5
      init_scale: 0.1
      eta: 0.05
      steps: 4000
      record_every: 20
      integrator: euler
      basis: eigen
      closed_form_from: 20
      schur_block: schur
      init: random
      saddle_direction: 0
      perturbation: 0
      perturb_at: 100
      escape_threshold: 0.1`;
// No YAML anchors: DVC's -S rewrites params.yaml and an aliased block would not take the change.
const TINY = `profile: smoke\npapers:\n  ${ID}:\n    smoke:${BLOCK}\n    paper:${BLOCK}\n`;

// dvc queue workers start `dvc` by name, so the venv's bin goes first on PATH.
const dvc = (cwd: string, ...args: string[]) =>
  execa(DVC, args, { cwd, reject: false, all: true, env: { REPRO_JOBS: '1', PATH: `${path.dirname(DVC)}:${process.env.PATH}` } });

test.serial('a queued sweep: dvc exp run --queue -S, dvc queue start -j 2, dvc exp show', async (t) => {
  const clone = cloneWorkingTree({ only: [ID], params: TINY });
  // The stage both experiments share runs once here first: two workers that both finish it save the
  // same run-cache entry at once, and DVC's rename of that entry races (ENOENT on its .tmp file).
  const shared = await dvc(clone, 'repro', 'datasets');
  t.is(shared.exitCode, 0, shared.all);
  const queued = await dvc(clone, 'exp', 'run', '--queue', '-S', `papers.${ID}.smoke.init_scale=0.05,0.2`);
  t.is(queued.exitCode, 0, queued.all);
  t.regex(queued.all ?? '', /Queued experiment/);
  const started = await dvc(clone, 'queue', 'start', '-j', '2');
  t.is(started.exitCode, 0, started.all);
  // Workers run in the background; wait (bounded) until nothing is queued or running.
  let status = '';
  for (let i = 0; i < 150; i++) {
    status = (await dvc(clone, 'queue', 'status')).all ?? '';
    if (!/Queued|Running/.test(status) || /0 active/.test(status)) break;
    await new Promise((r) => setTimeout(r, 2000));
  }
  t.notRegex(status, /Queued|Running|Failed/, status);
  const shown = await dvc(clone, 'exp', 'show', '--json');
  t.is(shown.exitCode, 0, shown.all);
  const text = shown.stdout;
  t.regex(text, /"init_scale": 0\.05/);
  t.regex(text, /"init_scale": 0\.2/);
  t.regex(text, /"controls_as_expected"/);
  await dvc(clone, 'queue', 'stop');
});

test.serial('a run cache pushed by one clone lets a second clone reproduce nothing', async (t) => {
  const remote = mkdtempSync(path.join(os.tmpdir(), 'repro-remote-'));
  const first = cloneWorkingTree({ only: [ID], params: TINY });
  const second = cloneWorkingTree({ only: [ID], params: TINY });
  for (const clone of [first, second]) t.is((await dvc(clone, 'remote', 'add', '--local', '-d', 'shared', remote)).exitCode, 0);

  const ran = await dvc(first, 'repro');
  t.is(ran.exitCode, 0, ran.all);
  t.regex(ran.all ?? '', /Running stage 'run@lowrank-gradient-flow'/);
  const pushed = await dvc(first, 'push', '--run-cache');
  t.is(pushed.exitCode, 0, pushed.all);

  // `repro --pull` fetches the run cache and the outputs it names: this clone has no dvc.lock, so a
  // plain `dvc pull --run-cache` would have no outputs to check out.
  const reproduced = await dvc(second, 'repro', '--pull');
  t.is(reproduced.exitCode, 0, reproduced.all);
  t.notRegex(reproduced.all ?? '', /Running stage/);
  t.regex(reproduced.all ?? '', /Stage 'run@lowrank-gradient-flow' is cached - skipping run, checking out outputs/);
  const a = readFileSync(path.join(first, 'results', ID, 'verdicts.json'), 'utf8');
  t.is(readFileSync(path.join(second, 'results', ID, 'verdicts.json'), 'utf8'), a);
});

/** `git add` + commit in a clone, as pulling a commit of main would leave it. */
const commit = (clone: string, file: string) => {
  for (const args of [['add', file], ['-c', 'user.email=test@localhost', '-c', 'user.name=test', 'commit', '-qm', `commit ${file}`]]) execFileSync('git', args, { cwd: clone, stdio: 'ignore' });
};

test.serial('two machines, one committed dvc.lock from a third: A recomputes the same bytes, B runs no stage', async (t) => {
  // The committed dvc.lock was written by some other machine (here: clone C); its outputs were
  // never pushed. A and B are fresh clones of that commit; A runs and pushes, B pulls.
  const [c, a, b] = [0, 1, 2].map(() => cloneWorkingTree({ only: [ID], params: TINY }));
  const wrote = await dvc(c, 'repro');
  t.is(wrote.exitCode, 0, wrote.all);
  const lock = readFileSync(path.join(c, 'dvc.lock'), 'utf8');
  for (const clone of [a, b]) {
    writeFileSync(path.join(clone, 'dvc.lock'), lock);
    commit(clone, 'dvc.lock');
  }
  const remote = mkdtempSync(path.join(os.tmpdir(), 'repro-remote-'));
  for (const clone of [a, b]) t.is((await dvc(clone, 'remote', 'add', '--local', '-d', 'shared', remote)).exitCode, 0);

  // Machine A: the outputs the lock names are nowhere, so every stage runs; deterministic outputs
  // make its dvc.lock the committed one, byte for byte (nothing to commit after a run).
  const ranA = await dvc(a, 'repro');
  t.is(ranA.exitCode, 0, ranA.all);
  t.regex(ranA.all ?? '', /Running stage 'run@lowrank-gradient-flow'/);
  t.is(readFileSync(path.join(a, 'dvc.lock'), 'utf8'), lock, 'dvc.lock changed on machine A: an output is not deterministic');
  t.is((await dvc(a, 'push', '--run-cache')).exitCode, 0);

  // Machine B: README's command (the CI matrix's and Slurm's too); it runs nothing and gets A's results.
  const reproduced = await dvc(b, 'repro', '--pull');
  t.is(reproduced.exitCode, 0, reproduced.all);
  const ran = (reproduced.all ?? '').match(/Running stage '[^']+'/g) ?? [];
  t.deepEqual(ran, [], `machine B ran ${ran.length} stage(s): ${reproduced.all}`);
  for (const file of ['verdicts.json', 'metrics.json', 'provenance.json']) {
    t.is(readFileSync(path.join(b, 'results', ID, file), 'utf8'), readFileSync(path.join(a, 'results', ID, file), 'utf8'), file);
  }
  t.is(readFileSync(path.join(b, 'reports', `${ID}.html`), 'utf8'), readFileSync(path.join(a, 'reports', `${ID}.html`), 'utf8'));
  const status = await dvc(b, 'status');
  t.regex(status.all ?? '', /Data and pipelines are up to date/, status.all);
});
