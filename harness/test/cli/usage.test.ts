/** Each command's usage line is generated from its option table: every flag it parses is listed. */
import test from 'ava';
import { COMMANDS } from '../../src/cli/commands.js';

const modules: Record<string, () => Promise<{ FLAGS: Record<string, { type: string }> }>> = {
  list: () => import('../../src/cli/list.js'),
  run: () => import('../../src/cli/run.js'),
  report: () => import('../../src/cli/report.js'),
  verify: () => import('../../src/cli/verify.js'),
  new: () => import('../../src/cli/new.js'),
  readme: () => import('../../src/cli/readme.js'),
};

for (const [name, load] of Object.entries(modules)) {
  test(`repro ${name}: the usage line names every flag of the option table`, async (t) => {
    const { FLAGS } = await load();
    const help = (await COMMANDS.find((c) => c.name === name)!.load()).help;
    const usage = help.split('\n')[0];
    t.true(usage.startsWith(`repro ${name}`));
    for (const [flag, spec] of Object.entries(FLAGS)) {
      t.regex(usage, new RegExp(`\\[--${flag}${spec.type === 'string' ? ' [A-Z]+' : ''}\\]`), `${name}: --${flag}`);
      // Each flag is also explained below the usage line.
      if (name !== 'list') t.regex(help.split('\n').slice(1).join('\n'), new RegExp(`--${flag}\\b`), `${name}: --${flag} explained`);
    }
  });
}
