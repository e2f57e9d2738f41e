/**
 * Each command declares its options once (its FLAGS table): the help lists every declared option
 * with what the table says of it, and the command parses exactly the declared flags.
 */
import test from 'ava';
import { readFileSync } from 'node:fs';
import { optionsOf, parseFlags, type StringFlag } from '../../src/cli/args.js';
import { COMMANDS } from '../../src/cli/commands.js';

/** Help text with its wrapping undone, so that a description can be found across line breaks. */
const flat = (help: string) => help.replace(/\s+/g, ' ');

for (const entry of COMMANDS) {
  test(`repro ${entry.name}: the help names every declared option, with its description, range and default`, async (t) => {
    const { help, flags } = await entry.load();
    const [usage, ...rest] = help.split('\n');
    t.true(usage.startsWith(`repro ${entry.name}`));
    const body = flat(rest.join('\n'));
    for (const [name, spec] of Object.entries(flags)) {
      const label = spec.type === 'string' ? `--${name} ${spec.value}` : `--${name}`;
      t.true(usage.includes(`[${label}]`), `${entry.name}: ${label} in the usage line`);
      t.true(body.includes(`${label} ${flat(spec.description)}`), `${entry.name}: ${label} explained`);
      const range = (spec as StringFlag).range;
      if (range) t.true(body.includes(`${range.min} to ${range.max}`), `${entry.name}: range of ${label}`);
      if (spec.default !== undefined) t.true(body.includes(`default ${flat(String(spec.default))}`), `${entry.name}: default of ${label}`);
    }
  });

  test(`repro ${entry.name}: it parses the declared flags and refuses any other, naming the declared ones`, async (t) => {
    const { flags } = await entry.load();
    const args = Object.entries(flags).flatMap(([name, spec]) => (spec.type === 'string' ? [`--${name}`, '1'] : [`--${name}`]));
    const { values } = parseFlags(entry.name, args, optionsOf(flags));
    t.deepEqual(Object.keys(values).sort(), Object.keys(flags).sort());
    const error = t.throws(() => parseFlags(entry.name, ['--not-declared'], optionsOf(flags)));
    const allowed = Object.keys(flags).map((f) => `--${f}`).join(', ') || 'none';
    t.true(error.message.includes(`allowed flags: ${allowed}.`), error.message);
  });

  // The types already tie `values` to the table; this catches a flag read around it.
  test(`repro ${entry.name}: every flag its code reads is declared, and it parses through its table`, async (t) => {
    const { flags } = await entry.load();
    const source = readFileSync(new URL(`../../src/cli/${entry.name}.ts`, import.meta.url), 'utf8');
    t.false(/process\.argv|parseArgs\(/.test(source), `${entry.name}.ts reads the command line itself`);
    t.regex(source, /parseFlags\(\s*'[\w-]+',\s*args,\s*optionsOf\(FLAGS\)\)/);
    const read = [...source.matchAll(/values(?:\.([\w]+)|\['([\w-]+)'\])/g)].map((m) => m[1] ?? m[2]);
    t.deepEqual(read.filter((name) => !(name in flags)), [], `${entry.name}.ts reads undeclared flags`);
  });
}
