/**
 * After a run: when a control did not give what it must, whether expected.json accepts that (with
 * its recorded why), so the run's own "controls as expected 4/6" line is not read as a failure
 * the project has already reviewed. Says nothing when every control gave what it must.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { judgeControl } from '../report/control-judgement.js';
import { parseResults } from '../results/json.js';
import type { ClaimResult } from '../types.js';
import { readExpectations, readHistory, readTolerances } from '../verify/expected.js';

export function controlsAgainstExpected(root: string, id: string, resultsDir: string): string | null {
  try {
    const file = path.join(resultsDir, 'verdicts.json');
    const expectedFile = path.join(root, 'expected.json');
    if (!existsSync(file) || !existsSync(expectedFile)) return null;
    const claims = ((parseResults(readFileSync(file, 'utf8')) as { claims?: ClaimResult[] }).claims ?? []).filter((c) => c.control);
    const departing = claims.filter((c) => c.control!.verdict !== (c.control!.expect ?? 'fail'));
    if (departing.length === 0) return null;
    const expected = { expectations: readExpectations(expectedFile), tolerances: readTolerances(expectedFile), history: readHistory(expectedFile) };
    const lines = departing.map((c) => `  ${judgeControl(id, c, expected)!.ok ? '~' : '✗'} ${c.id}/control: ${judgeControl(id, c, expected)!.text}`);
    const ok = claims.filter((c) => judgeControl(id, c, expected)!.ok).length;
    return `[${id}] controls against expected.json: ${ok}/${claims.length} as expected or accepted\n${lines.join('\n')}\n`;
  } catch {
    // A summary line only: an unreadable file is for `repro verify` to report.
    return null;
  }
}
