/**
 * Loading params.yaml: `profile` and one section per paper, each profile's block validated
 * against the reproduction's schema before any work starts.
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { ParamsError, describeValue, didYouMean, formatIssues } from './errors.js';

export const PROFILES = ['smoke', 'paper'] as const;
export type Profile = (typeof PROFILES)[number];

export interface ParamsFile {
  file: string;
  profile: Profile;
  papers: Record<string, unknown>;
}

/** Parse params.yaml, reporting YAML syntax errors with line and column. */
export function readParamsFile(file: string, text = readFileSync(file, 'utf8')): ParamsFile {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ParamsError(file, doc.errors.map((e) => {
      const pos = e.linePos?.[0];
      return `${pos ? `line ${pos.line}, column ${pos.col}: ` : ''}YAML syntax error: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`;
    }));
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // e.g. an alias used before its anchor, or an alias bomb: still a mistake in the file.
    throw new ParamsError(file, [`YAML error: ${(error as Error).message.split('\n')[0]}`]);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new ParamsError(file, [`the top level must be a mapping with 'profile' and 'papers'; got ${describeValue(data)}`]);
  }
  const top = data as Record<string, unknown>;
  const problems: string[] = [];
  if (!PROFILES.includes(top.profile as Profile)) {
    problems.push(`profile: got ${describeValue(top.profile)}; expected one of ${PROFILES.map((p) => `"${p}"`).join(', ')}.${typeof top.profile === 'string' ? didYouMean(top.profile, PROFILES) : ''}`);
  }
  if (!top.papers || typeof top.papers !== 'object' || Array.isArray(top.papers)) {
    problems.push(`papers: got ${describeValue(top.papers)}; expected a mapping from reproduction id to its params`);
  }
  if (problems.length) throw new ParamsError(file, problems);
  return { file, profile: top.profile as Profile, papers: top.papers as Record<string, unknown> };
}

/** The raw block `papers.<id>.<profile>`, or an error naming what is missing. */
export function rawSection(params: ParamsFile, id: string, knownIds: readonly string[], profile: Profile = params.profile): Record<string, unknown> {
  const section = params.papers[id];
  if (section === undefined) {
    throw new ParamsError(params.file, [`papers.${id}: missing section for reproduction '${id}' (sections present: ${Object.keys(params.papers).join(', ') || 'none'})`]);
  }
  if (!section || typeof section !== 'object' || Array.isArray(section)) {
    throw new ParamsError(params.file, [`papers.${id}: got ${describeValue(section)}; expected a mapping with one block per profile (${PROFILES.join(', ')})`]);
  }
  const unknown = Object.keys(section).filter((k) => !PROFILES.includes(k as Profile));
  if (unknown.length) {
    throw new ParamsError(params.file, unknown.map((k) => `papers.${id}.${k}: unknown key (allowed: ${PROFILES.join(', ')}).${didYouMean(k, PROFILES)}`));
  }
  const block = (section as Record<string, unknown>)[profile];
  if (!block || typeof block !== 'object' || Array.isArray(block)) {
    throw new ParamsError(params.file, [`papers.${id}.${profile}: got ${describeValue(block)}; expected the params mapping of the '${profile}' profile`]);
  }
  void knownIds;
  return block as Record<string, unknown>;
}

/** Validate a block against a schema; the error lists every bad key at once. */
export function validateSection<P>(schema: z.ZodType<P>, raw: unknown, file: string, prefix: string): P {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  throw new ParamsError(file, formatIssues(result.error.issues, raw, prefix, allowedKeysOf(schema)));
}

export function allowedKeysOf(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}
