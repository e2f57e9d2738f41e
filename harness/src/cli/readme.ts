/** `repro readme`: each paper README's outcome block, generated from (or checked against) results/. */
import path from 'node:path';
import { updateReadme } from '../readme/update.js';
import { assertKnownId, listIds } from '../registry/discover.js';
import { type FlagTable, optionsOf, parseFlags } from './args.js';
import type { Command } from './commands.js';
import { helpText } from './help.js';
import { projectRoot } from './root.js';

/** The option table: parsing, the usage line and the help all come from it. */
export const FLAGS = {
  check: {
    type: 'boolean',
    description: 'write nothing; exit 1 naming each README whose block differs from the results (`make verify` runs it after `repro verify`)',
  },
  results: { type: 'string', value: 'DIR', description: 'where the results are', default: 'results/' },
} satisfies FlagTable;

export const readme: Command = {
  flags: FLAGS,
  help: helpText({
    command: 'readme',
    positional: '[<id>...]',
    flags: FLAGS,
    about: [
      'Writes each paper\'s current outcome into reproductions/<id>/README.md, between the lines <!-- outcome:start --> ' +
        'and <!-- outcome:end -->, as a table generated from results/<id>/verdicts.json: verdict, deciding statistic and ' +
        'interval, band and negative control of each claim (a timed claim\'s numbers are left to the report: they vary ' +
        'from run to run). Nothing outside the markers changes; a README without them is an error. Default: every paper.',
    ],
    examples: ['repro readme', 'repro readme --check', 'repro readme lowrank-gradient-flow --results /tmp/results'],
  }),
  async run(args) {
    const { values, positionals } = parseFlags('readme', args, optionsOf(FLAGS));
    const root = projectRoot();
    for (const id of positionals) assertKnownId(root, id);
    const ids = positionals.length > 0 ? positionals : listIds(root);
    const resultsDir = path.resolve(root, values.results ?? 'results');
    const check = values.check ?? false;
    let stale = 0;
    for (const id of ids) {
      const readmeFile = path.join(root, 'reproductions', id, 'README.md');
      const shown = path.relative(root, readmeFile);
      const { changed } = updateReadme({ readme: readmeFile, verdicts: path.join(resultsDir, id, 'verdicts.json'), source: `results/${id}/verdicts.json`, check });
      if (!changed) continue;
      stale++;
      process.stderr.write(check
        ? `repro readme: ${shown}: its outcome block differs from results/${id}/verdicts.json; run \`repro readme ${id}\` and commit the README\n`
        : `repro readme: ${shown}: outcome block rewritten\n`);
    }
    if (check) {
      if (stale === 0) process.stderr.write(`repro readme: ${ids.length} README outcome block${ids.length === 1 ? '' : 's'} agree with the results\n`);
      return stale > 0 ? 1 : 0;
    }
    if (stale === 0) process.stderr.write(`repro readme: ${ids.length} README outcome block${ids.length === 1 ? '' : 's'} already up to date\n`);
    return 0;
  },
};
