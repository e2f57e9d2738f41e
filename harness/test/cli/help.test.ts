import test from 'ava';
import type { FlagTable } from '../../src/cli/args.js';
import { helpText, usageLine } from '../../src/cli/help.js';

const FLAGS = {
  out: { type: 'string', value: 'DIR', description: 'where it goes', default: 'out/' },
  tries: {
    type: 'string', value: 'N', range: { min: 1, max: 9, unit: 'tries' }, default: 3,
    description: 'how often to try, a long sentence that cannot fit on one line of the help text and so wraps onto the next',
  },
  quiet: { type: 'boolean', description: 'say nothing' },
} satisfies FlagTable;

const help = helpText({ command: 'demo', positional: '<id>', flags: FLAGS, about: ['Does a demo.'], examples: ['repro demo x --tries 2'] });
const lines = help.split('\n');

test('the usage line lists the positional and every flag in table order, values named', (t) => {
  t.is(lines[0], 'repro demo <id> [--out DIR] [--tries N] [--quiet]');
  t.is(usageLine('demo', {}), 'repro demo');
});

test('options are aligned in one column, with range and default after the description', (t) => {
  const options = lines.filter((l) => l.startsWith('  --'));
  t.deepEqual(options.map((l) => /^ {2}--\S+( [A-Z]+)? +/.exec(l)?.[0].length), [13, 13, 13]);
  t.true(help.replace(/\s+/g, ' ').includes('wraps onto the next (1 to 9 tries; default 3)'));
  t.true(help.includes('  --out DIR  where it goes (default out/)\n'));
  t.true(help.includes('  --quiet    say nothing\n'));
});

test('text wraps at 100 columns, continuation lines under the description column', (t) => {
  t.true(lines.slice(1).every((l) => l.length <= 100), lines.find((l) => l.length > 100));
  const wrapped = lines.findIndex((l) => l.startsWith('  --tries N'));
  t.regex(lines[wrapped + 1], /^ {13}\S/);
});

test('sections: usage, about, options, notes, examples, one blank line apart', (t) => {
  t.is(help, [
    lines[0], '', 'Does a demo.', '', ...lines.filter((l) => l.startsWith('  --') || l.startsWith(' '.repeat(13))), '',
    'Examples:', '  repro demo x --tries 2',
  ].join('\n'));
  t.false(helpText({ command: 'bare', about: [], flags: {} }).includes('\n'), 'no empty sections');
});
