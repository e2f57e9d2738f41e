/**
 * A grid of small grayscale images (values in [0, 1], row-major), each drawn as an image
 * mark from a PNG data URL encoded here, with its label underneath.
 */
import type { ChartSpec } from '../types.js';
import { WIDTH, baseSpec } from './encoders.js';
import { grayPngDataUrl } from './png.js';

export interface GridImage {
  label: string;
  width: number;
  height: number;
  pixels: number[];
}

export interface ImageGridOptions {
  title: string;
  images: GridImage[];
  columns?: number;
}

const GAP = 8;
const LABEL_HEIGHT = 16;
const MAX_CELL = 112;
const MIN_CELL = 24;
/** Upscale so each source pixel covers about this many screen pixels at most... */
const TARGET_PNG_SIZE = 112;
/** ...but never encode more than this many pixels per side. */
const MAX_PNG_SIDE = 512;

const okDim = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 1 && v <= 4096;

export function imageGridChart(o: ImageGridOptions): ChartSpec {
  const images = (Array.isArray(o.images) ? o.images : []).filter(
    (im) => im != null && okDim(im.width) && okDim(im.height) && Array.isArray(im.pixels),
  );
  const n = images.length;
  const columns = Math.max(1, Math.min(n || 1, Math.floor(o.columns ?? Math.min(n || 1, 8))));
  const rowsCount = Math.max(1, Math.ceil(n / columns));
  const cell = Math.max(MIN_CELL, Math.min(MAX_CELL, Math.floor((WIDTH - (columns - 1) * GAP) / columns)));
  const aspect = n > 0 ? Math.max(...images.map((im) => Math.floor(im.height) / Math.floor(im.width))) : 1;
  const cellH = Math.max(MIN_CELL / 2, Math.round(cell * Math.min(aspect, 3)));
  const rowStep = cellH + LABEL_HEIGHT + GAP;

  const values = images.map((im, i) => {
    const w = Math.floor(im.width);
    const h = Math.floor(im.height);
    const scale = Math.max(1, Math.min(Math.ceil(TARGET_PNG_SIZE / Math.max(w, h)), Math.floor(MAX_PNG_SIDE / Math.max(w, h))));
    const col = i % columns;
    const row = Math.floor(i / columns);
    return {
      label: String(im.label ?? ''),
      size: `${w}×${h}`,
      url: grayPngDataUrl(im.pixels, w, h, scale),
      px: col * (cell + GAP),
      py: row * rowStep,
      cx: col * (cell + GAP) + cell / 2,
      ly: row * rowStep + cellH + 3,
    };
  });

  const width = columns * cell + (columns - 1) * GAP;
  const height = rowsCount * rowStep - GAP;
  const pos = (field: string) => ({ field, type: 'quantitative', scale: null, axis: null });
  const base = baseSpec({ title: o.title, kind: 'image-grid', width, height });
  return {
    ...base,
    config: { ...(base.config as Record<string, unknown>), view: { stroke: null } },
    data: { values },
    layer: [
      {
        mark: { type: 'image', width: cell, height: cellH, align: 'left', baseline: 'top', aspect: true, aria: false },
        encoding: {
          x: pos('px'),
          y: pos('py'),
          url: { field: 'url', type: 'nominal' },
          tooltip: [
            { field: 'label', type: 'nominal', title: 'image' },
            { field: 'size', type: 'nominal', title: 'size' },
          ],
        },
      },
      {
        mark: { type: 'text', align: 'center', baseline: 'top', fontSize: 11, limit: cell + GAP },
        encoding: { x: pos('cx'), y: pos('ly'), text: { field: 'label', type: 'nominal' } },
      },
    ],
  };
}
