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
 * Older builds a run may still be using (its CLI loads modules lazily, and a worker that dies under
 * --keep-going is replaced from the build its run started with): a build's folder time is set
 * whenever a command starts from it, the newest few are kept, and any other once it has gone
 * unused for longer than the longest run (repro run --timeout: a day), so that edits do not pile
 * up 3 MB folders.
 */
const KEEP_NEWEST_BUILDS = 8;
const KEEP_UNUSED_BUILD_MS = 26 * 3_600_000;
/** Inputs this close to the build's time are hashed on every check (a coarse clock may hide a later save). */
const RACY_MS = 2000;

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

/** @param {Buffer} bytes */
const digest = (bytes) => createHash('sha256').update(bytes).digest('hex');
/** @param {string} file relative to CODE_ROOT, or absolute */
const sha256 = (file) => digest(fs.readFileSync(path.resolve(CODE_ROOT, file)));

/** @typedef {{ path: string, size: number, mtimeMs: number, sha256: string }} Input */
/**
 * `noPackageJson`: the folders between each source and the root, where a package.json would change
 * how esbuild (not tsx) reads the source (`sideEffects`, `imports`): there must be none.
 * @typedef {{ root: string, builtAt: number, ids: string[], inputs: Input[], noPackageJson: string[] }} Manifest
 */

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
  if (manifest.noPackageJson.some((folder) => fs.existsSync(path.resolve(CODE_ROOT, folder, 'package.json')))) return false;
  for (const input of manifest.inputs) {
    let stat;
    try {
      stat = fs.statSync(path.resolve(CODE_ROOT, input.path));
    } catch {
      return false;
    }
    if (stat.size !== input.size) return false;
    const sameTime = stat.mtimeMs === input.mtimeMs && Math.abs(input.mtimeMs - manifest.builtAt) > RACY_MS;
    if (!sameTime && sha256(input.path) !== input.sha256) return false;
  }
  return true;
}

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

/**
 * esbuild plugin: reads each source as tsx would. `import.meta.url` is the source's own URL, not
 * the chunk's; `./x.js` is x.ts when that exists (tsx's order); and the hash of the bytes read is
 * kept, so the manifest describes exactly what went into the bundle.
 * @param {Map<string, string>} readHashes absolute path -> SHA-256 of the bytes esbuild got
 */
const readAsTsx = (readHashes) => ({
  name: 'read-as-tsx',
  /** @param {import('esbuild').PluginBuild} build */
  setup(build) {
    build.onResolve({ filter: /^\.\.?\/.*\.js$/ }, (args) => {
      const ts = path.resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts'));
      return fs.existsSync(ts) ? { path: ts } : undefined;
    });
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      const bytes = await fs.promises.readFile(args.path);
      readHashes.set(args.path, digest(bytes));
      const url = JSON.stringify(pathToFileURL(args.path).href);
      return { contents: bytes.toString('utf8').replace(/\bimport\.meta\.url\b/g, url), loader: 'ts' };
    });
  },
});

/** Builds into a new folder and makes it `current`; returns the folder, or null if a source changed meanwhile. */
async function build() {
  fs.mkdirSync(CACHE, { recursive: true });
  const dir = fs.mkdtempSync(path.join(CACHE, 'build-'));
  let manifest;
  try {
    manifest = await buildInto(dir);
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  if (!manifest) {
    fs.rmSync(dir, { recursive: true, force: true });
    return null;
  }
  fs.writeFileSync(path.join(dir, MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`);
  const link = path.join(CACHE, `.current-${path.basename(dir)}`);
  fs.symlinkSync(path.basename(dir), link);
  fs.renameSync(link, CURRENT);
  try {
    pruneOldBuilds(dir);
  } catch {
    // Best effort: an old build this user may not delete stays.
  }
  return dir;
}

/**
 * Bundles into `dir`; the manifest of what it read, or null when the bundle cannot be trusted
 * (a source changed while it was read, or a nested package.json would make esbuild read a source
 * differently from tsx).
 * @param {string} dir
 * @returns {Promise<Manifest | null>}
 */
async function buildInto(dir) {
  const esbuild = await import('esbuild');
  const ids = reproductionIds();
  const builtAt = Date.now();
  const before = new Map(BUILD_INPUTS.map((file) => [file, sha256(file)]));
  /** @type {Map<string, string>} */
  const readHashes = new Map();
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
    // The root tsconfig only, as tsx reads it (a nested one would change class-field semantics).
    tsconfig: path.join(CODE_ROOT, 'tsconfig.json'),
    // Names as in the sources (tsx keeps them too): error names and messages must not change.
    keepNames: true,
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'silent',
    plugins: [readAsTsx(readHashes)],
  });
  fs.rmSync(path.join(dir, 'stubs'), { recursive: true });
  const stubs = path.join(dir, 'stubs') + path.sep;
  const sources = Object.keys(result.metafile.inputs)
    .map((input) => path.resolve(CODE_ROOT, input))
    .filter((file) => !file.startsWith(stubs));
  const inputs = [];
  for (const file of [...new Set([...sources, ...BUILD_INPUTS.map((f) => path.join(CODE_ROOT, f))])].sort()) {
    const stat = fs.statSync(file);
    const hash = sha256(file);
    const read = readHashes.get(file) ?? before.get(path.relative(CODE_ROOT, file));
    // Saved while it was read or hashed: this build may hold either version.
    if ((read !== undefined && read !== hash) || fs.statSync(file).mtimeMs !== stat.mtimeMs) return null;
    const relative = path.relative(CODE_ROOT, file);
    inputs.push({ path: relative.startsWith('..') ? file : relative, size: stat.size, mtimeMs: stat.mtimeMs, sha256: hash });
  }
  const noPackageJson = [...new Set(sources.flatMap((file) => foldersUpToRoot(path.dirname(file))))].sort();
  if (noPackageJson.some((folder) => fs.existsSync(path.resolve(CODE_ROOT, folder, 'package.json')))) return null;
  return { root: CODE_ROOT, builtAt, ids, inputs, noPackageJson };
}

/** The folders from `folder` up to (not including) the root, relative to it; none for a folder outside it. */
function foldersUpToRoot(/** @type {string} */ folder) {
  const folders = [];
  for (let f = path.relative(CODE_ROOT, folder); f && !f.startsWith('..') && !path.isAbsolute(f); f = path.dirname(f)) {
    folders.push(f);
    if (path.dirname(f) === '.') break;
  }
  return folders;
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
    if (now - mtimeMs > KEEP_UNUSED_BUILD_MS) fs.rmSync(dir, { recursive: true, force: true });
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
    if (isFresh(current)) {
      try {
        const now = new Date();
        fs.utimesSync(current, now, now);
      } catch {
        // Another user's build: it is used, only its pruning time is not moved.
      }
      return path.join(current, `${name}.mjs`);
    }
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
