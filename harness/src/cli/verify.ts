import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkResultsFiles } from '../verify/schema.js';
import { loadResults } from '../report/load.js';
import { writeFileAtomic } from '../results/atomic-file.js';
import { compare, expectationsFrom, missingResults } from '../verify/compare.js';
import { expectationsAt } from '../verify/baseline.js';
import { formatExpectations, readExpectations, readHistory, readTolerances, type Expectations } from '../verify/expected.js';
import { junit } from '../verify/junit.js';
import { markdown } from '../verify/markdown.js';
import { terminalSummary } from '../verify/summary.js';
import { type FlagTable, intFlag, optionsOf, parseFlags, usageLine, UsageError } from './args.js';
import { measureStability, writeStability } from '../verify/stability.js';
import type { VerdictsFile } from '../types.js';
import type { Command } from './commands.js';
import { projectRoot } from './root.js';

/** The option table: parsing and the usage line both come from it. */
export const FLAGS = {
  results: { type: 'string', value: 'DIR' },
  expected: { type: 'string', value: 'FILE' },
  base: { type: 'string', value: 'REV' },
  junit: { type: 'string', value: 'FILE' },
  markdown: { type: 'string', value: 'FILE' },
  complete: { type: 'boolean' },
  update: { type: 'boolean' },
  seeds: { type: 'string', value: 'N' },
  summary: { type: 'boolean' },
} satisfies FlagTable;

export const verify: Command = {
  help: [
    usageLine('verify', FLAGS),
    '',
    'Compares results/*/verdicts.json with expected.json (the verdict the project expects of each',
    'claim, reviewed like code) and checks that every negative control failed as it must.',
    'Exit 0 when everything is as expected; 1 otherwise, naming each claim that departed. Also 1 when',
    'a paper of expected.json has missing, unreadable, truncated or malformed results, or a',
    'verdicts.json whose sha256 is not the one its run recorded in provenance.json (edited after the run).',
    'A control\'s status comes from its verdict and what it must give, not from a stored flag.',
    '',
    '  --results DIR    where the results are (default results/)',
    '  --expected FILE  the expected verdicts (default expected.json)',
    '  --base REV       also compare with expected.json as it was at git revision REV',
    '  --junit FILE     write JUnit XML (one testcase per claim and per control)',
    '  --markdown FILE  write a Markdown summary for a pull-request comment',
    '  --complete       also fail when a reproduction or claim that expected.json names has no result,',
    '                   or a result cannot be read (the claim gate, `make verify`, uses it)',
    '  --update         rewrite expected.json from the current results (then review its diff)',
    '  --summary        print verdict counts per paper and every departure with its reason, and exit 0',
    '                   (information only: `make repro` ends with it; the gate is the plain command)',
    '  --seeds N        (0 to 100) rerun every reproduction N times with fresh seeds (bases 1000, 2000, ...),',
    '                   write results/<id>/stability.json (shown in the report) and fail when any',
    '                   claim\'s verdict changes with the seeds',
  ].join('\n'),
  async run(args) {
    const { values } = parseFlags('verify', args, optionsOf(FLAGS));
    const root = projectRoot();
    const expectedFile = path.resolve(root, values.expected ?? 'expected.json');
    const resultsDir = path.resolve(root, values.results ?? 'results');
    const loaded = await loadResults(resultsDir);
    const seedRuns = intFlag('verify', 'seeds', values.seeds, 0, 0, 100);
    // The gate's own checks of the files: every paper of expected.json has readable results of the
    // runner's shape whose hash is the one the run recorded. Papers outside expected.json only warn.
    const expectedIds = Object.keys(readExpectations(expectedFile));
    const fileProblems: string[] = [];
    for (const p of loaded.problems) {
      const line = `${p.id}: ${p.message}`;
      if (expectedIds.includes(p.id)) fileProblems.push(line);
      else process.stderr.write(`repro verify: ${line} (not in expected.json: not gated)\n`);
    }
    for (const id of expectedIds) {
      if (loaded.reproductions.some((r) => r.id === id) || loaded.problems.some((p) => p.id === id)) continue;
      fileProblems.push(`${id}: expected.json names it but ${path.relative(root, path.join(resultsDir, id, 'verdicts.json'))} is missing (run 'repro run ${id}' or 'dvc repro')`);
    }
    for (const r of loaded.reproductions) {
      const text = (name: string) => (existsSync(path.join(r.dir, name)) ? readFileSync(path.join(r.dir, name), 'utf8') : null);
      for (const problem of checkResultsFiles(r.id, text('verdicts.json'), text('provenance.json'))) fileProblems.push(`${r.id}: ${problem}`);
    }
    const results = loaded.reproductions.map((r) => r.verdicts);
    if (results.length === 0 && fileProblems.length === 0) throw new UsageError(`verify: no results under ${values.results ?? 'results'}/ (run 'dvc repro' or 'repro run <id>' first)`);
    if (values.update) {
      const current = expectationsFrom(results);
      writeFileAtomic(expectedFile, formatExpectations({ ...readExpectations(expectedFile), ...current }, readTolerances(expectedFile), readHistory(expectedFile)));
      const powerless = Object.entries(current).flatMap(([id, claims]) => Object.keys(claims).filter((k) => k.endsWith('/control')).map((k) => `${id}/${k}`));
      for (const p of powerless) process.stderr.write(`repro verify: recorded ${p} as not failing: that claim has no power at this scale; say why in its README\n`);
      process.stderr.write(`repro verify: wrote ${path.relative(root, expectedFile)}; review its diff before committing\n`);
      return 0;
    }
    const checks = compare(results, readExpectations(expectedFile), readTolerances(expectedFile), readHistory(expectedFile));
    if (values.junit) writeFileAtomic(path.resolve(values.junit), junit(checks));
    if (values.markdown) writeFileAtomic(path.resolve(values.markdown), markdown(checks));
    // `make repro` ends with this: what came out and what departed, without failing the build.
    if (values.summary) {
      process.stdout.write(terminalSummary(checks, fileProblems));
      return 0;
    }
    // A claim that expected.json names but the results lack is a failure too (removed or renamed
    // claim: 'repro verify --update' records the change for review).
    for (const stale of missingResults(results, readExpectations(expectedFile))) {
      if (loaded.reproductions.some((r) => stale.startsWith(`${r.id}/`))) fileProblems.push(`${stale}: expected.json names it but the results have no such claim (removed or renamed? run 'repro verify --update' and review the diff)`);
    }
    if (values.base) {
      const baseChecks = compare(results, expectationsAt(root, expectedFile, values.base).expectations);
      for (const c of baseChecks.filter((b) => b.expected !== null && b.expected !== b.actual && !b.name.endsWith('/control'))) {
        process.stdout.write(`changed since ${values.base}: ${c.reproduction}/${c.name} ${c.expected} -> ${c.actual}\n`);
      }
    }
    // A run that left tensors undisposed leaks memory on every step at scale: a defect, not a verdict.
    const leaks = loaded.reproductions.flatMap((r) => (r.provenance?.runs ?? []).filter((run) => (run.leakedTensors ?? 0) > 0).map((run) => `${r.id}: the run with ${JSON.stringify(run.params)} leaked ${run.leakedTensors} tensors`));
    for (const leak of leaks) process.stdout.write(`✗ ${leak}\n`);
    const unstable: string[] = [];
    for (const r of seedRuns > 0 ? loaded.reproductions : []) {
      const stability = await measureStability({ root, id: r.id, runs: seedRuns, main: r.verdicts, log: (l) => process.stderr.write(`${l}\n`) });
      writeStability(path.resolve(root, values.results ?? 'results'), stability);
      for (const [claim, s] of Object.entries(stability.claims)) {
        process.stdout.write(`${r.id}/${claim}: pass in ${Math.round(100 * s.passRate)}% of ${seedRuns} fresh-seed runs (${s.verdicts.join(', ')})\n`);
        if (s.agreesWithMain < 1) unstable.push(`${r.id}/${claim}`);
      }
    }
    for (const u of unstable) process.stdout.write(`✗ ${u}: the verdict changes with the seeds\n`);
    const incomplete = values.complete ? incompleteResults(loaded, readExpectations(expectedFile), results, values.results ?? 'results') : [];
    for (const i of incomplete) process.stdout.write(`✗ ${i}\n`);
    for (const c of checks.filter((k) => k.tolerated !== undefined)) process.stdout.write(`~ ${c.reproduction}/${c.name}: expected ${c.expected}, got ${c.actual}, which expected.json tolerates: ${c.tolerated}\n`);
    const bad = checks.filter((c) => !c.ok);
    for (const c of bad) process.stdout.write(`✗ ${c.reproduction}/${c.name}: ${c.message}\n`);
    for (const p of fileProblems) process.stdout.write(`✗ ${p}\n`);
    const claims = checks.filter((c) => !c.name.endsWith('/control'));
    process.stdout.write(`${claims.length} claims and ${checks.length - claims.length} controls checked: ${bad.length === 0 ? 'all as expected' : `${bad.length} not as expected`}${fileProblems.length ? `; ${fileProblems.length} problem${fileProblems.length === 1 ? '' : 's'} with the results files` : ''}\n`);
    return bad.length === 0 && leaks.length === 0 && unstable.length === 0 && fileProblems.length === 0 && incomplete.length === 0 ? 0 : 1;
  },
};

/**
 * What `--complete` fails on besides departures: results that could not be read, reproductions
 * expected.json names with no results at all, and claims it names that no result has.
 */
export function incompleteResults(
  loaded: { reproductions: readonly { id: string }[]; problems: readonly { id: string; message: string }[] },
  expectations: Expectations,
  results: readonly VerdictsFile[],
  resultsDir: string,
): string[] {
  const unreadable = loaded.problems.map((p) => `${p.id}: its results could not be read (${p.message})`);
  const present = new Set([...loaded.reproductions.map((r) => r.id), ...loaded.problems.map((p) => p.id)]);
  const absent = Object.keys(expectations).filter((id) => !present.has(id)).map((id) => `${id}: no results under ${resultsDir}/${id}/, but expected.json expects its claims (did its stage run?)`);
  const stale = missingResults(results, expectations)
    .filter((key) => !key.endsWith('/control') && loaded.reproductions.some((r) => key.startsWith(`${r.id}/`)))
    .map((key) => `${key}: expected.json expects this claim, but its results have no such claim`);
  return [...unreadable, ...absent, ...stale];
}
