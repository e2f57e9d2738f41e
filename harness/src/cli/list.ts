import { listIds, loadReproduction } from '../registry/discover.js';
import { optionsOf, parseFlags, type FlagTable } from './args.js';
import type { Command } from './commands.js';
import { helpText } from './help.js';
import { projectRoot } from './root.js';

/** The option table: parsing, the usage line and the help all come from it. */
export const FLAGS = {
  claims: { type: 'boolean', description: 'also list each claim with its kind and threshold' },
  json: { type: 'boolean', description: 'print ids, titles and claim ids as JSON' },
} satisfies FlagTable;

export const list: Command = {
  flags: FLAGS,
  help: helpText({
    command: 'list',
    flags: FLAGS,
    about: ['Lists the reproductions found under reproductions/, with paper titles and claim counts.'],
  }),
  async run(args) {
    const { values } = parseFlags('list', args, optionsOf(FLAGS));
    const root = projectRoot();
    const defs = await Promise.all(listIds(root).map((id) => loadReproduction(root, id)));
    if (values.json) {
      process.stdout.write(`${JSON.stringify(defs.map((d) => ({ id: d.id, title: d.paper.title, claims: d.claims.map((c) => c.id) })), null, 2)}\n`);
      return 0;
    }
    for (const d of defs) {
      process.stdout.write(`${d.id}  (${d.claims.length} claims)  ${d.paper.title}\n`);
      if (values.claims) for (const c of d.claims) process.stdout.write(`  - ${c.id} [${c.check.kind}]: ${c.check.threshold}\n`);
    }
    return 0;
  },
};
