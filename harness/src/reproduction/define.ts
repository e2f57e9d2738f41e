/**
 * The reproduction contract: one default export per `reproductions/<id>/index.ts`, small and
 * declarative in the spirit of benchopt's Objective/Solver files.
 */
import type { z } from 'zod';
import type { ClaimDef } from '../claims/claim.js';
import type { Recorder } from '../record/recorder.js';
import type { PaperMeta } from '../types.js';

/** Every params schema has `seeds`: how many seeds the claims are decided over. */
export interface BaseParams { seeds: number }

export interface RunContext<P> {
  /** This run's params: the profile's section of params.yaml with the claim's or control's overrides. */
  readonly params: P;
  /**
   * The verdict seeds, e.g. [0, 1, 2, 3, 4] (shifted by `repro verify --seeds`). Choices made after
   * looking at data (learning rates, budgets) are made on `tuningSeeds(n)` instead, never on these.
   */
  readonly seeds: number[];
  readonly record: Recorder;
  readonly profile: string;
  /** The project root (where params.yaml and datasets/ live), for loading DVC-tracked data. */
  readonly root: string;
  /** Report progress of a long loop; printed to stderr at most about once a second. */
  progress(done: number, total: number, label?: string): void;
  log(message: string): void;
}

export interface ReproductionDef<P extends BaseParams> {
  id: string;
  paper: PaperMeta;
  /** zod schema of one profile's section: strict (unknown keys are errors), with ranges. */
  params: z.ZodType<P>;
  run(ctx: RunContext<P>): Promise<void>;
  claims: ClaimDef<P>[];
}

export type AnyReproduction = ReproductionDef<BaseParams & Record<string, unknown>>;

/** Declare a reproduction; checks that claim ids are unique. */
export function defineReproduction<P extends BaseParams>(def: ReproductionDef<P>): ReproductionDef<P> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(def.id)) {
    throw new Error(`reproduction id must be lower-case words joined by '-', got ${JSON.stringify(def.id)}`);
  }
  const seen = new Set<string>();
  for (const c of def.claims) {
    if (seen.has(c.id)) throw new Error(`reproduction '${def.id}': claim id '${c.id}' is declared twice`);
    seen.add(c.id);
  }
  if (def.claims.length === 0) throw new Error(`reproduction '${def.id}' declares no claims`);
  return def;
}
