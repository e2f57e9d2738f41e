import test from 'ava';
import { ParamsError } from '../../src/params/errors.js';
import { rawSection, readParamsFile, validateSection } from '../../src/params/load.js';
import { params as lowrankSchema } from '../../../reproductions/lowrank-gradient-flow/params.js';
import { readFileSync } from 'node:fs';

const projectParams = readFileSync(new URL('../../../params.yaml', import.meta.url), 'utf8');
const ID = 'lowrank-gradient-flow';

function section(text: string, profile?: 'smoke' | 'paper') {
  const file = readParamsFile('params.yaml', text);
  const raw = rawSection(file, ID, [], profile);
  return validateSection(lowrankSchema, raw, 'params.yaml', `papers.${ID}.${profile ?? file.profile}`);
}

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof ParamsError) return error.message;
    throw error;
  }
  throw new Error('expected a ParamsError');
}

test('the project params.yaml validates for both profiles', (t) => {
  t.is(section(projectParams, 'smoke').steps, 20000);
  t.is(section(projectParams, 'paper').n, 200);
});

test('a wrong type names the file, the key path, the value and what is allowed', (t) => {
  const msg = messageOf(() => section(projectParams.replace('steps: 20000 ', 'steps: many ')));
  t.regex(msg, /^params\.yaml: invalid params/);
  t.regex(msg, /papers\.lowrank-gradient-flow\.smoke\.steps: got "many" \(string\); expected a number/);
});

test('an out-of-range value says the bound', (t) => {
  const msg = messageOf(() => section(projectParams.replace('eta: 0.01\n', 'eta: -0.5\n')));
  t.regex(msg, /smoke\.eta: got -0\.5 \(number\); expected > 0/);
});

test('an unknown key lists the allowed keys and suggests the closest', (t) => {
  const msg = messageOf(() => section(projectParams.replace('      steps: 20000', '      stepz: 20000\n      steps: 20000')));
  t.regex(msg, /smoke\.stepz: unknown key \(allowed: seeds, n, .*\)\. Did you mean 'steps'\?/);
});

test('cross-field rules are checked (one eigenvalue per true direction)', (t) => {
  const msg = messageOf(() => section(projectParams.replace('lambda1: [3, 2, 1]', 'lambda1: [3, 2]')));
  t.regex(msg, /smoke\.lambda1: .*has 2 values but true_rank is 3/);
});

test('an unknown profile is rejected with the allowed ones', (t) => {
  const msg = messageOf(() => readParamsFile('params.yaml', projectParams.replace('profile: smoke', 'profile: smok')));
  t.regex(msg, /profile: got "smok" \(string\); expected one of "smoke", "paper"\. Did you mean 'smoke'\?/);
});

test('a missing section names the reproduction and the sections present', (t) => {
  const file = readParamsFile('params.yaml', 'profile: smoke\npapers:\n  other: {smoke: {}}\n');
  const msg = messageOf(() => rawSection(file, ID, []));
  t.regex(msg, /papers\.lowrank-gradient-flow: missing section .*sections present: other/);
});

test('YAML syntax errors carry line and column', (t) => {
  const msg = messageOf(() => readParamsFile('params.yaml', 'profile: smoke\npapers:\n  a: [1, 2\n  b: 3\n'));
  t.regex(msg, /line \d+, column \d+: YAML syntax error/);
});

test('duplicate keys are syntax errors, not silently last-wins', (t) => {
  const msg = messageOf(() => readParamsFile('params.yaml', 'profile: smoke\nprofile: paper\npapers: {}\n'));
  t.regex(msg, /YAML syntax error/);
});
