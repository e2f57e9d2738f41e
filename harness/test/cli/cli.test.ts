import test from 'ava';
import { execa } from 'execa';
import { fileURLToPath } from 'node:url';
import { toyProject } from '../runner/toy.js';

const CLI = fileURLToPath(new URL('../../bin/repro.js', import.meta.url));
const repro = (cwd: string, ...args: string[]) => execa(process.execPath, [CLI, ...args], { cwd, reject: false, all: true, env: { REPRO_BACKEND: 'cpu' } });

test('--help lists every subcommand', async (t) => {
  const r = await repro(toyProject(), '--help');
  t.is(r.exitCode, 0);
  for (const name of ['list', 'run', 'report', 'verify', 'readme', 'new', 'doctor']) t.regex(r.stdout, new RegExp(`^  ${name} `, 'm'));
});

test('an unknown command names the valid ones', async (t) => {
  const r = await repro(toyProject(), 'rn', 'toy');
  t.is(r.exitCode, 2);
  t.regex(r.stderr, /unknown command 'rn' \(commands: list, run, report, verify, readme, new, doctor\)/);
});

test('an unknown reproduction id lists the valid ids and suggests the closest', async (t) => {
  const r = await repro(toyProject(), 'run', 'tay');
  t.is(r.exitCode, 2);
  t.regex(r.stderr, /unknown reproduction 'tay'\. Did you mean 'toy'\? Valid ids: toy/);
});

test('an id that tries to escape the folder is refused before any path is built', async (t) => {
  for (const id of ['../x', '../../etc/passwd', 'toy/../../x', '/abs']) {
    const r = await repro(toyProject(), 'run', id);
    t.is(r.exitCode, 2, id);
    t.regex(r.stderr, /is not valid: ids are lower-case letters, digits and '-'/, id);
  }
});

test('unknown flags are errors that list the allowed flags', async (t) => {
  const r = await repro(toyProject(), 'run', 'toy', '--timout', '5');
  t.is(r.exitCode, 2);
  t.regex(r.stderr, /allowed flags: --params, --out, --timeout, --memory, --seed-base, --keep-going, --jobs, --threads\. Did you mean '--timeout'\?/);
});

test('a bad flag value says what is allowed', async (t) => {
  const r = await repro(toyProject(), 'run', 'toy', '--timeout', 'soon');
  t.is(r.exitCode, 2);
  t.regex(r.stderr, /--timeout got "soon" \(not a number\); expected a whole number from 1 to 86400 seconds/);
});

test('a bad thread count, from the flag or from REPRO_THREADS, names where it came from and what is allowed', async (t) => {
  const flag = await repro(toyProject(), 'run', 'toy', '--threads', '0');
  t.is(flag.exitCode, 2);
  t.regex(flag.stderr, /run: --threads: got "0"; expected a whole number of threads from 1 to 1024/);
  const fromEnv = await execa(process.execPath, [CLI, 'run', 'toy'], { cwd: toyProject(), reject: false, env: { REPRO_BACKEND: 'cpu', REPRO_THREADS: 'many' } });
  t.is(fromEnv.exitCode, 2);
  t.regex(fromEnv.stderr, /REPRO_THREADS \(environment\): got "many"/);
});

test('list shows reproductions and, with --claims, each claim with its threshold', async (t) => {
  const r = await repro(toyProject(), 'list', '--claims');
  t.is(r.exitCode, 0, r.all);
  t.regex(r.stdout, /^toy  \(3 claims\)  A toy paper$/m);
  t.regex(r.stdout, /- slope-is-one \[value-in-band\]: slope in \[0\.9, 1\.1\] \(mean over seeds, 95% t interval\)/);
});
