/**
 * The distinct runs a reproduction needs for a params file, planned once and used by everyone who
 * schedules, looks up or trains for them (the run process, the failure path, a paper's training
 * stage). Every claim and control asks for the profile's block with its overrides; each request is
 * validated, and requests whose validated params are equal share one run, keyed by those params,
 * so an override equal to the default shares the default run. Pure and fast: a params mistake is
 * reported before any worker starts loading TensorFlow.
 */
import type { ClaimDef } from '../claims/claim.js';
import { allowedKeysOf, rawSection, validateSection, type ParamsFile } from '../params/load.js';
import { ParamsError, didYouMean } from '../params/errors.js';
import type { AnyReproduction, BaseParams } from '../reproduction/define.js';
import { stableJson } from './stable-json.js';

export type RunParams = BaseParams & Record<string, unknown>;

export interface PlannedRun {
  /** stableJson of the validated params: the run's one identity. */
  key: string;
  params: RunParams;
  /** The overrides of the first request that mapped here; provenance.json records them. */
  overrides: Record<string, unknown>;
  /** "default" or "fitted_rank=3, lambda2=0.5", from `overrides`: the run's name in logs and under series/variants/. */
  label: string;
  /** Every distinct set of overrides (the default's {}, claims', controls') that maps to this run. */
  requests: Record<string, unknown>[];
}

export interface RunPlan {
  /** The profile's block, validated: the default run's params. */
  base: RunParams;
  /** Distinct runs: the default first, the rest in the order claims (each claim, then its control) ask for them. */
  runs: PlannedRun[];
  /** The run a claim's or control's overrides map to (see claimOverrides, controlOverrides). */
  runOf(overrides: Record<string, unknown>): PlannedRun;
}

export function claimOverrides<P>(claim: ClaimDef<P>): Record<string, unknown> {
  return { ...(claim.params ?? {}) };
}

export function controlOverrides<P>(claim: ClaimDef<P>): Record<string, unknown> {
  return { ...(claim.params ?? {}), ...claim.control.params };
}

export function labelOf(overrides: Record<string, unknown>): string {
  const keys = Object.keys(overrides).sort();
  return keys.length ? keys.map((k) => `${k}=${stableJson(overrides[k])}`).join(', ') : 'default';
}

interface Request {
  overrides: Record<string, unknown>;
  /** Ids of the claims whose claim or control asks for these overrides, for error messages. */
  claims: string[];
}

/** Distinct override sets in planning order, each with the claims that ask for it. */
function requestsOf(claims: readonly ClaimDef<unknown>[]): Map<string, Request> {
  const byOverrides = new Map<string, Request>([[stableJson({}), { overrides: {}, claims: [] }]]);
  for (const claim of claims) {
    for (const overrides of [claimOverrides(claim), controlOverrides(claim)]) {
      const key = stableJson(overrides);
      const request = byOverrides.get(key) ?? { overrides, claims: [] };
      if (!request.claims.includes(claim.id)) request.claims.push(claim.id);
      byOverrides.set(key, request);
    }
  }
  return byOverrides;
}

export function planRuns(def: AnyReproduction, params: ParamsFile): RunPlan {
  const prefix = `papers.${def.id}.${params.profile}`;
  const raw = rawSection(params, def.id, []);
  const base = validateSection(def.params, raw, params.file, prefix) as RunParams;
  const allowed = allowedKeysOf(def.params);
  const byRequest = new Map<string, PlannedRun>();
  const byKey = new Map<string, PlannedRun>();
  for (const [requestKey, { overrides, claims }] of requestsOf(def.claims)) {
    const validated = validateRequest(def, overrides, claims, raw, allowed, params.file, prefix);
    const key = stableJson(validated);
    const run = byKey.get(key) ?? { key, params: validated, overrides, label: labelOf(overrides), requests: [] };
    run.requests.push(overrides);
    byKey.set(key, run);
    byRequest.set(requestKey, run);
  }
  const runOf = (overrides: Record<string, unknown>): PlannedRun => {
    const run = byRequest.get(stableJson(overrides));
    if (!run) throw new Error(`planRuns: no run was planned for overrides ${stableJson(overrides)} of ${def.id}; only a claim's or control's overrides are planned`);
    return run;
  };
  return { base, runs: [...byKey.values()], runOf };
}

function validateRequest(def: AnyReproduction, overrides: Record<string, unknown>, claims: string[], raw: Record<string, unknown>, allowed: string[], file: string, prefix: string): RunParams {
  const unknown = Object.keys(overrides).filter((k) => !allowed.includes(k));
  if (unknown.length) {
    throw new ParamsError(`reproductions/${def.id}/index.ts`, unknown.map((k) => `claim ${claims.join(', ')}: override '${k}' is not a param (allowed: ${allowed.join(', ')}).${didYouMean(k, allowed)}`));
  }
  const where = Object.keys(overrides).length === 0 ? prefix : `${prefix} with overrides {${labelOf(overrides)}} of claim ${claims.join(', ')}`;
  return validateSection(def.params, { ...raw, ...overrides }, file, where) as RunParams;
}
