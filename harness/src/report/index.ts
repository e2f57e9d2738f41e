/** The HTML report: offline, reviewer-auditable pages rendered from results/. */
export { buildReport, type BuildReportOptions } from './build.js';
export { renderSvg, sanitizeSvg, offlineLoader, type RenderedChart } from './svg.js';
export { loadResults, normalizeVerdicts, type LoadedReproduction, type LoadedResults } from './load.js';
export { readDvcLock, runStage, type DvcLock, type DvcStage } from './dvc.js';
export { vegaBundle, BUNDLE_PATH } from './assets.js';
export { CSP } from './templates.js';
export { escapeHtml, jsonForScript } from './format.js';
