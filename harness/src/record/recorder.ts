/**
 * The API experiments use to record what they measured. Claims never see the experiment,
 * only this record, so everything a verdict rests on is something a reviewer can download.
 */
import type { FigureResult } from '../types.js';

export interface SeriesData { seed: number | null; x: number[]; y: number[] }
export interface ScalarData { seed: number | null; value: number }
export interface SeedTag { seed?: number }
/**
 * `timed`: the curve holds times measured on this machine. It is kept out of the hashed series/
 * folder and written to the volatile timing.json instead (results/timing.ts), like timed claims.
 */
export interface SeriesTag extends SeedTag { timed?: true }

type JsonNumber = number | string;
export interface RecordJson {
  series: [string, { seed: number | null; x: JsonNumber[]; y: JsonNumber[] }[]][];
  scalars: [string, { seed: number | null; value: JsonNumber }[]][];
  figures: FigureResult[];
  /** Names of the series that hold times measured on this machine. */
  timed?: string[];
}

export interface RecordView {
  /** Every recorded curve called `name`, one per seed (in recording order). */
  series(name: string): SeriesData[];
  /** Every value recorded as `name`, one per seed (or one with seed null). */
  scalars(name: string): ScalarData[];
  names(): { series: string[]; scalars: string[] };
  /** The series recorded with `timed: true`. */
  timedSeries(): string[];
}

/** Collects series, scalars and extra figures during one run of an experiment. */
export class Recorder implements RecordView {
  readonly #series = new Map<string, Map<number | null, SeriesData>>();
  readonly #scalars = new Map<string, ScalarData[]>();
  readonly figures: FigureResult[] = [];
  readonly #timed = new Set<string>();

  /** Append one point (x, y) to the curve `name` of a seed. */
  point(name: string, x: number, y: number, tag: SeriesTag = {}): void {
    const curve = this.#curve(name, tag);
    curve.x.push(x);
    curve.y.push(y);
  }

  /** Record a whole curve at once (appends when the curve already exists). */
  curve(name: string, x: ArrayLike<number>, y: ArrayLike<number>, tag: SeriesTag = {}): void {
    if (x.length !== y.length) {
      throw new Error(`record.curve('${name}'): x has ${x.length} points but y has ${y.length}`);
    }
    const curve = this.#curve(name, tag);
    for (let i = 0; i < x.length; i++) {
      curve.x.push(x[i]);
      curve.y.push(y[i]);
    }
  }

  /** Record one number, per seed when tagged. */
  scalar(name: string, value: number, tag: SeedTag = {}): void {
    const list = this.#scalars.get(name) ?? [];
    list.push({ seed: tag.seed ?? null, value });
    this.#scalars.set(name, list);
  }

  /** Contribute an extra figure (image grid, heat map) to the report. */
  figure(figure: FigureResult): void {
    this.figures.push(figure);
  }

  series(name: string): SeriesData[] {
    return [...(this.#series.get(name)?.values() ?? [])];
  }

  scalars(name: string): ScalarData[] {
    return [...(this.#scalars.get(name) ?? [])];
  }

  names(): { series: string[]; scalars: string[] } {
    return { series: [...this.#series.keys()], scalars: [...this.#scalars.keys()] };
  }

  timedSeries(): string[] {
    return [...this.#timed];
  }

  /** Plain data, to carry a record across processes (NaN and ±Infinity kept as strings). */
  toJSON(): RecordJson {
    const num = (v: number) => (Number.isFinite(v) ? v : String(v));
    return {
      series: [...this.#series].map(([name, bySeed]) => [name, [...bySeed.values()].map((c) => ({ seed: c.seed, x: c.x.map(num), y: c.y.map(num) }))]),
      scalars: [...this.#scalars].map(([name, list]) => [name, list.map((v) => ({ seed: v.seed, value: num(v.value) }))]),
      figures: this.figures,
      ...(this.#timed.size ? { timed: [...this.#timed] } : {}),
    };
  }

  static fromJSON(json: RecordJson): Recorder {
    const num = (v: number | string) => (typeof v === 'number' ? v : Number(v));
    const r = new Recorder();
    const timed = new Set(json.timed ?? []);
    for (const [name, curves] of json.series) {
      for (const c of curves) r.curve(name, c.x.map(num), c.y.map(num), { ...(c.seed === null ? {} : { seed: c.seed }), ...(timed.has(name) ? { timed: true as const } : {}) });
    }
    for (const [name, list] of json.scalars) for (const v of list) r.scalar(name, num(v.value), v.seed === null ? {} : { seed: v.seed });
    for (const f of json.figures) r.figure(f);
    return r;
  }

  #curve(name: string, tag: SeriesTag): SeriesData {
    const seed = tag.seed ?? null;
    if (tag.timed) this.#timed.add(name);
    let bySeed = this.#series.get(name);
    if (!bySeed) this.#series.set(name, (bySeed = new Map()));
    let curve = bySeed.get(seed);
    if (!curve) bySeed.set(seed, (curve = { seed, x: [], y: [] }));
    return curve;
  }
}

/** Rows for DVC plots: one object per point, the seed as a column. */
export function seriesRows(view: RecordView, name: string): { x: number; y: number; seed: string }[] {
  return view.series(name).flatMap((curve) =>
    curve.x.map((x, i) => ({ x, y: curve.y[i], seed: curve.seed === null ? 'all' : String(curve.seed) })),
  );
}
