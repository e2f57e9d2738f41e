/**
 * Lays out results/<id>/ (verdicts.json, metrics.json, provenance.json, series/, and the volatile
 * run-facts.json and timing.json that DVC does not hash) in a temp directory and swaps it in whole. provenance.json
 * records the sha256 of verdicts.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Provenance, RunFacts } from '../types.js';
import { replaceDirectory } from './atomic.js';
import { stringifyResults } from '../results/json.js';
import { sha256Hex } from '../results/hash.js';
import { splitTimed, TIMING_FILE } from '../results/timing.js';
import type { ExecuteOutput, SeriesRows } from './execute.js';

const json = stringifyResults;

/** A label as a file name under series/ (results paths depend on it: keep it stable). */
export function seriesSlug(label: string): string {
  return label.replace(/[^a-zA-Z0-9.=_-]+/g, '_').slice(0, 80);
}

/** The volatile sidecar's name in results/<id>/ (listed in .dvcignore). */
export const RUN_FACTS_FILE = 'run-facts.json';

/** Every run's timed series, named as they would be under series/ (runs other than the default under variants/<label>/, a layout DVC plots and published results rely on). */
function timedSeriesOf(output: ExecuteOutput): SeriesRows {
  const out: SeriesRows = {};
  for (const [index, run] of output.runs.entries()) {
    for (const [name, rows] of Object.entries(run.timedSeries)) out[index === 0 ? seriesSlug(name) : `variants/${seriesSlug(run.run.label)}/${seriesSlug(name)}`] = rows;
  }
  return out;
}

export function writeResults(dir: string, output: ExecuteOutput, provenance: Provenance, facts: RunFacts): void {
  // Times measured here go to the volatile timing.json; verdicts.json keeps their verdicts.
  const { hashed, timing } = splitTimed(output.verdicts, timedSeriesOf(output));
  const verdicts = json(hashed);
  replaceDirectory(dir, (tmp) => {
    writeFileSync(path.join(tmp, 'verdicts.json'), verdicts);
    if (timing) writeFileSync(path.join(tmp, TIMING_FILE), json(timing));
    writeFileSync(path.join(tmp, 'metrics.json'), json(output.metrics));
    // `repro verify` checks verdicts.json against this hash: an edit after the run is caught.
    writeFileSync(path.join(tmp, 'provenance.json'), json({ ...provenance, verdictsSha256: sha256Hex(verdicts) }));
    writeFileSync(path.join(tmp, RUN_FACTS_FILE), json(facts));
    for (const [index, run] of output.runs.entries()) {
      // The default run's series sit at series/<name>.json, where dvc.yaml's plots expect them.
      const folder = index === 0 ? path.join(tmp, 'series') : path.join(tmp, 'series', 'variants', seriesSlug(run.run.label));
      mkdirSync(folder, { recursive: true });
      for (const [name, rows] of Object.entries(run.series)) {
        writeFileSync(path.join(folder, `${seriesSlug(name)}.json`), json(rows));
      }
    }
  });
}
