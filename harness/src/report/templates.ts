/**
 * Handlebars templates of the report. `{{ }}` escapes everything; the only `{{{ }}}` are
 * `svg` / `strip` / `histogram` (generated SVG: sanitised, or numbers and escaped labels only),
 * `specJson` (JSON escaped for a script block), `css` (styles.css) and `csp` (built here).
 */
import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
import type { InlineScript } from './assets.js';
import type { IndexRow, PaperView } from './model.js';

/**
 * Nothing remote, ever, and no script but the page's own: `script-src` lists the sha256 of each
 * inline script (the chart bundle) and nothing else, so no file, local or remote, can be loaded
 * as a script; pages without charts allow none. Styles inline (the page's own and vega-embed's),
 * images inline or local.
 */
export function cspFor(scriptSources: readonly string[]): string {
  return [
    "default-src 'none'",
    `script-src ${scriptSources.length ? scriptSources.join(' ') : "'none'"}`,
    ...CSP_REST,
  ].join('; ');
}

const CSP_REST = [
  "style-src 'unsafe-inline'",
  "img-src data: 'self'",
  "connect-src 'none'",
  "font-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** The policy of a page without scripts. */
export const CSP = cspFor([]);

/** Marks a page as written by this report, so a later build may remove it when its paper is gone. */
export const GENERATOR = 'paper-repro report';

const GLYPHS: Record<string, string> = { pass: '✓', fail: '✗', inconclusive: '?', error: '!' };

/**
 * The pages and their partials, read once at import. They are used byte for byte: a final newline
 * is output. A partial used inside a line (badge, chart, kv-table, counts, decision, evidence)
 * ends without one; one that stands on its own line (head, foot, per-seed, per-seed-table) ends
 * with one, since Handlebars drops the newline after a standalone `{{> name}}`.
 */
const TEMPLATES = new URL('./templates/', import.meta.url);
const PAGES = ['index.hbs', 'paper.hbs'];
const read = (file: string) => readFileSync(new URL(file, TEMPLATES), 'utf8');
const CSS = readFileSync(new URL('./styles.css', import.meta.url), 'utf8');

const hb = Handlebars.create();
// Every other .hbs file is a partial named after it: templates/kv-table.hbs is `{{> kv-table}}`.
for (const file of readdirSync(TEMPLATES).filter((f) => f.endsWith('.hbs') && !PAGES.includes(f))) {
  hb.registerPartial(file.slice(0, -'.hbs'.length), read(file));
}
hb.registerHelper('glyph', (verdict: unknown) => GLYPHS[String(verdict)] ?? '?');

const compileOptions = { strict: false, noEscape: false, knownHelpersOnly: false };
const indexTemplate = hb.compile(read('index.hbs'), compileOptions);
const paperTemplate = hb.compile(read('paper.hbs'), compileOptions);

/** What every page shares; with `script`, the page inlines it and its CSP allows it by hash. */
function common(script?: InlineScript | null) {
  return { csp: cspFor(script ? [script.source] : []), css: CSS, generator: GENERATOR, script: script?.text ?? null };
}

export interface ChangesView {
  title: string;
  beforeLabel: string;
  none: string;
  rows: { reproduction: string; claim: string; href: string; before: string | null; after: string }[];
}

export function renderIndex(view: {
  changes?: ChangesView | null;
  rows: IndexRow[];
  totals: { verdict: string; n: number }[];
  problems: { id: string; message: string }[];
  claimsTotal: number;
}, script?: InlineScript | null): string {
  return indexTemplate({
    ...common(script),
    ...view,
    pageTitle: 'Paper reproductions',
    papers: view.rows.length,
    onePaper: view.rows.length === 1,
    verdictNames: ['pass', 'fail', 'inconclusive', 'error'],
  });
}

export function renderPaper(p: PaperView, script?: InlineScript | null): string {
  return paperTemplate({ ...common(script), p, pageTitle: `${p.title} · reproduction` });
}
