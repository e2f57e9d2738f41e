/** Locating installed packages' files (their `exports` maps hide build/ and JSON files). */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

/**
 * The directory of an installed package: the first `node_modules/<name>` found walking up
 * from `from` (default: this module's directory, then the working directory).
 */
export function installedPackageDir(name: string, from?: string): string {
  const starts = [from, HERE, process.cwd()].filter((s): s is string => typeof s === 'string');
  for (const start of starts) {
    let dir = resolve(start);
    for (;;) {
      const candidate = join(dir, 'node_modules', name);
      if (existsSync(join(candidate, 'package.json'))) return candidate;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error(`package not found: ${name} (looked upwards from ${starts.join(', ')})`);
}

/** A file inside an installed package, e.g. `packageFile('vega', 'build/vega.min.js')`. */
export function packageFile(name: string, file: string, from?: string): string {
  const path = join(installedPackageDir(name, from), file);
  if (!existsSync(path)) throw new Error(`file not found in package ${name}: ${file}`);
  return path;
}
