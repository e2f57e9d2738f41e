import test from 'ava';
import { pipelineSpec, stagesRun } from '../pipeline.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lastJsonLine, runPythonJson, withoutOpenblasOverrides } from '../python.js';
import { parseMaxRssKb, parseVmHwmKb } from '../rss.js';

const TIME_V = `repro: done
\tCommand being timed: "node harness/bin/repro.js run lowrank-gradient-flow"
\tUser time (seconds): 12.10
\tPercent of CPU this job got: 180%
\tMaximum resident set size (kbytes): 319744
\tAverage resident set size (kbytes): 0
\tExit status: 0
`;

test('peak RSS from GNU time -v output and from /proc status', (t) => {
  t.is(parseMaxRssKb(TIME_V), 319744);
  t.is(parseMaxRssKb('no such line'), null);
  t.is(parseVmHwmKb('Name:\tnode\nVmPeak:\t 999 kB\nVmHWM:\t  204800 kB\nVmRSS:\t 1000 kB\n'), 204800);
  t.is(parseVmHwmKb('Name:\tnode\n'), null);
});

test('the numpy child runs without both OpenBLAS overrides; the given env is not changed', (t) => {
  const env = { PATH: '/bin', OPENBLAS_CORETYPE: 'Haswell', OPENBLAS_L2_SIZE: '1048576', OPENBLAS_NUM_THREADS: '2' };
  const out = withoutOpenblasOverrides(env);
  t.deepEqual(out, { PATH: '/bin', OPENBLAS_NUM_THREADS: '2' });
  t.is(env.OPENBLAS_CORETYPE, 'Haswell');
  t.is(env.OPENBLAS_L2_SIZE, '1048576');
});

test('the last JSON line of a script output', (t) => {
  t.deepEqual(lastJsonLine('warning: x\n{"a": 1}\n{"b": 2}\n'), { b: 2 });
  t.throws(() => lastJsonLine('Traceback ...\n'), { message: /no JSON object/ });
});

test('stages from dvc repro output, and the reproductions params.yaml declares', (t) => {
  const out = "Running stage 'run@lowrank-gradient-flow':\n> node ...\nRunning stage 'report':\n";
  t.deepEqual(stagesRun(out), ['run@lowrank-gradient-flow', 'report']);
  t.deepEqual(stagesRun('Data and pipelines are up to date.'), []);
  const spec = pipelineSpec('profile: smoke\npapers:\n  a:\n    smoke: {x: 1}\n  b:\n    smoke: {x: 2}\n');
  t.deepEqual(spec, { profile: 'smoke', ids: ['a', 'b'] });
  t.deepEqual(pipelineSpec(''), { profile: 'unknown', ids: [] });
});

test('a reference whose Python module is missing says which, and how to install the references', async (t) => {
  const script = path.join(mkdtempSync(path.join(os.tmpdir(), 'bench-py-')), 'needs_module.py');
  writeFileSync(script, 'import no_such_module_for_the_bench\n');
  await t.throwsAsync(runPythonJson({ script }), {
    message: "needs_module.py: Python module 'no_such_module_for_the_bench' is not in .venv; 'make bench' installs requirements-bench.txt (the references)",
  });
});
