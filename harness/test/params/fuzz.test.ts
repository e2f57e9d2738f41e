/**
 * Fuzzing the params loader: seeded random YAML documents (well-formed structures with wrong
 * types and keys, and mangled text) must either validate or raise a ParamsError, never crash.
 */
import test from 'ava';
import { stringify } from 'yaml';
import { readFileSync } from 'node:fs';
import { createRng, type Rng } from '../../src/random.js';
import { ParamsError } from '../../src/params/errors.js';
import { rawSection, readParamsFile, validateSection } from '../../src/params/load.js';
import { params as lowrankSchema } from '../../../reproductions/lowrank-gradient-flow/params.js';

const ID = 'lowrank-gradient-flow';
const base = readFileSync(new URL('../../../params.yaml', import.meta.url), 'utf8');

function randomValue(rng: Rng, depth = 0): unknown {
  const pick = rng.int(depth > 2 ? 6 : 9);
  switch (pick) {
    case 0: return rng.normal() * 10 ** rng.int(8);
    case 1: return rng.int(3) === 0 ? -rng.int(100) : rng.int(100000);
    case 2: return ['smoke', 'paper', '', 'euler', 'x'.repeat(rng.int(300)), '<script>', '../../etc', 'NaN'][rng.int(8)];
    case 3: return [true, false, null][rng.int(3)];
    case 4: return [Number.NaN, Number.POSITIVE_INFINITY, -0, 1e308, 5e-324][rng.int(5)];
    case 5: return undefined;
    case 6: return Array.from({ length: rng.int(5) }, () => randomValue(rng, depth + 1));
    default: {
      const keys = ['seeds', 'n', 'steps', 'eta', 'lambda1', 'smoke', 'paper', 'profile', 'papers', ID, '__proto__', 'constructor', 'x'];
      return Object.fromEntries(Array.from({ length: rng.int(5) }, () => [keys[rng.int(keys.length)], randomValue(rng, depth + 1)]));
    }
  }
}

function mutateText(rng: Rng, text: string): string {
  const chars = [...text];
  for (let i = 0, n = 1 + rng.int(6); i < n; i++) {
    const at = rng.int(chars.length);
    const op = rng.int(4);
    if (op === 0) chars.splice(at, 1);
    else if (op === 1) chars.splice(at, 0, ['{', '[', ':', '\n', '  ', '-', '&', '*', '!', '"', '\t', '#'][rng.int(12)]);
    else if (op === 2) chars[at] = String.fromCharCode(32 + rng.int(95));
    else chars.splice(at, rng.int(40));
  }
  return chars.join('');
}

function load(text: string): void {
  const file = readParamsFile('params.yaml', text);
  for (const profile of ['smoke', 'paper'] as const) {
    validateSection(lowrankSchema, rawSection(file, ID, [], profile), 'params.yaml', `papers.${ID}.${profile}`);
  }
}

test('2,000 random documents: each validates or fails with a ParamsError naming params.yaml', (t) => {
  const rng = createRng(20261129);
  const outcomes = { valid: 0, rejected: 0 };
  for (let i = 0; i < 2000; i++) {
    let text: string;
    if (i % 3 === 0) text = mutateText(rng, base);
    else if (i % 3 === 1) {
      const doc = readParamsFile('params.yaml', base);
      const block = (doc.papers[ID] as Record<string, Record<string, unknown>>).smoke;
      const key = Object.keys(block)[rng.int(Object.keys(block).length)];
      text = stringify({ profile: 'smoke', papers: { [ID]: { smoke: { ...block, [key]: randomValue(rng) }, paper: block } } });
    } else text = stringify(randomValue(rng)) ?? '';
    try {
      load(text);
      outcomes.valid++;
    } catch (error) {
      if (!(error instanceof ParamsError)) {
        t.fail(`case ${i} crashed with ${(error as Error)?.stack ?? String(error)}\n--- document ---\n${text}`);
        return;
      }
      t.true(error.message.startsWith('params.yaml: invalid params'), error.message);
      outcomes.rejected++;
    }
  }
  t.log(`valid ${outcomes.valid}, rejected with a clear error ${outcomes.rejected}`);
  t.true(outcomes.rejected > 1000);
});
