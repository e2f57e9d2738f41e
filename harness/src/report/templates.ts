/**
 * Handlebars templates of the report. `{{ }}` escapes everything; the only `{{{ }}}` are
 * `svg` / `strip` / `histogram` (generated SVG: sanitised, or numbers and escaped labels only),
 * `specJson` (JSON escaped for a script block), `css` and `csp` (constants of this module).
 */
import Handlebars from 'handlebars';
import type { InlineScript } from './assets.js';
import type { IndexRow, PaperView } from './model.js';
import { CSS } from './styles.js';

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

const HEAD = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{{@root.csp}}}">
<meta name="generator" content="{{@root.generator}}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>{{pageTitle}}</title>
<style>{{{@root.css}}}</style>
</head>
<body>
<main id="top">`;

const FOOT = `<footer>Static report: every chart is drawn as SVG and works with scripts off; with scripts on, charts become interactive (tooltips) using vega, vega-lite and vega-embed, inlined in the page. Nothing is loaded from the network.</footer>
</main>
{{#if @root.script}}<script>{{{@root.script}}}</script>{{/if}}
</body>
</html>
`;

/** Verdicts carry a glyph as well as a colour (✓ ✗ ? !), for readers who do not see the colour. */
const BADGE = `<span class="badge v-{{verdict}}"><span aria-hidden="true">{{glyph verdict}}</span> {{verdict}}</span>`;

const CHART = `{{#if this}}<figure class="chart"{{#if specJson}} data-chart data-alt="{{alt}}"{{/if}}>
{{#if title}}<figcaption>{{title}}</figcaption>{{/if}}
{{#if error}}<p class="chart-error">Chart could not be drawn: {{error}}</p>{{/if}}
{{#if svg}}<div class="chart-static">{{{svg}}}</div>{{/if}}
{{#if specJson}}<div class="chart-live" hidden></div>
<script type="application/json">{{{specJson}}}</script>{{/if}}
</figure>{{/if}}`;

const KV_TABLE = `{{#if rows.length}}<table class="kv">{{#each rows}}<tr><th scope="row">{{key}}</th><td class="mono">{{value}}</td></tr>{{/each}}</table>{{else}}<p class="muted">{{#if empty}}{{empty}}{{else}}none{{/if}}</p>{{/if}}`;

const COUNTS = `<div class="counts">{{#each counts}}<span class="count v-{{verdict}}"><span aria-hidden="true">{{glyph verdict}}</span> <b>{{n}}</b>{{verdict}}</span>{{/each}}</div>`;

/** The verdict's deciding check: statistic, interval, threshold, band, and the sentence for a non-pass. */
const DECISION = `<div class="decision">
  <div class="decision-text">
    <div><span class="stat">{{ev.statistic}}</span>{{#if ev.ci}} <span class="muted">{{#if ev.ciLevel}}{{ev.ciLevel}} {{/if}}CI</span> <span class="mono">{{ev.ci}}</span>{{/if}}</div>
    <div>threshold: <strong>{{ev.threshold}}</strong></div>
    {{#if ev.decidedBy}}<div class="decided-by">{{ev.decidedBy}}</div>{{/if}}
  </div>
  <div class="decision-strip">{{{ev.strip}}}</div>
</div>
{{#if ev.explanation}}<p class="explain v-text-{{verdict}}">{{ev.explanation}}</p>{{/if}}`;

const PER_SEED_TABLE = `<div class="table-wrap"><table class="kv"><tr><th>seed</th><th class="num">statistic</th></tr>{{#each ev.perSeed.rows}}<tr><td class="mono">{{seed}}</td><td class="num">{{value}}</td></tr>{{/each}}</table></div>`;

/** Up to COLLAPSE_ROWS seeds: their values as one wrapping line; more: a histogram, the table folded. */
const PER_SEED = `{{#if ev.perSeed}}<h4>per seed</h4>
{{#if ev.perSeed.summary}}<p class="muted">{{ev.perSeed.summary}}</p>{{/if}}
{{#if ev.perSeed.censored}}<p class="censored">{{ev.perSeed.censored}}</p>{{/if}}
{{#if ev.perSeed.collapsed}}{{#if ev.perSeed.histogram}}<div class="dist">{{{ev.perSeed.histogram}}}</div>{{/if}}
<details class="perseed-more"><summary>all {{ev.perSeed.count}} per-seed values{{#if ev.perSeed.chart}} (table and chart){{/if}}</summary>
${PER_SEED_TABLE}
{{> chart ev.perSeed.chart}}</details>
{{else}}<ul class="seed-values">{{#each ev.perSeed.rows}}<li><span class="muted">seed {{seed}}</span> <span class="mono">{{value}}</span></li>{{/each}}</ul>{{/if}}{{/if}}`;

const EVIDENCE = `{{#if ev.parts.length}}<h4>parts of the claim (the deciding part first)</h4>
<div class="table-wrap"><table class="kv parts"><tr><th>part</th><th class="num">statistic</th><th>CI</th><th>threshold</th></tr>{{#each ev.parts}}<tr{{#if decides}} class="decides"{{/if}}><td>{{> badge verdict=verdict}} {{label}}{{#if decides}} <strong>decides</strong>{{/if}}</td><td class="num">{{statistic}}</td><td class="mono">{{#if ci}}{{ci}}{{else}}—{{/if}}</td><td>{{threshold}}</td></tr>{{/each}}</table></div>{{/if}}
<table class="kv">
  {{#if why}}<tr><th scope="row">why this threshold</th><td>{{why}}</td></tr>{{/if}}
  <tr><th scope="row">method</th><td>{{ev.method}}</td></tr>
  <tr><th scope="row">data</th><td>{{ev.n}} observations · seeds <span class="mono">{{ev.seeds}}</span>{{#if ev.alpha}} · significance level <span class="mono">{{ev.alpha}}</span>{{/if}}</td></tr>
  <tr><th scope="row">reason (as the run recorded it)</th><td>{{ev.reason}}</td></tr>
  {{#if ev.degenerate}}<tr><th scope="row">degenerate data</th><td>{{ev.degenerate}}</td></tr>{{/if}}
</table>
<div class="charts">{{> chart ev.chart}}{{#each ev.moreCharts}}{{> chart this}}{{/each}}{{#unless ev.perSeed.collapsed}}{{> chart ev.perSeed.chart}}{{/unless}}</div>
${PER_SEED}
{{#if ev.details.length}}{{#if ev.detailsFolded}}<details class="details-more"><summary>details ({{ev.details.length}} figures)</summary>{{> kvTable rows=ev.details}}</details>{{else}}<h4>details</h4>{{> kvTable rows=ev.details}}{{/if}}{{/if}}`;

const INDEX = `${HEAD}
<h1>Paper reproductions</h1>
<p class="meta">{{papers}} reproduction{{#unless onePaper}}s{{/unless}}, {{claimsTotal}} claims. Every claim is decided by a pre-registered statistical test; each has a negative control that should come out differently.</p>
{{> counts counts=totals}}
{{#if changes}}<section class="changes"><h2>{{changes.title}}</h2>{{#if changes.rows.length}}<table class="matrix"><thead><tr><th>paper</th><th>claim</th><th>{{changes.beforeLabel}}</th><th>now</th></tr></thead><tbody>{{#each changes.rows}}<tr><td><code>{{reproduction}}</code></td><td><a href="{{href}}">{{claim}}</a></td><td>{{#if before}}<span class="badge v-{{before}}">{{before}}</span>{{else}}<span class="muted">none</span>{{/if}}</td><td><span class="badge v-{{after}}">{{after}}</span></td></tr>{{/each}}</tbody></table>{{else}}<p class="muted">{{changes.none}}</p>{{/if}}</section>{{/if}}
{{#if problems.length}}<div class="warn"><strong>Results that could not be read</strong><ul>{{#each problems}}<li><code>{{id}}</code>: {{message}}</li>{{/each}}</ul></div>{{/if}}
{{#if rows.length}}
<table class="matrix index">
<thead><tr><th>paper</th><th>claims</th><th>verdicts</th><th title="negative controls that came out as they must, or as expected.json accepts">controls</th><th>run</th></tr></thead>
<tbody>
{{#each rows}}<tr>
<td data-label="paper"><a href="{{href}}">{{title}}</a>{{#if year}} <span class="muted">({{year}})</span>{{/if}}<br><code class="muted">{{id}}</code>{{#each warnings}}<div class="muted">⚠ {{this}}</div>{{/each}}</td>
<td data-label="claims"><div class="claims">{{#each claims}}<a class="badge v-{{verdict}}" href="{{href}}" title="{{verdict}}"><span aria-hidden="true">{{glyph verdict}}</span> {{id}}</a>{{else}}<span class="muted">no claims</span>{{/each}}</div></td>
<td data-label="verdicts"><div class="mini-counts">{{#each counts}}{{#if n}}<span class="badge v-{{verdict}}"><span aria-hidden="true">{{glyph verdict}}</span> {{n}} {{verdict}}</span>{{/if}}{{/each}}</div></td>
<td data-label="controls"><span class="{{#if controlsFull}}power-ok{{else}}power-bad{{/if}}"><span aria-hidden="true">{{#if controlsFull}}✓{{else}}✗{{/if}}</span> {{controls}}</span>{{#each controlsAccepted}}<div class="muted accepted">{{this}}</div>{{/each}}</td>
<td data-label="run">{{runtime}}<br><span class="muted">{{backend}}{{#if backendNote}} ({{backendNote}}){{/if}} · {{profile}}</span></td>
</tr>{{/each}}
</tbody>
</table>
{{else}}<p class="muted">No results found.</p>{{/if}}
${FOOT}`;

const PAPER = `${HEAD}
<p class="nav"><a href="index.html">← all reproductions</a></p>
<h1>{{p.title}}</h1>
<p class="meta">{{#if p.authors}}{{p.authors}}{{/if}}{{#if p.year}} · {{p.year}}{{/if}} · <code>{{p.id}}</code></p>
{{#if p.links.length}}<p class="links">{{#each p.links}}<a href="{{href}}" rel="noopener noreferrer">{{label}}</a>{{/each}}</p>{{/if}}
{{#if p.unlinked.length}}<p class="muted">{{#each p.unlinked}}{{key}}: {{value}} {{/each}}</p>{{/if}}
{{#each p.warnings}}<div class="warn">{{this}}</div>{{/each}}
{{> counts counts=p.counts}}
<p class="meta">profile <strong>{{p.profile}}</strong> · backend <strong>{{p.backend}}</strong>{{#if p.backendNote}} ({{p.backendNote}}){{/if}} · runtime {{p.runtime}} · run {{p.date}} · control power {{p.controls.text}}</p>

<h2 id="claims">Claims</h2>
{{#if p.toc.length}}<ol class="toc">{{#each p.toc}}<li><a href="#{{anchor}}">{{id}}</a> {{> badge}}</li>{{/each}}</ol>{{else}}<p class="muted">This reproduction has no claims.</p>{{/if}}

{{#each p.claims}}
<section class="claim" id="{{anchor}}">
<div class="claim-head"><h3>{{id}}</h3>{{> badge}}{{#if kind}}<span class="muted">{{kind}}</span>{{/if}}{{#if rawVerdict}}<span class="muted">(recorded verdict: {{rawVerdict}})</span>{{/if}}{{#if csvHref}}<a class="download" href="{{csvHref}}" download title="statistic, interval and every per-seed value, of the claim and its control">numbers as CSV</a>{{/if}}</div>
{{#if stamp}}<p class="stamp {{#if stamp.before}}stamp-ok{{else}}stamp-changed{{/if}}"><span aria-hidden="true">{{#if stamp.before}}✓{{else}}!{{/if}}</span> {{stamp.text}}</p>{{/if}}
{{> decision ev=evidence verdict=verdict}}
{{#if published}}<div class="published"><p><span class="published-label">{{@root.p.profile}} profile (this report's run):</span> {{> badge}}</p>
<p><span class="published-label">{{published.label}}:</span> {{> badge verdict=published.verdict}} <span class="stat">{{published.statistic}}</span>{{#if published.ci}} <span class="muted">CI</span> <span class="mono">{{published.ci}}</span>{{/if}} · threshold: <strong>{{published.threshold}}</strong> <span class="muted">({{published.detail}}; not re-verified by CI)</span></p></div>{{/if}}
<blockquote>{{quote}}</blockquote>
{{#if sources.length}}<p class="sources">{{#each sources}}<a href="{{href}}" title="{{title}}" rel="noopener noreferrer">{{label}}</a>{{/each}}</p>{{/if}}
{{#if note}}<p class="note"><strong>Note:</strong> {{note}}</p>{{/if}}
{{#if stability}}<p class="stability"><strong>Stability</strong> {{stability}}</p>{{/if}}
{{> evidence ev=evidence why=why}}
{{#if params.length}}<h4>claim params</h4>{{> kvTable rows=params}}{{/if}}
{{#if history.length}}<details class="history"><summary>History: {{history.length}} reviewed change(s) of its expected verdict</summary>
<div class="table-wrap"><table><thead><tr><th>date</th><th>of</th><th>verdict</th><th>before</th><th>after</th></tr></thead><tbody>
{{#each history}}<tr><td>{{date}}</td><td>{{of}}</td><td>{{change}}</td><td>{{before}}</td><td title="{{reason}}">{{after}}</td></tr>{{/each}}
</tbody></table></div></details>{{/if}}
{{#if control}}<div class="control">
<h4>negative control</h4>
<p>must give {{> badge verdict=control.expect}} · got {{> badge verdict=control.verdict}} ·
<span class="control-{{control.status}}">{{control.statusText}}</span></p>
<p class="judgement {{#if control.judgement.accepted}}judged-accepted{{else}}{{#if control.judgement.ok}}judged-ok{{else}}judged-departs{{/if}}{{/if}}"><span aria-hidden="true">{{#if control.judgement.ok}}✓{{else}}✗{{/if}}</span> against expected.json: {{control.judgement.text}}</p>
<p>{{control.why}}</p>
<h4>control params</h4>
{{> kvTable rows=control.params empty="no changes"}}
<details><summary>control evidence</summary>
{{> decision ev=control.evidence verdict=control.verdict}}
{{> evidence ev=control.evidence why=""}}
</details>
</div>{{else}}<p class="muted">No negative control for this claim.</p>{{/if}}
</section>
{{/each}}

{{#if p.figures.length}}<h2 id="figures">Figures</h2>
{{#each p.figures}}<section id="{{anchor}}"><h3>{{title}}</h3>{{#if caption}}<p class="figure-caption">{{caption}}</p>{{/if}}{{> chart chart}}</section>{{/each}}{{/if}}

<h2 id="provenance">Provenance</h2>
{{#if p.provenance}}{{#with p.provenance}}
<table class="kv">
<tr><th scope="row">git revision</th><td class="mono">{{gitRev}} <span class="{{#if dirty}}power-bad{{else}}muted{{/if}}">({{gitDirty}})</span></td></tr>
<tr><th scope="row">profile</th><td class="mono">{{profile}}</td></tr>
<tr><th scope="row">backend</th><td class="mono">{{backend}}{{#if backendNote}} <span class="muted">({{backendNote}})</span>{{/if}}</td></tr>
<tr><th scope="row">seeds</th><td class="mono">{{seeds}}</td></tr>
<tr><th scope="row">wall time</th><td>{{wall}}</td></tr>
<tr><th scope="row">started</th><td>{{date}}</td></tr>
</table>
<h4>params</h4>{{> kvTable rows=params}}
<h4>versions</h4>{{> kvTable rows=versions}}
<h4>machine</h4>{{> kvTable rows=machine}}
{{#if runs.length}}<h4>runs</h4><div class="table-wrap"><table><tr><th>params</th><th class="num">time</th></tr>{{#each runs}}<tr><td class="mono">{{params}}</td><td class="num">{{seconds}}</td></tr>{{/each}}</table></div>{{/if}}
{{/with}}{{else}}<p class="muted">No provenance.json for this reproduction.</p>{{/if}}
<h3>DVC stage</h3>
{{#if p.dvc.stage}}{{#with p.dvc.stage}}
<table class="kv"><tr><th scope="row">stage</th><td class="mono">{{name}}</td></tr>{{#if cmd}}<tr><th scope="row">command</th><td class="mono">{{cmd}}</td></tr>{{/if}}<tr><th scope="row">lock file</th><td class="mono">{{@root.p.dvc.lockPath}}</td></tr></table>
<h4>dependencies</h4>
{{#if deps.length}}<div class="table-wrap"><table><tr><th>path</th><th>hash</th><th class="num">size</th><th class="num">files</th></tr>{{#each deps}}<tr><td class="mono">{{path}}</td><td class="mono">{{hash}}</td><td class="num">{{size}}</td><td class="num">{{nfiles}}</td></tr>{{/each}}</table></div>{{else}}<p class="muted">none</p>{{/if}}
<h4>params (as locked)</h4>{{> kvTable rows=@root.p.dvc.params}}
<h4>outputs</h4>
{{#if outs.length}}<div class="table-wrap"><table><tr><th>path</th><th>hash</th><th class="num">size</th><th class="num">files</th></tr>{{#each outs}}<tr><td class="mono">{{path}}</td><td class="mono">{{hash}}</td><td class="num">{{size}}</td><td class="num">{{nfiles}}</td></tr>{{/each}}</table></div>{{else}}<p class="muted">none</p>{{/if}}
{{/with}}{{else}}<p class="muted">{{p.dvc.note}}</p>{{/if}}
${FOOT}`;

const GLYPHS: Record<string, string> = { pass: '✓', fail: '✗', inconclusive: '?', error: '!' };

const hb = Handlebars.create();
hb.registerPartial('badge', BADGE);
hb.registerPartial('chart', CHART);
hb.registerPartial('kvTable', KV_TABLE);
hb.registerPartial('counts', COUNTS);
hb.registerPartial('evidence', EVIDENCE);
hb.registerPartial('decision', DECISION);
hb.registerHelper('glyph', (verdict: unknown) => GLYPHS[String(verdict)] ?? '?');

const compileOptions = { strict: false, noEscape: false, knownHelpersOnly: false };
const indexTemplate = hb.compile(INDEX, compileOptions);
const paperTemplate = hb.compile(PAPER, compileOptions);

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
