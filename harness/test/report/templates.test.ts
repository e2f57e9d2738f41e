/**
 * The report's templates live in harness/src/report/templates/*.hbs and its stylesheet in
 * styles.css, read at import. A partial Handlebars cannot find fails only when its branch renders,
 * and a stray final newline changes every page's bytes: both are checked here, on the files.
 */
import test from 'ava';
import { readdirSync, readFileSync } from 'node:fs';
import { renderIndex } from '../../src/report/templates.js';

const DIR = new URL('../../src/report/templates/', import.meta.url);
const PAGES = ['index', 'paper'];
const files = readdirSync(DIR).filter((f) => f.endsWith('.hbs')).map((f) => f.slice(0, -'.hbs'.length));
const text = (name: string) => readFileSync(new URL(`${name}.hbs`, DIR), 'utf8');

/** Each `{{> name ...}}` of every template, and whether it shares its line with other text. */
const calls = files.flatMap((file) => text(file).split('\n').flatMap((line) =>
  [...line.matchAll(/\{\{>\s*([\w-]+)[^}]*\}\}/g)].map((m) => ({ file, name: m[1], inline: line.trim() !== m[0] }))));

test('every partial a template calls is a .hbs file, and every partial file is called', (t) => {
  t.true(calls.length > 10, `only ${calls.length} partial calls found: the scan is broken`);
  const missing = calls.filter((c) => !files.includes(c.name) || PAGES.includes(c.name)).map((c) => `${c.file}.hbs: {{> ${c.name}}}`);
  t.deepEqual(missing, [], 'no such partial');
  const unused = files.filter((f) => !PAGES.includes(f) && !calls.some((c) => c.name === f));
  t.deepEqual(unused, [], 'partial files no template calls');
});

test('a partial called inside a line ends without a newline, so the line stays whole', (t) => {
  const inline = [...new Set(calls.filter((c) => c.inline).map((c) => c.name))];
  t.true(inline.includes('badge'), 'the badge is called inside lines');
  const broken = inline.filter((name) => text(name).endsWith('\n'));
  t.deepEqual(broken, [], 'remove the final newline of these .hbs files');
});

test('a page is the head (with styles.css inlined), the body and the foot, ending in one newline', (t) => {
  const css = readFileSync(new URL('../../src/report/styles.css', import.meta.url), 'utf8');
  const html = renderIndex({ rows: [], totals: [], problems: [], claimsTotal: 0 });
  t.true(html.startsWith('<!doctype html>\n<html lang="en">\n'));
  t.true(html.includes(`<style>\n${css}</style>\n</head>`), 'styles.css inlined as it is');
  t.true(html.includes('<main id="top">\n<h1>Paper reproductions</h1>'), 'the head ends on its own line');
  t.true(html.endsWith('</footer>\n</main>\n\n</body>\n</html>\n'), html.slice(-80));
});
