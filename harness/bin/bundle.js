// @ts-check
/**
 * The harness as one esbuild bundle, so that `repro` and the processes it starts load plain
 * JavaScript instead of compiling every TypeScript file through tsx at each start (about a second
 * of CPU per process). The bundle is a cache and never a source of truth:
 *  - it is used only if every file it was built from still has the content it had (size and
 *    modification time first, then a SHA-256 of the content), the reproductions are the same
 *    folders, and this builder, package.json, tsconfig.json and esbuild are unchanged;
 *  - otherwise it is rebuilt (a second or two) into a new folder, and `current` is switched to it
 *    in one rename, so a process still running an older build keeps its files;
 *  - if it cannot be built, the harness runs through tsx as it always did. REPRO_BUNDLE=0 asks
 *    for tsx outright.
 * Each module keeps its own `import.meta.url` (its source file's URL), so files it finds beside
 * itself (templates, package.json, model weights) are found as under tsx.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SELF = fileURLToPath(import.meta.url);
/** The checkout this file belongs to: the code the bundle is built from. */
export const CODE_ROOT = path.resolve(path.dirname(SELF), '..', '..');
const CACHE = path.join(CODE_ROOT, '.cache', 'bundle');
const CURRENT = path.join(CACHE, 'current');
const MANIFEST = 'manifest.json';
/**
 * Older builds a run may still be using (a worker that dies under --keep-going is replaced from
 * the build its run started with): the newest few are kept, and any other once it is an hour old,
 * so that a day of edits does not pile up hundreds of 3 MB folders.
 */
const KEEP_NEWEST_BUILDS = 8;
const KEEP_ANY_BUILD_MS = 3_600_000;

/** The bundle's entries and the source each one starts. */
const ENTRIES = {
  cli: 'harness/src/cli/main.ts',
  'run-process': 'harness/src/runner/run-process.ts',
  worker: 'harness/src/runner/worker.ts',
};
const ENTRIES_MODULE = 'harness/src/runner/entries.ts';
/** Files that shape the build without being imported by it. */
const BUILD_INPUTS = [path.relative(CODE_ROOT, SELF), 'package.json', 'tsconfig.json', 'node_modules/esbuild/package.json'];
/** As harness/src/registry/discover.ts lists them: folders with an index.ts and a valid id. */
const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

function reproductionIds() {
  const dir = path.join(CODE_ROOT, 'reproductions');
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && ID_PATTERN.test(d.name) && fs.existsSync(path.join(dir, d.name, 'index.ts')))
    .map((d) => d.name)
    .sort();
}

/** @param {string} file relative to CODE_ROOT */
function sha256(file) {
  return createHash('sha256').update(fs.readFileSync(path.join(CODE_ROOT, file))).digest('hex');
}

/** @typedef {{ path: string, size: number, mtimeMs: number, sha256: string }} Input */
/** @typedef {{ root: string, ids: string[], inputs: Input[] }} Manifest */

/** @param {string} dir a build folder; true when it was built from exactly the files here now */
function isFresh(dir) {
  /** @type {Manifest} */
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), 'utf8'));
  } catch {
    return false;
  }
  if (manifest.root !== CODE_ROOT || manifest.ids.join('\n') !== reproductionIds().join('\n')) return false;
  for (const input of manifest.inputs) {
    let stat;
    try {
      stat = fs.statSync(path.join(CODE_ROOT, input.path));
    } catch {
      return false;
    }
    if (stat.size !== input.size) return false;
    if (stat.mtimeMs !== input.mtimeMs && sha256(input.path) !== input.sha256) return false;
  }
  return true;
}

/** @param {string} file relative to CODE_ROOT */
const sourceUrl = (file) => JSON.stringify(pathToFileURL(path.join(CODE_ROOT, file)).href);

/** The entry stubs: each hands the bundle's importers to entries.ts, then starts its source. */
function writeStubs(/** @type {string} */ stubs, /** @type {string[]} */ ids) {
  fs.mkdirSync(stubs, { recursive: true });
  const importers = ids.map((id) => {
    const file = path.join(CODE_ROOT, 'reproductions', id, 'index.ts');
    return `  ${JSON.stringify(file)}: () => import(${JSON.stringify(file)}),`;
  });
  fs.writeFileSync(path.join(stubs, 'reproductions.mjs'), `export const importers = {\n${importers.join('\n')}\n};\n`);
  for (const [name, source] of Object.entries(ENTRIES)) {
    fs.writeFileSync(path.join(stubs, `${name}.mjs`), [
      `import { useBundle } from ${JSON.stringify(path.join(CODE_ROOT, ENTRIES_MODULE))};`,
      `import { importers } from './reproductions.mjs';`,
      // As under tsx: stack traces name the TypeScript sources.
      'process.setSourceMapsEnabled(true);',
      `useBundle(new URL('.', import.meta.url), importers);`,
      `await import(${JSON.stringify(path.join(CODE_ROOT, source))});`,
      '',
    ].join('\n'));
  }
}

/** esbuild plugin: `import.meta.url` in a source is that source's URL, not the chunk's. */
const keepSourceUrls = {
  name: 'keep-source-urls',
  /** @param {import('esbuild').PluginBuild} build */
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      const text = await fs.promises.readFile(args.path, 'utf8');
      const file = path.relative(CODE_ROOT, args.path);
      return { contents: text.replace(/\bimport\.meta\.url\b/g, sourceUrl(file)), loader: 'ts' };
    });
  },
};

/** Builds into a new folder and makes it `current`; returns the folder, or null if a source changed meanwhile. */
async function build() {
  fs.mkdirSync(CACHE, { recursive: true });
  const dir = fs.mkdtempSync(path.join(CACHE, 'build-'));
  const ids = reproductionIds();
  const started = Date.now();
  try {
    return await buildInto(dir, ids, started);
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * @param {string} dir
 * @param {string[]} ids
 * @param {number} started
 */
async function buildInto(dir, ids, started) {
  const esbuild = await import('esbuild');
  writeStubs(path.join(dir, 'stubs'), ids);
  const result = await esbuild.build({
    absWorkingDir: CODE_ROOT,
    entryPoints: Object.keys(ENTRIES).map((name) => path.join(dir, 'stubs', `${name}.mjs`)),
    outdir: dir,
    entryNames: '[name]',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    // Names as in the sources (tsx keeps them too): error names and messages must not change.
    keepNames: true,
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'silent',
    plugins: [keepSourceUrls],
  });
  fs.rmSync(path.join(dir, 'stubs'), { recursive: true });
  const sources = Object.keys(result.metafile.inputs)
    .map((input) => path.relative(CODE_ROOT, path.resolve(CODE_ROOT, input)))
    .filter((file) => !file.startsWith('..') && !file.startsWith(path.relative(CODE_ROOT, CACHE)));
  const inputs = [...new Set([...sources, ...BUILD_INPUTS])].sort().map((file) => {
    const stat = fs.statSync(path.join(CODE_ROOT, file));
    return { path: file, size: stat.size, mtimeMs: stat.mtimeMs, sha256: sha256(file) };
  });
  // A source saved while esbuild read it: this build may hold either version, so it is not kept.
  if (inputs.some((input) => input.mtimeMs >= started)) {
    fs.rmSync(dir, { recursive: true, force: true });
    return null;
  }
  /** @type {Manifest} */
  const manifest = { root: CODE_ROOT, ids, inputs };
  fs.writeFileSync(path.join(dir, MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`);
  const link = path.join(CACHE, `.current-${process.pid}`);
  fs.rmSync(link, { force: true });
  fs.symlinkSync(path.basename(dir), link);
  fs.renameSync(link, CURRENT);
  pruneOldBuilds(dir);
  return dir;
}

function pruneOldBuilds(/** @type {string} */ keep) {
  const now = Date.now();
  const builds = fs.readdirSync(CACHE)
    .filter((name) => name.startsWith('build-') && path.join(CACHE, name) !== keep)
    .flatMap((name) => {
      try {
        return [{ dir: path.join(CACHE, name), mtimeMs: fs.statSync(path.join(CACHE, name)).mtimeMs }];
      } catch {
        return []; // Another process pruned it first.
      }
    })
    .sort((a, b) => b.mtimeMs - a.mtimeMs);
  for (const { dir, mtimeMs } of builds.slice(KEEP_NEWEST_BUILDS - 1)) {
    if (now - mtimeMs > KEEP_ANY_BUILD_MS) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The file of a fresh bundle's entry (`cli`, `run-process` or `worker`), building the bundle if
 * it is missing or stale; null when it cannot be had (the caller then runs through tsx).
 * @param {keyof typeof ENTRIES} name
 * @returns {Promise<string | null>}
 */
export async function bundledEntry(name) {
  if (process.env.REPRO_BUNDLE === '0') return null;
  try {
    const current = fs.realpathSync(CURRENT);
    if (isFresh(current)) return path.join(current, `${name}.mjs`);
  } catch {
    // No bundle yet.
  }
  try {
    const dir = await build();
    return dir ? path.join(dir, `${name}.mjs`) : null;
  } catch (error) {
    if (process.env.REPRO_BUNDLE_DEBUG) console.error(error);
    return null;
  }
}
