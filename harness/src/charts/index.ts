/** Chart builders: each returns a Vega-Lite v6 spec with inline data. */
export type { ChartBand, XY } from './types.js';
export { LEGEND_ENTRY_LIMIT, seriesChart, type SeriesOptions } from './series.js';
export { intervalChart, type IntervalItem, type IntervalOptions } from './interval.js';
export { pairedChart, type PairedOptions } from './paired.js';
export { perSeedChart, type PerSeedOptions } from './perseed.js';
export { heatmapChart, type HeatmapOptions } from './heatmap.js';
export { imageGridChart, type GridImage, type ImageGridOptions } from './images.js';
export { encodeGrayPng, grayPngDataUrl } from './png.js';
export { MAX_POINTS_PER_GROUP, WIDTH, HEIGHT, chartKind, subsample, type ChartKind } from './encoders.js';
