/** Helpers for runner tests: a throwaway copy of the toy project with its own params.yaml. */
import { cpSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURE = fileURLToPath(new URL('../fixtures/project', import.meta.url));

/** A temp project root whose reproductions/ point at the fixture and whose params.yaml is `params`. */
export function toyProject(params?: string): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'repro-toy-'));
  symlinkSync(path.join(FIXTURE, 'reproductions'), path.join(root, 'reproductions'));
  cpSync(path.join(FIXTURE, 'params.yaml'), path.join(root, 'params.yaml'));
  if (params) writeFileSync(path.join(root, 'params.yaml'), params);
  return root;
}
