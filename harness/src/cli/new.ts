import { scaffold } from '../scaffold/create.js';
import { type FlagTable, optionsOf, parseFlags, usageLine, UsageError } from './args.js';
import type { Command } from './commands.js';
import { projectRoot } from './root.js';

/** The option table: parsing and the usage line both come from it. */
export const FLAGS = {
  title: { type: 'string', value: 'TITLE' },
  year: { type: 'string', value: 'YEAR' },
} satisfies FlagTable;

export const create: Command = {
  help: [
    usageLine('new', FLAGS, '<id>'),
    '',
    'Writes reproductions/<id>/ (index.ts, params.ts, experiment.ts, claims.ts with a working demo',
    'claim and its negative control, README.md, test/) and adds papers.<id> to params.yaml, so that',
    '`dvc repro` runs it at once as stage run@<id>. Then replace the demo claim with the paper\'s.',
    '',
    '  --title TITLE  the paper\'s title (default: the id)',
    '  --year YEAR    the paper\'s year, 1900 to 2100 (default: this year)',
  ].join('\n'),
  async run(args) {
    const { values, positionals } = parseFlags('new', args, optionsOf(FLAGS));
    if (positionals.length !== 1) throw new UsageError(`new: expected one reproduction id, got ${positionals.length}`);
    const year = values.year === undefined ? new Date().getFullYear() : Number(values.year);
    if (!Number.isInteger(year) || year < 1900 || year > 2100) throw new UsageError(`new: --year got ${JSON.stringify(values.year)}; expected a year like 2024`);
    const written = scaffold(projectRoot(), { id: positionals[0], title: values.title ?? `TODO: the title of ${positionals[0]}`, year });
    process.stdout.write(`${written.map((f) => `wrote ${f}`).join('\n')}\nnext: edit reproductions/${positionals[0]}/claims.ts, then '.venv/bin/dvc repro' (or 'npx repro run ${positionals[0]}'; both from the project root)\n`);
    return 0;
  },
};
