/**
 * Discovers reproductions: every `reproductions/<id>/index.ts` whose default export is a
 * reproduction. Ids are validated before any path is built from them.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { AnyReproduction } from '../reproduction/define.js';
import { didYouMean } from '../params/errors.js';
import { UserError } from '../errors.js';
import { importTypeScript } from '../runner/entries.js';

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

export function reproductionsDir(root: string): string {
  return path.join(root, 'reproductions');
}

/** Ids of the folders that hold an index.ts, sorted. */
export function listIds(root: string): string[] {
  const dir = reproductionsDir(root);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && ID_PATTERN.test(d.name) && existsSync(path.join(dir, d.name, 'index.ts')))
    .map((d) => d.name)
    .sort();
}

export class UnknownReproductionError extends UserError {}

/** Check an id from the command line: the pattern first (no `../x`), then existence. */
export function assertKnownId(root: string, id: string): void {
  const ids = listIds(root);
  if (!ID_PATTERN.test(id)) {
    throw new UnknownReproductionError(`reproduction id ${JSON.stringify(id)} is not valid: ids are lower-case letters, digits and '-' (valid ids: ${ids.join(', ')})`);
  }
  if (!ids.includes(id)) {
    throw new UnknownReproductionError(`unknown reproduction '${id}'.${didYouMean(id, ids)} Valid ids: ${ids.join(', ') || 'none'}`);
  }
}

/** Import a reproduction's definition and check that it is one. */
export async function loadReproduction(root: string, id: string): Promise<AnyReproduction> {
  assertKnownId(root, id);
  const file = path.join(reproductionsDir(root), id, 'index.ts');
  const mod = (await importTypeScript(file)) as { default?: AnyReproduction };
  const def = mod.default;
  if (!def || typeof def.run !== 'function' || !Array.isArray(def.claims)) {
    throw new Error(`${path.relative(root, file)}: the default export must be defineReproduction({ ... })`);
  }
  if (def.id !== id) {
    throw new Error(`${path.relative(root, file)}: declares id '${def.id}' but lives in folder '${id}'`);
  }
  return def;
}
