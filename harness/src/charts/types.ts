/** Inputs shared by the chart builders. */

/** One observation; `group` names its series (e.g. `'seed 3'`). */
export interface XY {
  x: number;
  y: number;
  group?: string;
}

/**
 * A horizontal threshold: a shaded band between `lo` and `hi` when both are given,
 * a single line when only one is.
 */
export interface ChartBand {
  lo?: number;
  hi?: number;
  label: string;
}
