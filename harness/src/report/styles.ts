/** The report's stylesheet, inlined in every page (no external CSS, no web fonts). */
export const CSS = `
:root {
  --fg: #1d2126; --muted: #5b6470; --line: #dde1e6; --bg: #ffffff; --panel: #f6f8fa; --link: #0b5cad;
  --pass: #1b7f3b; --pass-bg: #e3f4e8; --fail: #b3261e; --fail-bg: #fbe4e2;
  --inconclusive: #8a5a00; --inconclusive-bg: #fdf0d2; --error: #555b61; --error-bg: #e8eaed;
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; color: var(--fg); background: var(--bg);
  font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
main { max-width: 1080px; margin: 0 auto; padding: 24px 20px 64px; overflow-wrap: anywhere; }
a { color: var(--link); }
a:focus-visible { outline: 2px solid var(--link); outline-offset: 2px; }
h1 { font-size: 1.7rem; line-height: 1.25; margin: 0.2em 0 0.3em; }
h2 { font-size: 1.3rem; margin: 2em 0 0.6em; padding-bottom: 0.25em; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.08rem; margin: 1.4em 0 0.5em; }
h4 { font-size: 0.95rem; margin: 1.1em 0 0.4em; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.88em; }
.muted { color: var(--muted); }
.nav { font-size: 0.9rem; margin-bottom: 0.5em; }
.meta { color: var(--muted); margin: 0 0 0.8em; }
.links a, .sources a { margin-right: 1em; }
.sources { margin: -0.4em 0 0.8em; font-size: 0.85rem; }
.badge {
  display: inline-block; padding: 0.05em 0.55em; border-radius: 999px; font-size: 0.8rem; font-weight: 600;
  line-height: 1.6; white-space: nowrap; border: 1px solid transparent; text-decoration: none;
}
.v-pass { color: var(--pass); background: var(--pass-bg); border-color: #b7dfc3; }
.v-fail { color: var(--fail); background: var(--fail-bg); border-color: #f2bcb7; }
.v-inconclusive { color: var(--inconclusive); background: var(--inconclusive-bg); border-color: #f0d08a; }
.v-error { color: var(--error); background: var(--error-bg); border-color: #c9ccd1; }
a.badge:hover { filter: brightness(0.95); text-decoration: underline; }
.counts { display: flex; flex-wrap: wrap; gap: 0.5em; margin: 0.6em 0 1em; }
.count { padding: 0.35em 0.8em; border-radius: 8px; font-weight: 600; }
.count b { font-size: 1.2em; margin-right: 0.25em; }
table { border-collapse: collapse; width: 100%; margin: 0.4em 0 1em; font-size: 0.92rem; }
th, td { text-align: left; vertical-align: top; padding: 0.4em 0.6em; border-bottom: 1px solid var(--line); }
th { font-weight: 600; color: var(--muted); background: var(--panel); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.table-wrap { overflow-x: auto; }
.matrix .claims { display: flex; flex-wrap: wrap; gap: 0.3em; max-width: 420px; }
.badge { white-space: normal; }
.kv { width: auto; min-width: 50%; }
.kv th { width: 13em; background: transparent; }
.kv td { word-break: break-word; }
blockquote {
  margin: 0.6em 0 1em; padding: 0.6em 1em; border-left: 4px solid #9aa5b1; background: var(--panel);
  font-family: Georgia, "Times New Roman", serif; font-size: 1.05rem;
}
.claim { margin: 1.5em 0 2.5em; }
.claim-head { display: flex; align-items: center; flex-wrap: wrap; gap: 0.6em; }
.claim-head h3 { margin: 0; }
.note { border-left: 4px solid #f0a500; background: #fff8e6; padding: 0.5em 0.9em; margin: 0.6em 0; }
.warn { border-left: 4px solid var(--fail); background: var(--fail-bg); padding: 0.5em 0.9em; margin: 0.6em 0; }
.decision { display: grid; grid-template-columns: minmax(16em, 1fr) minmax(0, 320px); gap: 0.3em 1.5em; align-items: center; margin: 0.5em 0; }
.published { border-left: 3px solid #888; padding: 0.1em 0.8em; margin: 0.5em 0; }
.published p { margin: 0.25em 0; }
.published-label { font-weight: 600; }
.decision-strip svg { width: 100%; height: auto; }
.decided-by { font-weight: 600; }
.explain { margin: 0.4em 0 0.8em; padding: 0.45em 0.9em; border-left: 4px solid var(--line); background: var(--panel); }
.v-text-fail { border-left-color: var(--fail); }
.v-text-inconclusive { border-left-color: var(--inconclusive); }
.v-text-error { border-left-color: var(--error); }
.censored { color: var(--inconclusive); }
.parts tr.decides td { font-weight: 600; }
.dist .hist { display: block; max-width: 100%; height: auto; }
.hist .bar { fill: var(--link); fill-opacity: 0.75; }
.hist .band { fill: var(--pass); fill-opacity: 0.16; }
.hist .axis { stroke: var(--muted); }
.hist .tick { fill: var(--muted); font-size: 10px; }
.judged-ok { color: var(--pass); }
.judged-accepted { color: var(--inconclusive); }
.judged-departs { color: var(--fail); font-weight: 600; }
.charts { display: flex; flex-wrap: wrap; gap: 0 1.5em; align-items: flex-start; }
.charts > figure.chart { flex: 1 1 420px; min-width: 0; }
.seed-values { display: flex; flex-wrap: wrap; gap: 0.2em 1.2em; list-style: none; padding: 0; margin: 0.3em 0 1em; }
.claim-head .download { margin-left: auto; font-size: 0.85rem; }
.stamp { font-size: 0.85rem; margin: 0.2em 0; color: var(--muted); }
.stamp-ok span { color: var(--pass); }
.stamp-changed span { color: var(--inconclusive); }
.mini-counts { display: flex; flex-wrap: wrap; gap: 0.25em; }
.accepted { font-size: 0.85em; }
.stat { font-size: 1.15rem; font-weight: 600; font-variant-numeric: tabular-nums; }
.strip { display: block; max-width: 100%; }
.strip .axis { stroke: #b8c0c8; stroke-width: 1; }
.strip .band { fill: #2e7d32; fill-opacity: 0.16; }
.strip .bound { stroke: #2e7d32; stroke-width: 1.5; stroke-dasharray: 4 3; }
.strip .ci { stroke: #1f3b5c; stroke-width: 2.5; }
.strip .stat { fill: #1f3b5c; }
.control { border: 1px solid var(--line); border-radius: 8px; padding: 0.2em 1em 0.6em; margin: 1em 0; background: #fcfcfd; }
.power-ok { color: var(--pass); font-weight: 600; }
.power-bad { color: var(--fail); font-weight: 600; }
.control-power { color: var(--pass); font-weight: 600; }
.control-power::before { content: "✓ "; }
.control-no-power { color: var(--fail); font-weight: 600; }
.control-no-power::before { content: "✗ "; }
.control-degenerate { color: var(--inconclusive, #8a6d00); font-weight: 600; }
.control-degenerate::before { content: "! "; }
.control-not-shown { color: inherit; }
.control-not-shown::before { content: "? "; }
details { margin: 0.6em 0; }
summary { cursor: pointer; color: var(--link); }
figure.chart { margin: 1em 0; overflow-x: auto; }
figure.chart figcaption { font-weight: 600; margin-bottom: 0.3em; }
.chart-static svg, .chart-live svg { max-width: 100%; height: auto; }
.chart-live { max-width: 100%; overflow: hidden; }
.chart-error { color: var(--fail); }
.figure-caption { color: var(--muted); margin-top: -0.3em; }
.perseed { display: grid; grid-template-columns: minmax(10em, max-content) minmax(0, 1fr); gap: 1.5em; align-items: start; }
.perseed table { min-width: 0; }
@media (max-width: 760px) {
  .perseed { grid-template-columns: 1fr; }
  main { padding: 16px 12px 48px; }
  /* The decision block stacks: number, threshold, then the strip at full width. */
  .decision { grid-template-columns: 1fr; }
  .kv { min-width: 0; width: 100%; }
  .kv th { width: auto; min-width: 6em; }
  /* The index table becomes one card per paper. */
  table.index, table.index tbody, table.index tr, table.index td { display: block; width: 100%; }
  table.index thead { display: none; }
  table.index tr { border: 1px solid var(--line); border-radius: 8px; margin: 0 0 1em; padding: 0.3em 0; }
  table.index td { border: 0; padding: 0.25em 0.8em; }
  table.index td::before { content: attr(data-label); display: block; font-size: 0.75rem; text-transform: uppercase; color: var(--muted); }
  .matrix .claims { max-width: none; }
}
@media (prefers-color-scheme: dark) {
  :root {
    --fg: #e6e8eb; --muted: #a3acb7; --line: #3a4048; --bg: #16191d; --panel: #1f2328; --link: #7ab7ff;
    --pass: #6fd58f; --pass-bg: #17351f; --fail: #ff8a80; --fail-bg: #3d1c1a;
    --inconclusive: #f0c060; --inconclusive-bg: #3a2e12; --error: #c3c8ce; --error-bg: #2c3036;
  }
  .v-pass { border-color: #2f6b40; } .v-fail { border-color: #7a3530; }
  .v-inconclusive { border-color: #7a6128; } .v-error { border-color: #555b61; }
  .control { background: var(--panel); }
  .note { background: #33290f; }
  blockquote { border-left-color: #5b6470; }
  .strip .ci, .strip .stat { stroke: #9cc3f0; } .strip .stat { fill: #9cc3f0; }
  /* vega draws on white: keep charts legible on a light card. */
  figure.chart .chart-static, figure.chart .chart-live { background: #fff; border-radius: 6px; }
}
.toc { columns: 2 280px; padding-left: 1.2em; }
.toc li { margin: 0.15em 0; break-inside: avoid; }
footer { margin-top: 3em; color: var(--muted); font-size: 0.85rem; }
@media print { .chart-live { display: none !important; } .chart-static { display: block !important; } }
`;
