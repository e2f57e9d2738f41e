/**
 * Shared by every reproduction's end-to-end test: run a paper at a tiny size through the real
 * runner (child process, params validation, claims and controls) in a throwaway project root.
 */
import type { ExecutionContext } from 'ava';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInChild } from '../../src/runner/spawn.js';
import type { VerdictsFile } from '../../src/types.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export interface TinyRun {
  id: string;
  /** A whole params.yaml with the tiny profile. */
  params: string;
  /** Force a backend (e.g. 'cpu' for papers that do not use tfjs). */
  backend?: 'native' | 'wasm' | 'cpu';
  jobs?: number;
}

/** Runs the paper; fails the test with the child's stderr if the run did not write results. */
export async function runTiny(t: ExecutionContext, o: TinyRun): Promise<VerdictsFile> {
  const root = mkdtempSync(path.join(os.tmpdir(), `repro-${o.id}-`));
  symlinkSync(path.join(ROOT, 'reproductions'), path.join(root, 'reproductions'));
  symlinkSync(path.join(ROOT, 'datasets'), path.join(root, 'datasets'));
  writeFileSync(path.join(root, 'params.yaml'), o.params);
  const result = await runInChild({
    root,
    id: o.id,
    stderr: 'pipe',
    ...(o.backend ? { env: { REPRO_BACKEND: o.backend } } : {}),
    ...(o.jobs ? { jobs: o.jobs } : {}),
  });
  t.is(result.exitCode, 0, result.stderr);
  return JSON.parse(readFileSync(path.join(root, 'results', o.id, 'verdicts.json'), 'utf8')) as VerdictsFile;
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
