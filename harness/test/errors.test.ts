/** User errors are told apart by one base class: a message without a stack, and the exit code it names. */
import test from 'ava';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exitCodeOf, formatError, UserError } from '../src/errors.js';
import { ParamsError } from '../src/params/errors.js';
import { UsageError } from '../src/cli/args.js';
import { WorkerDiedError } from '../src/runner/pool.js';
import { ResultsFileError } from '../src/results/read.js';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

test('a user error prints its message alone and exits 2', (t) => {
  const error = new ParamsError('params.yaml', ['profile: expected smoke or full']);
  t.is(formatError(error), 'repro: params.yaml: invalid params\n  - profile: expected smoke or full');
  t.is(exitCodeOf(error), 2);
  t.is(exitCodeOf(new UsageError('run: bad')), 2);
  t.is(formatError(new ResultsFileError('v.json', 'truncated')), 'repro: v.json: truncated');
});

test('a worker that died is an expected failure: its message alone, exit 1', (t) => {
  const error = new WorkerDiedError('worker 1 was killed', 'SIGKILL', null);
  t.is(formatError(error), 'repro: worker 1 was killed');
  t.is(exitCodeOf(error), 1);
});

test('anything else is a bug: its stack, exit 1', (t) => {
  const error = new TypeError('x is undefined');
  t.true(formatError(error).startsWith('repro: TypeError: x is undefined\n'));
  t.is(exitCodeOf(error), 1);
  t.is(formatError('text'), 'repro: text');
});

test('a user error keeps the name its class gave it (run errors are recorded as `name: message`)', (t) => {
  t.is(new UserError('m').name, 'Error');
  t.is(new ParamsError('f', []).name, 'ParamsError');
});

test('every error class in harness/src extends UserError (or is UserError)', (t) => {
  const files = (readdirSync(SRC, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
  const direct = files.filter((f) => f !== 'errors.ts' && /class \w+ extends Error\b/.test(readFileSync(path.join(SRC, f), 'utf8')));
  t.deepEqual(direct, [], 'extend UserError from harness/src/errors.ts so the CLI shows the message');
});
