/**
 * The one script of the report's pages: vega, vega-lite and vega-embed's minified UMD builds from
 * node_modules, followed by the small script that swaps each static SVG for its interactive
 * version. It is inlined in every page that has charts, and the page's Content-Security-Policy
 * allows exactly that script by its sha256 (no `file:`, no 'self'): no other file, local or
 * remote, can run as a script in a page. Nothing is fetched at view time.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { installedPackageDir, packageFile } from './packages.js';

/** Where earlier versions wrote the bundle as a file; a build removes it (pages inline it now). */
export const BUNDLE_PATH = 'assets/vega-bundle.js';

export interface InlineScript {
  /** The script's text, exactly as it goes between <script> and </script>. */
  text: string;
  /** The CSP source that allows it: 'sha256-<base64>'. */
  source: string;
}

/** The CSP hash source of an inline script's exact text. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The bundle as an inline script, with its hash. Refuses text that would end the element early. */
export async function inlineBundle(): Promise<InlineScript> {
  const text = await vegaBundle();
  if (/<\/script|<!--/i.test(text)) throw new Error('the chart bundle contains </script or <!--: it cannot be inlined safely');
  return { text, source: cspHash(text) };
}

/** UMD builds in load order: vega-lite needs the `vega` global, vega-embed both. */
const LIBRARIES: { name: string; file: string }[] = [
  { name: 'vega', file: 'build/vega.min.js' },
  { name: 'vega-lite', file: 'build/vega-lite.min.js' },
  { name: 'vega-embed', file: 'build/vega-embed.min.js' },
];

/**
 * Progressive enhancement, run once the page above it is parsed (the script is the last element of `<body>`):
 * each `[data-chart]` figure holds a static SVG and its Vega-Lite spec as JSON; when
 * vega-embed renders the spec, the interactive view replaces the SVG. Expressions are
 * interpreted (`ast: true`), not compiled with `Function`, and the loader refuses every
 * URL but inline images, so the page needs no 'unsafe-eval' and makes no request.
 */
export const ENHANCE_SCRIPT = `
;(function () {
  'use strict';
  var embed = typeof window !== 'undefined' ? window.vegaEmbed : undefined;
  if (typeof embed !== 'function' || typeof document === 'undefined') return;
  var vega = embed.vega || window.vega;
  var refuse = function (uri) { return Promise.reject(new Error('offline report, not loading ' + uri)); };
  var loader = vega.loader();
  loader.load = refuse;
  loader.http = refuse;
  loader.file = refuse;
  loader.sanitize = function (uri) {
    return /^data:image\\/(png|jpeg|gif|webp);base64,/.test(String(uri)) ? Promise.resolve({ href: String(uri) }) : refuse(uri);
  };
  var figures = document.querySelectorAll('[data-chart]');
  Array.prototype.forEach.call(figures, function (figure) {
    var source = figure.querySelector('script[type="application/json"]');
    var live = figure.querySelector('.chart-live');
    var still = figure.querySelector('.chart-static');
    if (!source || !live) return;
    var spec;
    try { spec = JSON.parse(source.textContent || 'null'); } catch (e) { return; }
    if (!spec || typeof spec !== 'object') return;
    embed(live, spec, { mode: 'vega-lite', actions: false, renderer: 'svg', ast: true, loader: loader, tooltip: { theme: 'light' } })
      .then(function () {
        // The drawn SVG carries the same text alternative as the static one.
        var drawn = live.querySelector('svg');
        if (drawn && figure.getAttribute('data-alt')) { drawn.setAttribute('role', 'img'); drawn.setAttribute('aria-label', figure.getAttribute('data-alt')); }
        live.hidden = false;
        if (still) still.hidden = true;
        figure.classList.add('is-live');
      })
      .catch(function (err) {
        live.hidden = true;
        if (window.console) window.console.warn('chart left static:', err);
      });
  });
})();
`;

async function version(name: string): Promise<string> {
  try {
    const pkg = JSON.parse(await readFile(`${installedPackageDir(name)}/package.json`, 'utf8')) as { version?: string };
    return pkg.version ?? '?';
  } catch {
    return '?';
  }
}

/** The bundle's text: the three libraries (source-map comments removed) then the enhancer. */
export async function vegaBundle(): Promise<string> {
  const parts: string[] = [
    '/* Offline chart runtime of the reproduction report. Libraries are copied verbatim from',
    ' * node_modules (each under its own licence, BSD-3-Clause); see their packages for sources. */',
  ];
  for (const lib of LIBRARIES) {
    const text = await readFile(packageFile(lib.name, lib.file), 'utf8');
    parts.push(`\n/* ---- ${lib.name} ${await version(lib.name)} (${lib.file}) ---- */`);
    parts.push(text.replace(/^\/\/[#@] sourceMappingURL=.*$/gm, '').trimEnd());
    parts.push(';');
  }
  parts.push('\n/* ---- report: static SVG -> interactive view ---- */');
  parts.push(ENHANCE_SCRIPT);
  return parts.join('\n');
}
