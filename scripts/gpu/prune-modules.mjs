#!/usr/bin/env node
/**
 * Copies into DEST/node_modules what the webgpu path needs on a GPU machine: `repro doctor`,
 * `repro run` on the webgpu backend and the bench's matmul child, run through tsx. Used by
 * scripts/gpu/build-bundle.sh (make gpu-bundle).
 *
 *   node scripts/gpu/prune-modules.mjs DEST
 *
 * The roots are the packages those commands open (found by tracing them with strace on this
 * machine); their `dependencies` are followed. Pruned: TensorFlow.js packages keep only their
 * package.json and the Node build their "main" names (the browser/ESM bundles and source maps are
 * 90% of their size); dawn.node is kept for linux-x64 only; esbuild keeps its linux-x64 binary
 * only; type declarations, source maps and docs go everywhere. Packages only the tfjs union's
 * command-line tools use (argparse, chalk, core-js, regenerator-runtime, yargs) are left out.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const [dest] = process.argv.slice(2);
if (!dest) {
  console.error('usage: node scripts/gpu/prune-modules.mjs DEST');
  process.exit(2);
}
const ROOT = process.cwd();
const NM = path.join(ROOT, 'node_modules');
if (process.arch !== 'x64' || process.platform !== 'linux') {
  console.error(`prune-modules: the bundle is for linux-x64 GPU machines; this is ${process.platform}-${process.arch}`);
  process.exit(2);
}

const ROOTS = [
  '@tensorflow/tfjs', '@tensorflow/tfjs-core', '@tensorflow/tfjs-backend-cpu', '@tensorflow/tfjs-backend-webgpu',
  'webgpu', 'tsx', '@esbuild/linux-x64', 'zod', 'yaml', 'execa', 'tinybench',
];
const LEFT_OUT = new Set(['argparse', 'chalk', 'core-js', 'regenerator-runtime', 'yargs', 'debug', 'fsevents']);
const isTypesOnly = (name) => name.startsWith('@types/') || name === '@webgpu/types';

/** Where `name` resolves from package folder `from` (nested node_modules first, then hoisted). */
function resolvePkg(name, from) {
  let dir = from;
  while (dir.startsWith(NM)) {
    const c = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(c, 'package.json'))) return c;
    dir = path.dirname(dir);
  }
  const top = path.join(NM, name);
  return existsSync(path.join(top, 'package.json')) ? top : null;
}

const chosen = new Map(); // absolute package dir -> name
const queue = ROOTS.map((name) => [name, NM]);
while (queue.length) {
  const [name, from] = queue.shift();
  if (LEFT_OUT.has(name) || isTypesOnly(name)) continue;
  const dir = resolvePkg(name, from);
  if (dir === null) throw new Error(`prune-modules: ${name} (needed by ${path.relative(ROOT, from) || 'the roots'}) is not installed; run npm ci`);
  if (chosen.has(dir)) continue;
  chosen.set(dir, name);
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  for (const dep of Object.keys(pkg.dependencies ?? {})) queue.push([dep, dir]);
}

const DROP = /(\.map|\.d\.ts|\.d\.cts|\.d\.mts|\.md|\.markdown|\.tsbuildinfo)$/i;
let files = 0;
let bytes = 0;
function copyFile(src) {
  const to = path.join(dest, path.relative(ROOT, src));
  mkdirSync(path.dirname(to), { recursive: true });
  cpSync(src, to, { dereference: true });
  files += 1;
  bytes += statSync(src).size;
}
function copyTree(dir, keep = () => true) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules') continue; // nested packages are chosen on their own
      copyTree(p, keep);
    } else if (!DROP.test(entry.name) && keep(p)) copyFile(p);
  }
}

for (const [dir, name] of chosen) {
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  if (name.startsWith('@tensorflow/')) {
    copyFile(path.join(dir, 'package.json'));
    copyFile(path.join(dir, pkg.main));
  } else if (name === 'webgpu') {
    for (const f of ['package.json', 'index.js', 'LICENSE.md']) if (existsSync(path.join(dir, f))) copyFile(path.join(dir, f));
    copyTree(path.join(dir, 'dist', 'linux-x64'));
  } else {
    copyTree(dir);
  }
}
console.error(`prune-modules: ${chosen.size} packages, ${files} files, ${(bytes / 2 ** 20).toFixed(1)} MiB into ${dest}/node_modules`);
