/**
 * The outputs DVC hashes are the same bytes wherever the same code, params and data run: a paper
 * run in two folders gives identical verdicts, metrics, provenance and series; what differs (the
 * folders' dates, timings, git state) is only in run-facts.json, which DVC does not hash.
 */
import test from 'ava';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runInChild } from '../../src/runner/spawn.js';
import type { Provenance, RunFacts, VerdictsFile } from '../../src/types.js';
import { ROOT } from '../pipeline/clone.js';
import { toyProject } from './toy.js';

function hashes(dir: string, prefix = ''): Record<string, string> {
  return Object.fromEntries(readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const rel = `${prefix}${e.name}`;
    if (e.isDirectory()) return Object.entries(hashes(path.join(dir, e.name), `${rel}/`));
    return [[rel, createHash('md5').update(readFileSync(path.join(dir, e.name))).digest('hex')]];
  }));
}

test('a paper run in two folders gives byte-identical hashed outputs; only run-facts.json and timing.json differ', async (t) => {
  const env = { REPRO_BACKEND: 'cpu' };
  const [a, b] = [toyProject(), toyProject()];
  t.is((await runInChild({ root: a, id: 'toy', env, stderr: 'pipe', jobs: 1 })).exitCode, 0);
  t.is((await runInChild({ root: b, id: 'toy', env, stderr: 'pipe', jobs: 2 })).exitCode, 0);
  const [ha, hb] = [a, b].map((root) => hashes(path.join(root, 'results', 'toy')));
  t.true(Object.keys(ha).includes('series/line.json'));
  const [facts, timing] = ['run-facts.json', 'timing.json'];
  const stable = (h: Record<string, string>) => Object.fromEntries(Object.entries(h).filter(([k]) => k !== facts && k !== timing));
  t.deepEqual(stable(ha), stable(hb));
  t.notDeepEqual(ha[facts], hb[facts], 'the run facts record when and with how many jobs each ran');
  // The toy's timed claim reads a clock: its numbers differ, its verdict (in verdicts.json) does not.
  t.notDeepEqual(ha[timing], hb[timing], 'the timed claim measured different times');
  const hashedClaim = (JSON.parse(readFileSync(path.join(a, 'results', 'toy', 'verdicts.json'), 'utf8')) as VerdictsFile).claims.find((c) => c.id === 'timed-slope-is-one')!;
  t.is(hashedClaim.verdict, 'pass');
  t.is(hashedClaim.statistic, null);
  t.regex(hashedClaim.evidence.reason, /timing\.json/);
  // A series recorded with `timed: true` goes to timing.json, not to the hashed series/ folder.
  t.false(Object.keys(ha).includes('series/time-per-step.json'));
  const sidecar = JSON.parse(readFileSync(path.join(a, 'results', 'toy', 'timing.json'), 'utf8')) as { series: Record<string, unknown[]> };
  t.true((sidecar.series['time-per-step']?.length ?? 0) > 0);
  const provenance = JSON.parse(readFileSync(path.join(a, 'results', 'toy', 'provenance.json'), 'utf8')) as Provenance & Record<string, unknown>;
  for (const volatile of ['git', 'machine', 'startedAt', 'durationSeconds']) t.false(volatile in provenance, `provenance.json has ${volatile}`);
  t.true(provenance.runs.every((r) => !('seconds' in r)));
  const runFacts = JSON.parse(readFileSync(path.join(a, 'results', 'toy', facts), 'utf8')) as RunFacts;
  t.is(typeof runFacts.durationSeconds, 'number');
  t.is(runFacts.runs.length, provenance.runs.length);
});

test('.dvcignore keeps run-facts.json and timing.json out of what DVC hashes', (t) => {
  const ignore = readFileSync(path.join(ROOT, '.dvcignore'), 'utf8');
  t.regex(ignore, /^results\/\*\/run-facts\.json$/m);
  t.regex(ignore, /^results\/\*\/timing\.json$/m);
});

test('.dvcignore keeps the paper READMEs, whose outcome table is written from results, out of the run stages\' deps', (t) => {
  const ignore = readFileSync(path.join(ROOT, '.dvcignore'), 'utf8');
  t.regex(ignore, /^reproductions\/\*\/README\.md$/m);
});
