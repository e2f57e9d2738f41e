/** `repro verify`: the command's flags and help, and the order of its jobs (each in verify/). */
import path from 'node:path';
import { loadResults } from '../report/load.js';
import { compare } from '../verify/compare.js';
import { readExpectations, readHistory, readTolerances } from '../verify/expected.js';
import { terminalSummary } from '../verify/summary.js';
import { type FlagTable, intFlag, optionsOf, parseFlags, UsageError } from './args.js';
import type { Command } from './commands.js';
import { helpText } from './help.js';
import { projectRoot } from './root.js';
import { printChangesSince } from './verify/base.js';
import { incompleteResults } from './verify/complete.js';
import { fileProblems } from './verify/file-problems.js';
import { tensorLeaks } from './verify/leaks.js';
import { printOutcome } from './verify/outcome.js';
import { writeReports } from './verify/reports.js';
import { unstableClaims } from './verify/seeds.js';
import { staleClaims } from './verify/stale-claims.js';
import { updateExpectations } from './verify/update.js';

/** The option table: parsing, range checks, the usage line and the help all come from it. */
export const FLAGS = {
  results: { type: 'string', value: 'DIR', description: 'where the results are', default: 'results/' },
  expected: { type: 'string', value: 'FILE', description: 'the expected verdicts', default: 'expected.json' },
  base: { type: 'string', value: 'REV', description: 'also compare with expected.json as it was at git revision REV' },
  junit: { type: 'string', value: 'FILE', description: 'write JUnit XML (one testcase per claim and per control)' },
  markdown: { type: 'string', value: 'FILE', description: 'write a Markdown summary for a pull-request comment' },
  complete: {
    type: 'boolean',
    description: 'also fail when a reproduction or claim that expected.json names has no result, or a result cannot be ' +
      'read (the claim gate, `make verify`, uses it)',
  },
  update: { type: 'boolean', description: 'rewrite expected.json from the current results (then review its diff)' },
  seeds: {
    type: 'string', value: 'N', range: { min: 0, max: 100 }, default: 0,
    description: 'rerun every reproduction N times with fresh seeds (bases 1000, 2000, ...), write ' +
      "results/<id>/stability.json (shown in the report) and fail when any claim's verdict changes with the seeds",
  },
  summary: {
    type: 'boolean',
    description: 'print verdict counts per paper and every departure with its reason, and exit 0 (information only: ' +
      '`make repro` ends with it; the gate is the plain command)',
  },
} satisfies FlagTable;

export const verify: Command = {
  flags: FLAGS,
  help: helpText({
    command: 'verify',
    flags: FLAGS,
    about: [
      'Compares results/*/verdicts.json with expected.json (the verdict the project expects of each claim, reviewed like ' +
        'code) and checks that every negative control failed as it must. Exit 0 when everything is as expected; 1 ' +
        'otherwise, naming each claim that departed. Also 1 when a paper of expected.json has missing, unreadable, ' +
        'truncated or malformed results, or a verdicts.json whose sha256 is not the one its run recorded in ' +
        "provenance.json (edited after the run). A control's status comes from its verdict and what it must give, not " +
        'from a stored flag.',
    ],
    examples: ['repro verify --complete', 'repro verify --summary', 'repro verify --junit verify.xml --markdown verify.md'],
  }),
  // One job per file under verify/, in the order their output appears.
  async run(args) {
    const { values } = parseFlags('verify', args, optionsOf(FLAGS));
    const root = projectRoot();
    const expectedFile = path.resolve(root, values.expected ?? 'expected.json');
    const resultsDir = path.resolve(root, values.results ?? 'results');
    const loaded = await loadResults(resultsDir);
    const seedRuns = intFlag('verify', 'seeds', FLAGS.seeds, values.seeds);
    const problems = fileProblems(loaded, Object.keys(readExpectations(expectedFile)), root, resultsDir);
    const results = loaded.reproductions.map((r) => r.verdicts);
    if (results.length === 0 && problems.length === 0) throw new UsageError(`verify: no results under ${values.results ?? 'results'}/ (run 'dvc repro' or 'repro run <id>' first)`);
    if (values.update) {
      updateExpectations(root, expectedFile, results);
      return 0;
    }
    const checks = compare(results, readExpectations(expectedFile), readTolerances(expectedFile), readHistory(expectedFile));
    writeReports(checks, { junit: values.junit, markdown: values.markdown });
    // `make repro` ends with this: what came out and what departed, without failing the build.
    if (values.summary) {
      process.stdout.write(terminalSummary(checks, problems));
      return 0;
    }
    problems.push(...staleClaims(loaded, results, readExpectations(expectedFile)));
    if (values.base) printChangesSince(root, expectedFile, values.base, results);
    const leaks = tensorLeaks(loaded);
    for (const leak of leaks) process.stdout.write(`✗ ${leak}\n`);
    const unstable = await unstableClaims(loaded, root, resultsDir, seedRuns);
    for (const u of unstable) process.stdout.write(`✗ ${u}: the verdict changes with the seeds\n`);
    const incomplete = values.complete ? incompleteResults(loaded, readExpectations(expectedFile), results, values.results ?? 'results') : [];
    for (const i of incomplete) process.stdout.write(`✗ ${i}\n`);
    const departures = printOutcome(checks, problems);
    return departures === 0 && leaks.length === 0 && unstable.length === 0 && problems.length === 0 && incomplete.length === 0 ? 0 : 1;
  },
};
