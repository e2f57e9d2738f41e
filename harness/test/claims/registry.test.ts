/** A claim kind has one name: its file `<kind>.ts`, its export (the kind in camelCase), and the `kind` its checks write. */
import test from 'ava';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CLAIM_KIND_REGISTRY, CLAIM_KINDS } from '../../src/claims/kinds/index.js';
import * as harness from '../../src/index.js';

const KINDS_DIR = fileURLToPath(new URL('../../src/claims/kinds/', import.meta.url));
// Shared pieces of several kinds, not kinds themselves.
const HELPERS = ['index.ts', 'grouped.ts', 'slopes.ts'];
const camel = (kind: string) => kind.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

for (const [kind, make] of Object.entries(CLAIM_KIND_REGISTRY)) {
  test(`${kind}: file, export and kind string agree`, async (t) => {
    const file = `${KINDS_DIR}${kind}.ts`;
    t.true(existsSync(file), `the kind ${kind} lives in claims/kinds/${kind}.ts`);
    t.is(make.name, camel(kind));
    const module = (await import(`../../src/claims/kinds/${kind}.js`)) as Record<string, unknown>;
    t.is(module[camel(kind)], make, `claims/kinds/${kind}.ts exports ${camel(kind)}`);
    t.is((harness as Record<string, unknown>)[camel(kind)], make, `#harness exports ${camel(kind)}`);
    const source = readFileSync(file, 'utf8');
    t.true(kind === 'all-of' ? source.includes('kind: `all-of(') : source.includes(`kind: '${kind}'`), `its checks write kind '${kind}'`);
  });
}

test('every kind file is in the registry, and CLAIM_KINDS is its keys in order', (t) => {
  const files = readdirSync(KINDS_DIR).filter((f) => f.endsWith('.ts') && !HELPERS.includes(f)).map((f) => f.replace(/\.ts$/, ''));
  t.deepEqual(files.sort(), Object.keys(CLAIM_KIND_REGISTRY).sort());
  t.deepEqual(CLAIM_KINDS, [
    'power-law', 'exponential-rate', 'value-in-band', 'count-of-seeds', 'ratio', 'paired-difference',
    'correlation', 'monotone-trend', 'no-trend', 'report-only', 'all-of', 'theory-match', 'median-ratio',
  ]);
});
