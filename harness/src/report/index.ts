/** The HTML report: offline, reviewer-auditable pages rendered from results/. */
export { buildReport, type BuildReportOptions } from './build.js';
export { renderSvg, sanitizeSvg, offlineLoader, type RenderedChart } from './svg.js';
export { loadResults, normalizeVerdicts, type LoadedReproduction, type LoadedResults } from './load.js';
export { readDvcLock, runStage, type DvcLock, type DvcStage } from './dvc.js';
export { vegaBundle, inlineBundle, cspHash, BUNDLE_PATH, type InlineScript } from './assets.js';
export { CSP, cspFor, GENERATOR } from './templates.js';
export { withoutHrefs } from './chartview.js';
export { escapeHtml, jsonForScript } from './format.js';
