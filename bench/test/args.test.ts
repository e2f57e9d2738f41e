import test from 'ava';
import { parseArgs, USAGE, wants } from '../args.js';

test('no arguments: the full bench, no JSON file', (t) => {
  t.deepEqual(parseArgs([]), { help: false, quick: false, json: null, only: null });
});

test('--quick, --json FILE and --json=FILE', (t) => {
  t.deepEqual(parseArgs(['--quick', '--json', 'out/b.json']), { help: false, quick: true, json: 'out/b.json', only: null });
  t.deepEqual(parseArgs(['--json=b.json']), { help: false, quick: false, json: 'b.json', only: null });
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

test('--only picks sections; the others are not measured', (t) => {
  const args = parseArgs(['--only', 'pipeline,overhead']);
  t.deepEqual(args.only, ['pipeline', 'overhead']);
  t.true(wants(args, 'pipeline'));
  t.false(wants(args, 'matmul'));
  t.deepEqual(parseArgs(['--only=lowrank']).only, ['lowrank']);
  t.true(wants(parseArgs([]), 'matmul'));
});

test('--only with no list or an unknown section names the sections', (t) => {
  t.throws(() => parseArgs(['--only']), { message: /--only needs a list of sections: --only matmul,overhead,lowrank,pipeline/ });
  t.throws(() => parseArgs(['--only', 'matmul,gpu']), { message: /--only: unknown section "gpu"; sections are matmul, overhead, lowrank, pipeline/ });
});
