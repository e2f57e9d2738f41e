/**
 * Scale-out through DVC's own engine: a queued parameter sweep run by `dvc queue` workers, and a
 * run cache shared through a directory remote so a second clone reproduces nothing.
 */
import test from 'ava';
import { execa } from 'execa';
import { mkdtempSync, readFileSync } from 'node:fs';
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
