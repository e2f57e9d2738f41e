import test from 'ava';
import { parseArgs, USAGE } from '../../src/bench/args.js';

test('no arguments: the full bench, no JSON file', (t) => {
  t.deepEqual(parseArgs([]), { help: false, quick: false, json: null });
});

test('--quick, --json FILE and --json=FILE', (t) => {
  t.deepEqual(parseArgs(['--quick', '--json', 'out/b.json']), { help: false, quick: true, json: 'out/b.json' });
  t.deepEqual(parseArgs(['--json=b.json']), { help: false, quick: false, json: 'b.json' });
});

test('--help and -h', (t) => {
  t.true(parseArgs(['--help']).help);
  t.true(parseArgs(['-h']).help);
  t.regex(USAGE, /--quick/);
  t.regex(USAGE, /--json FILE/);
});

test('a missing file name or an unknown argument is an error that says what is wrong', (t) => {
  t.throws(() => parseArgs(['--json']), { message: /--json needs a file name/ });
  t.throws(() => parseArgs(['--json', '--quick']), { message: /--json needs a file name/ });
  t.throws(() => parseArgs(['--json=']), { message: /--json needs a file name/ });
  t.throws(() => parseArgs(['--fast']), { message: /unknown argument "--fast"/ });
});
