import test from 'ava';
import { execa } from 'execa';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { VerdictsFile } from '../../src/types.js';
import { ROOT, cloneWorkingTree } from './clone.js';

const DVC = path.join(ROOT, '.venv', 'bin', 'dvc');

test('repro new demo, then dvc repro: the new stage runs and decides the demo claim', async (t) => {
  const clone = cloneWorkingTree({ only: ['lowrank-gradient-flow'] });
  const made = await execa(process.execPath, ['harness/bin/repro.js', 'new', 'demo', '--title', 'A demo paper'], { cwd: clone, reject: false, all: true });
  t.is(made.exitCode, 0, made.all);
  // Only the new stage (and the report after it) needs to run for this test.
  const ran = await execa(DVC, ['repro', 'run@demo'], { cwd: clone, reject: false, all: true });
  t.is(ran.exitCode, 0, ran.all);
  t.regex(ran.all ?? '', /Running stage 'run@demo'/);
  const verdicts = JSON.parse(readFileSync(path.join(clone, 'results', 'demo', 'verdicts.json'), 'utf8')) as VerdictsFile;
  t.is(verdicts.claims[0].verdict, 'pass', verdicts.claims[0].evidence.reason);
  t.is(verdicts.claims[0].control?.verdict, 'fail');
});
