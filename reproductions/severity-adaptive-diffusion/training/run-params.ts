/** The params sets the runner will run for a params file: the training stage trains what they need. */
import { rawSection, readParamsFile, validateSection } from '#harness/params';
import { planVariants, stableJson } from '#harness';
import reproduction from '../index.js';
import type { Params } from '../params.js';

/** Every distinct params set the runner will run, in the runner's order. */
export function runParams(file: string): Params[] {
  const params = readParamsFile(file);
  const raw = rawSection(params, reproduction.id, []);
  const prefix = `papers.${reproduction.id}.${params.profile}`;
  const seen = new Set<string>();
  return planVariants(reproduction.claims).flatMap((v) => {
    const p = validateSection(reproduction.params, { ...raw, ...v.overrides }, file, `${prefix} {${v.label}}`);
    const key = stableJson(p);
    if (seen.has(key)) return [];
    seen.add(key);
    return [p];
  });
}
