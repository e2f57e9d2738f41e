/**
 * Where the harness's child processes start, and how a reproduction's module is imported. Run from
 * the sources, a child is a TypeScript file that tsx compiles as it loads. Run from the esbuild
 * bundle that harness/bin/bundle.js keeps fresh, a child is the bundle's entry of the same name and
 * the reproductions come out of the bundle too: the same code, without compiling some three
 * hundred files in every process (about a second of CPU each, four processes per paper).
 */
import { fileURLToPath, pathToFileURL } from 'node:url';

export type ChildName = 'run-process' | 'worker';
type Importer = () => Promise<unknown>;

let bundle: { dir: URL; importers: ReadonlyMap<string, Importer> } | null = null;
let tsxRegistered = false;

/**
 * Called by each bundle entry before it loads the harness: `dir` holds the entries, and
 * `importers` maps each reproduction's index.ts (absolute path) to its chunk.
 */
export function useBundle(dir: URL, importers: Record<string, Importer>): void {
  bundle = { dir, importers: new Map(Object.entries(importers)) };
}

/** The bundle folder this process runs from, or null when it runs the sources through tsx. */
export function bundleFolder(): string | null {
  return bundle ? fileURLToPath(bundle.dir) : null;
}

const SOURCES: Record<ChildName, URL> = {
  'run-process': new URL('./run-process.ts', import.meta.url),
  worker: new URL('./worker.ts', import.meta.url),
};
/** tsx by absolute URL, so a child can start from any working directory. */
const TSX = import.meta.resolve('tsx');

/** The file a child process runs, and the Node flags it needs to run it. */
export function childEntry(name: ChildName): { file: string; execArgv: string[] } {
  if (bundle) return { file: fileURLToPath(new URL(`${name}.mjs`, bundle.dir)), execArgv: [] };
  return { file: fileURLToPath(SOURCES[name]), execArgv: ['--import', TSX] };
}

/**
 * Imports a TypeScript module by absolute path: out of the bundle when it holds it; otherwise
 * (a reproduction the bundle was not built with) through tsx, registered the first time.
 */
export async function importTypeScript(file: string): Promise<unknown> {
  const fromBundle = bundle?.importers.get(file);
  if (fromBundle) return fromBundle();
  if (bundle && !tsxRegistered) {
    const { register } = await import('tsx/esm/api');
    register();
    tsxRegistered = true;
  }
  return import(pathToFileURL(file).href);
}
