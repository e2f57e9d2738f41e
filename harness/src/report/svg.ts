/**
 * Static SVG rendering of Vega-Lite specs in Node (no DOM, no canvas), offline, and a
 * sanitiser for the result so that it can be inlined in a page as-is.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { ChartSpec } from '../types.js';

export interface RenderedChart {
  svg: string;
  warnings: string[];
}

/** A Vega logger that collects warnings instead of printing them. */
function collectingLogger(warnings: string[]): vega.LoggerInterface {
  let level = vega.Warn;
  const logger: vega.LoggerInterface = {
    level(l?: number) {
      if (l === undefined) return level as never;
      level = l;
      return logger as never;
    },
    error(...args: readonly unknown[]) {
      warnings.push(`error: ${args.map(String).join(' ')}`);
      return logger;
    },
    warn(...args: readonly unknown[]) {
      warnings.push(args.map(String).join(' '));
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  } as vega.LoggerInterface;
  return logger;
}

const DATA_IMAGE = /^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=]*$/;

/**
 * A loader that never touches the network or the file system: charts must carry their
 * data inline; only `data:image/...` URLs (image marks) are let through.
 */
export function offlineLoader(): vega.Loader {
  const base = vega.loader();
  const refuse = (uri: string) => Promise.reject(new Error(`external resource refused (report is offline): ${uri}`));
  base.load = refuse as vega.Loader['load'];
  base.http = refuse as vega.Loader['http'];
  base.file = refuse as vega.Loader['file'];
  base.sanitize = ((uri: string) =>
    DATA_IMAGE.test(String(uri)) ? Promise.resolve({ href: String(uri) }) : refuse(String(uri))) as vega.Loader['sanitize'];
  return base;
}

/**
 * Make vega's SVG safe to inline: no links, no scripts or foreign content, and no
 * reference to anything but inline `data:image` URLs. Vega already escapes text and
 * attribute values, so attribute-level regexes are reliable here.
 */
export function sanitizeSvg(svg: string): string {
  if (/<\s*(script|foreignObject|iframe|object|embed|style)\b/i.test(svg)) {
    throw new Error('rendered SVG contains a forbidden element');
  }
  let out = svg.replace(/<a\b[^>]*>/gi, '').replace(/<\/a\s*>/gi, '');
  // href / xlink:href must be inline images; anything else is dropped.
  out = out.replace(/\s(xlink:href|href)="([^"]*)"/gi, (m, _name: string, value: string) =>
    DATA_IMAGE.test(value) ? m : '',
  );
  // No event handler attributes (vega emits none; belt and braces).
  out = out.replace(/\son[a-z]+="[^"]*"/gi, '');
  return out;
}

/**
 * Shrink the static SVG without changing what it shows: drop fully transparent items
 * (hover targets for tooltips, useless without scripts) and round coordinates to 0.01 px.
 */
export function compactSvg(svg: string): string {
  return svg
    .replace(/<path\b[^>]*\sopacity="0"[^>]*\/>/g, '')
    .replace(/\s(d|transform|points)="([^"]*)"/g, (_m, name: string, value: string) =>
      ` ${name}="${value.replace(/-?\d+\.\d{3,}(e-?\d+)?/g, (n) => String(Math.round(Number(n) * 100) / 100))}"`,
    );
}

/** Compile a Vega-Lite spec and render it to a static, sanitised SVG string. */
export async function renderSvg(spec: ChartSpec): Promise<RenderedChart> {
  const warnings: string[] = [];
  const logger = collectingLogger(warnings);
  const vg = compile(spec as unknown as TopLevelSpec, { logger }).spec;
  const view = new vega.View(vega.parse(vg), {
    renderer: 'none',
    loader: offlineLoader(),
    logger,
    logLevel: vega.Warn,
  });
  try {
    const svg = await view.toSVG();
    return { svg: compactSvg(sanitizeSvg(svg)), warnings };
  } finally {
    view.finalize();
  }
}
