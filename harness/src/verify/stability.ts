/**
 * Verdict stability over fresh seeds: rerun a reproduction with shifted seed bases and count, per
 * claim, how often each verdict comes out. Written to results/<id>/stability.json for the report.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runInChild } from '../runner/spawn.js';
import { writeFileAtomic } from '../results/atomic-file.js';
import type { Verdict, VerdictsFile } from '../types.js';

export interface StabilityFile {
  reproduction: string;
  /** Seed bases of the fresh runs (the main run uses base 0). */
  seedBases: number[];
  claims: Record<string, { verdicts: Verdict[]; passRate: number; agreesWithMain: number }>;
}

export const SEED_STRIDE = 1000;

export async function measureStability(o: { root: string; id: string; runs: number; main: VerdictsFile; params?: string; log: (line: string) => void }): Promise<StabilityFile> {
  const seedBases = Array.from({ length: o.runs }, (_, k) => (k + 1) * SEED_STRIDE);
  const tmp = mkdtempSync(path.join(os.tmpdir(), `repro-stability-${o.id}-`));
  const runs: VerdictsFile[] = [];
  try {
    for (const base of seedBases) {
      o.log(`stability ${o.id}: seeds from ${base} (${runs.length + 1}/${o.runs})`);
      const out = path.join(tmp, String(base));
      const r = await runInChild({ root: o.root, id: o.id, out, seedBase: base, params: o.params, stderr: 'pipe' });
      if (r.exitCode !== 0) throw new Error(`stability run of ${o.id} with seed base ${base} failed (exit ${r.exitCode}): ${r.stderr.split('\n').slice(-3).join(' ')}`);
      runs.push(JSON.parse(readFileSync(path.join(out, 'verdicts.json'), 'utf8')) as VerdictsFile);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const claims: StabilityFile['claims'] = {};
  for (const c of o.main.claims) {
    const verdicts = runs.map((v) => v.claims.find((k) => k.id === c.id)?.verdict ?? 'error');
    claims[c.id] = {
      verdicts,
      passRate: verdicts.filter((v) => v === 'pass').length / verdicts.length,
      agreesWithMain: verdicts.filter((v) => v === c.verdict).length / verdicts.length,
    };
  }
  return { reproduction: o.id, seedBases, claims };
}

export function writeStability(resultsDir: string, s: StabilityFile): void {
  writeFileAtomic(path.join(resultsDir, s.reproduction, 'stability.json'), `${JSON.stringify(s, null, 2)}\n`);
}
