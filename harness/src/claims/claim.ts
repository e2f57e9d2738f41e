/**
 * A claim: the sentence of the paper, the check that tests it, why its threshold is what it
 * is, and a negative control under which the same check must not pass.
 */
import type { Verdict } from '../types.js';
import type { Check } from './check.js';

export interface ControlDef<P> {
  /** What to change so that the claim must not hold (merged over the claim's params). */
  params: Partial<P>;
  /** The verdict the control must get (almost always `fail`). */
  expect?: Verdict;
  why: string;
}

export interface ClaimDef<P = Record<string, unknown>> {
  id: string;
  /** The sentence of the paper under test, verbatim. */
  quote: string;
  /** Where the threshold comes from (the paper's wording or theory). Written before any run. */
  why: string;
  check: Check;
  /** The regime this claim is tested in, when it is not the profile's default run. */
  params?: Partial<P>;
  control: ControlDef<P>;
  /** A caveat shown beside the verdict (proxy, scale, report-only). */
  note?: string;
  /**
   * The statistic is a time measured on this machine (CPU or wall clock). Its verdict stays in
   * verdicts.json, which DVC hashes; its numbers go to the volatile timing.json beside it, so that
   * the hashed outputs are the same bytes on any machine that reaches the same verdict.
   */
  timed?: true;
}

const ID = /^[a-z0-9][a-z0-9-]*$/;

/** Declare a claim; rejects at load time what would make the verdict unauditable. */
export function claim<P>(def: ClaimDef<P>): ClaimDef<P> {
  const where = `claim '${def?.id ?? '?'}'`;
  if (typeof def.id !== 'string' || !ID.test(def.id)) {
    throw new Error(`${where}: id must be lower-case words joined by '-', got ${JSON.stringify(def.id)}`);
  }
  for (const key of ['quote', 'why'] as const) {
    if (typeof def[key] !== 'string' || def[key].trim().length < 3) {
      throw new Error(`${where}: '${key}' is required (a sentence); got ${JSON.stringify(def[key])}`);
    }
  }
  if (!def.check || typeof def.check.decide !== 'function' || !def.check.threshold) {
    throw new Error(`${where}: 'check' must be a claim kind with a threshold (see harness/src/claims/kinds)`);
  }
  if (!def.control || typeof def.control !== 'object') {
    throw new Error(`${where}: a negative 'control' is required: { params, expect: 'fail', why }`);
  }
  if (typeof def.control.why !== 'string' || def.control.why.trim().length < 3) {
    throw new Error(`${where}: control.why is required: say why the claim must fail under the control`);
  }
  if (!def.control.params || typeof def.control.params !== 'object') {
    throw new Error(`${where}: control.params is required (the perturbation under which the claim must not hold)`);
  }
  return def;
}
