import path from 'node:path';
import { buildReport } from '../report/index.js';
import { expectationsAt } from '../verify/baseline.js';
import { ExpectationsError } from '../verify/expected.js';
import { type FlagTable, optionsOf, parseFlags } from './args.js';
import type { Command } from './commands.js';
import { helpText } from './help.js';
import { projectRoot } from './root.js';

/** The option table: parsing, the usage line and the help all come from it. */
export const FLAGS = {
  results: { type: 'string', value: 'DIR', description: 'where the results are', default: 'results/' },
  out: { type: 'string', value: 'DIR', description: 'where the pages go', default: 'reports/' },
  base: { type: 'string', value: 'REV', description: 'compare verdicts with expected.json as it was at git revision REV' },
  'without-run-facts': { type: 'boolean', description: 'leave out machine, dates and timings (same results, same bytes)' },
} satisfies FlagTable;

export const report: Command = {
  flags: FLAGS,
  help: helpText({
    command: 'report',
    flags: FLAGS,
    about: [
      'Renders self-contained, offline HTML reports from results/*/ (default out: reports/). The index lists the claims ' +
        'whose verdict differs from expected.json, or from expected.json as it was at git revision REV with --base. ' +
        '--without-run-facts leaves out what varies between runs (machine, dates, timings from results/<id>/run-facts.json, ' +
        'and the measured times of timed claims from results/<id>/timing.json), so that the same results give the same ' +
        'bytes: the DVC report stage uses it.',
    ],
    examples: ['repro report', 'repro report --base main --out /tmp/reports'],
  }),
  async run(args) {
    const { values } = parseFlags('report', args, optionsOf(FLAGS));
    const root = projectRoot();
    const started = performance.now();
    // A malformed expected.json is a warning on the index page, not a report that cannot be built.
    let baseline: ReturnType<typeof expectationsAt> | null = null;
    const warnings: { id: string; message: string }[] = [];
    try {
      baseline = expectationsAt(root, path.join(root, 'expected.json'), values.base);
    } catch (error) {
      if (!(error instanceof ExpectationsError)) throw error;
      const message = `${error.message}; verdicts are shown without comparison (fix the file, then rebuild)`;
      warnings.push({ id: 'expected.json', message });
      process.stderr.write(`repro report: warning: ${message.split(`${root}${path.sep}`).join("")}\n`);
    }
    const { pages } = await buildReport({
      resultsDir: path.resolve(root, values.results ?? 'results'),
      outDir: path.resolve(root, values.out ?? 'reports'),
      dvcLockPath: path.join(root, 'dvc.lock'),
      repoRoot: root,
      baseline,
      warnings,
      runFacts: !values['without-run-facts'],
      expectedPath: path.join(root, 'expected.json'),
      // Rendering charts takes a while (tens of seconds for every paper): say what is happening.
      onProgress: (message) => process.stderr.write(`repro report: ${message}\n`),
    });
    process.stderr.write(`repro report: ${pages.length} pages in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    return 0;
  },
};
