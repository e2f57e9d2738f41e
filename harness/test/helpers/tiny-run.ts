/**
 * Shared by every reproduction's end-to-end test: run a paper at a tiny size through the real
 * runner (child process, params validation, claims and controls) in a throwaway project root.
 */
import test, { type ExecutionContext } from 'ava';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInChild } from '../../src/runner/spawn.js';
import type { ClaimResult, VerdictsFile } from '../../src/types.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export interface TinyRun {
  id: string;
  /** A whole params.yaml with the tiny profile. */
  params: string;
  /** Force a backend (e.g. 'cpu' for papers that do not use tfjs). */
  backend?: 'native' | 'wasm' | 'cpu';
  jobs?: number;
  /** More environment for the run (e.g. a fresh model cache). */
  env?: Record<string, string>;
}

/** Runs the paper; fails the test with the child's stderr if the run did not write results. */
export async function runTiny(t: ExecutionContext, o: TinyRun): Promise<VerdictsFile> {
  return (await runTinyWithStderr(t, o)).verdicts;
}

/** runTiny, also giving the child's stderr (e.g. to look for leaked tensors). */
export async function runTinyWithStderr(t: ExecutionContext, o: TinyRun): Promise<{ verdicts: VerdictsFile; stderr: string }> {
  const root = mkdtempSync(path.join(os.tmpdir(), `repro-${o.id}-`));
  symlinkSync(path.join(ROOT, 'reproductions'), path.join(root, 'reproductions'));
  symlinkSync(path.join(ROOT, 'datasets'), path.join(root, 'datasets'));
  writeFileSync(path.join(root, 'params.yaml'), o.params);
  const result = await runInChild({
    root,
    id: o.id,
    stderr: 'pipe',
    ...(o.backend || o.env ? { env: { ...o.env, ...(o.backend ? { REPRO_BACKEND: o.backend } : {}) } } : {}),
    ...(o.jobs ? { jobs: o.jobs } : {}),
  });
  t.is(result.exitCode, 0, result.stderr);
  const verdicts = JSON.parse(readFileSync(path.join(root, 'results', o.id, 'verdicts.json'), 'utf8')) as VerdictsFile;
  return { verdicts, stderr: result.stderr };
}

export interface MechanismTests {
  id: string;
  /** The headline claim that rests on the mechanism. */
  claim: string;
  /** The whole params.yaml of the tiny profile, with the mechanism on or off. */
  params: (mechanism: boolean) => string;
  /** The two tests' titles. */
  titles: { with: string; without: string };
}

/**
 * Registers a paper's mechanism tests: at a tiny size its headline claim passes with the mechanism,
 * and without it the claim no longer passes (nor errors).
 */
export function mechanismTests(o: MechanismTests): void {
  const headline = async (t: ExecutionContext, mechanism: boolean): Promise<ClaimResult> => {
    const verdicts = await runTiny(t, { id: o.id, params: o.params(mechanism) });
    const c = verdicts.claims.find((v) => v.id === o.claim);
    if (!c) throw new Error(`${o.claim} missing from the verdicts`);
    t.log(c.evidence.reason);
    return c;
  };
  test(o.titles.with, async (t) => {
    const c = await headline(t, true);
    t.is(c.verdict, 'pass', c.evidence.reason);
  });
  test(o.titles.without, async (t) => {
    const c = await headline(t, false);
    t.not(c.verdict, 'pass', c.evidence.reason);
    t.not(c.verdict, 'error', c.evidence.reason);
  });
}

/**
 * No claim crashed, and no negative control passed: at a tiny size a control may be `inconclusive`
 * (the calibrated intervals are honest about 3 to 5 seeds), but a control that passes would show
 * the claim has no power at all. Controls named in `mustFail` must come out `fail` outright.
 */
export function assertDecidedWithFailingControls(t: ExecutionContext, verdicts: VerdictsFile, mustFail: readonly string[] = []): void {
  for (const c of verdicts.claims) {
    t.not(c.verdict, 'error', `${c.id}: ${c.evidence.reason}`);
    const control = c.control?.verdict;
    t.true(control === 'fail' || control === 'inconclusive', `control of ${c.id}: ${control} (${c.control?.evidence.reason})`);
    if (mustFail.includes(c.id)) t.is(control, 'fail', `control of ${c.id}: ${c.control?.evidence.reason}`);
  }
  t.true(verdicts.claims.some((c) => c.control?.verdict === 'fail'), 'at least one control fails outright');
}
