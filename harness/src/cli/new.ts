import { scaffold } from '../scaffold/create.js';
import { type FlagTable, intFlag, optionsOf, parseFlags, UsageError } from './args.js';
import type { Command } from './commands.js';
import { helpText } from './help.js';
import { projectRoot } from './root.js';

/** The option table: parsing, range checks, the usage line and the help all come from it. */
export const FLAGS = {
  title: { type: 'string', value: 'TITLE', description: "the paper's title", default: "'TODO: the title of <id>'" },
  year: { type: 'string', value: 'YEAR', description: "the paper's year", range: { min: 1900, max: 2100 }, default: 'this year' },
} satisfies FlagTable;

export const create: Command = {
  flags: FLAGS,
  help: helpText({
    command: 'new',
    positional: '<id>',
    flags: FLAGS,
    about: [
      'Writes reproductions/<id>/ (index.ts, params.ts, experiment.ts, claims.ts with a working demo claim and its ' +
        'negative control, README.md, test/) and adds papers.<id> to params.yaml, so that `dvc repro` runs it at once ' +
        "as stage run@<id>. Then replace the demo claim with the paper's.",
    ],
    examples: ["repro new sharp-minima --title 'On Large-Batch Training' --year 2017"],
  }),
  async run(args) {
    const { values, positionals } = parseFlags('new', args, optionsOf(FLAGS));
    if (positionals.length !== 1) throw new UsageError(`new: expected one reproduction id, got ${positionals.length}`);
    const year = intFlag('new', 'year', FLAGS.year, values.year) ?? new Date().getFullYear();
    const written = scaffold(projectRoot(), { id: positionals[0], title: values.title ?? `TODO: the title of ${positionals[0]}`, year });
    process.stdout.write(`${written.map((f) => `wrote ${f}`).join('\n')}\nnext: edit reproductions/${positionals[0]}/claims.ts, then '.venv/bin/dvc repro' (or 'npx repro run ${positionals[0]}'; both from the project root)\n`);
    return 0;
  },
};
