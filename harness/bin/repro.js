#!/usr/bin/env node
// The `repro` command. In this checkout's root it runs from the esbuild bundle that bundle.js keeps
// fresh (no TypeScript to compile at start-up); anywhere else, or when no bundle can be had, it
// registers tsx so the TypeScript sources run as they are.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CODE_ROOT, bundledEntry } from './bundle.js';

// The project root as harness/src/cli/root.ts finds it: the bundle holds this checkout's papers only.
const projectRoot = path.resolve(process.env.REPRO_ROOT ?? process.cwd());
const entry = projectRoot === CODE_ROOT ? await bundledEntry('cli') : null;
if (entry) {
  await import(pathToFileURL(entry).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
