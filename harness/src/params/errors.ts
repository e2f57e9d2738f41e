/**
 * Params errors that say where (file, key path), what was given and what is allowed, in the
 * tone of execa's option errors. Thrown before any work starts.
 */
import type { z } from 'zod';
import { UserError } from '../errors.js';

export class ParamsError extends UserError {
  constructor(readonly file: string, readonly problems: string[]) {
    super(`${file}: invalid params\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ParamsError';
  }
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  // NaN and ±Infinity are named as such (JSON would print them as null), also inside lists and maps.
  const marked = new Map<string, string>();
  const json = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v !== 'number' || Number.isFinite(v)) return v;
    const mark = `\u0000${marked.size}\u0000`;
    marked.set(JSON.stringify(mark), String(v));
    return mark;
  })?.replace(/"\\u0000\d+\\u0000"/g, (m) => marked.get(m) ?? m);
  const shown = json && json.length > 60 ? `${json.slice(0, 57)}...` : json;
  return `${shown} (${Array.isArray(value) ? 'list' : typeof value})`;
}

export function keyPath(prefix: string, path: readonly PropertyKey[]): string {
  return [prefix, ...path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))].filter(Boolean).join('.').replace(/\.\[/g, '[');
}

function at(value: unknown, path: readonly PropertyKey[]): unknown {
  let cur = value;
  for (const p of path) cur = cur && typeof cur === 'object' ? (cur as Record<PropertyKey, unknown>)[p] : undefined;
  return cur;
}

/** Levenshtein distance, for did-you-mean on unknown keys. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

export function didYouMean(given: string, allowed: readonly string[]): string {
  const best = allowed
    .map((name) => ({ name, d: editDistance(given.toLowerCase(), name.toLowerCase()) }))
    .sort((x, y) => x.d - y.d)[0];
  return best && best.d <= Math.max(2, Math.floor(given.length / 3)) ? ` Did you mean '${best.name}'?` : '';
}

function expectation(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected === 'int' ? 'an integer' : `a ${issue.expected}`}`;
    case 'too_small':
      return `expected ${issue.origin === 'array' ? 'a list of length ' : ''}${issue.inclusive ? '≥' : '>'} ${issue.minimum}`;
    case 'too_big':
      return `expected ${issue.origin === 'array' ? 'a list of length ' : ''}${issue.inclusive ? '≤' : '<'} ${issue.maximum}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return issue.message;
  }
}

/** Turn zod issues into one line each: `key.path: got X; expected Y`. */
export function formatIssues(issues: readonly z.core.$ZodIssue[], raw: unknown, prefix: string, allowedKeys: readonly string[]): string[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((k) => {
        const container = issue.path.length ? keyPath(prefix, issue.path) : prefix;
        return `${keyPath(container, [k])}: unknown key (allowed: ${allowedKeys.join(', ')}).${didYouMean(k, allowedKeys)}`;
      });
    }
    return [`${keyPath(prefix, issue.path)}: got ${describeValue(at(raw, issue.path))}; ${expectation(issue)}`];
  });
}
