/**
 * The run@<id> stages depend on the code a run executes, and only on it: every harness source a
 * run imports or reads by path (the run process, its worker processes, every paper's non-test
 * code) is under one of the stage's deps, and the report, CLI, verify and benchmark code is not.
 * The report stage likewise depends on what `repro report` imports and reads (templates, styles).
 */
import test from 'ava';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './clone.js';

// Papers reach the harness through package.json's `imports` (`#harness`, `#harness/tf`, ...).
const IMPORT_MAP = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { imports: Record<string, string> }).imports;

/** A relative or `#` specifier as a .ts path; a `#` name the map lacks is an error, not a silent miss. */
function resolveSpecifier(from: string, specifier: string): string {
  if (specifier.startsWith('#')) {
    if (IMPORT_MAP[specifier] === undefined) throw new Error(`${from}: ${specifier} is not in package.json's imports`);
    return path.join(ROOT, IMPORT_MAP[specifier]);
  }
  return path.resolve(path.dirname(from), specifier.replace(/\.js$/, '.ts'));
}

/** Relative and `#` imports of a TypeScript file, resolved to .ts files (static and dynamic imports, re-exports). */
function importsOf(file: string, { skipTypeOnly = false } = {}): string[] {
  const text = readFileSync(file, 'utf8');
  const source = skipTypeOnly ? text.replace(/^import type .*$/gm, '') : text;
  const found: string[] = [];
  for (const m of source.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([.#][^'"]+)['"]|import\(\s*['"]([.#][^'"]+)['"]\s*\)|^import\s+['"]([.#][^'"]+)['"]/gm)) {
    const target = resolveSpecifier(file, m[1] ?? m[2] ?? m[3]);
    if (existsSync(target) && statSync(target).isFile()) found.push(target);
  }
  // Files the code reads or spawns by path (`new URL('./templates/', import.meta.url)`): templates,
  // styles, worker entries. A folder stands for everything in it.
  for (const m of source.matchAll(/new URL\(\s*['"](\.[^'"]*)['"]\s*,\s*import\.meta\.url\s*\)/g)) {
    const target = path.resolve(path.dirname(file), m[1]);
    if (existsSync(target)) found.push(target);
  }
  return found;
}

function closure(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...entries];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (file.endsWith('.ts')) stack.push(...importsOf(file));
  }
  return seen;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'test' ? [] : sources(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

const stage = (parse(readFileSync(path.join(ROOT, 'dvc.yaml'), 'utf8')) as { stages: Record<string, { do?: { deps: string[] } }> }).stages.run.do!;
const covered = (rel: string) => stage.deps.some((d) => rel === d || rel.startsWith(`${d}/`));

test('every harness source a run imports is under a dep of run@<id>', (t) => {
  const entries = [
    path.join(ROOT, 'harness/src/runner/run-process.ts'),
    path.join(ROOT, 'harness/src/runner/worker.ts'),
    ...sources(path.join(ROOT, 'reproductions')),
  ];
  const harness = [...closure(entries)].map((f) => path.relative(ROOT, f)).filter((f) => f.startsWith('harness/src/'));
  t.true(harness.length > 50, `only ${harness.length} harness files found: the import scan is broken`);
  t.true(harness.includes('harness/src/claims/index.ts') || harness.some((f) => f.startsWith('harness/src/claims/')));
  const missing = harness.filter((f) => !covered(f));
  t.deepEqual(missing, [], `dvc.yaml stage run: add these to deps (a change to them can change results): ${missing.join(', ')}`);
  t.true(stage.deps.includes('package.json'), 'papers resolve #harness through package.json\'s imports: it is a dep of run@<id>');
  t.true(stage.deps.includes('harness/bin/bundle.js'), 'runs execute the bundle that harness/bin/bundle.js builds: it is a dep of run@<id>');
});

test('a change to the report, the CLI, verify or the benchmarks does not rerun the papers', (t) => {
  for (const code of ['harness/src/report/build.ts', 'harness/src/cli/run.ts', 'harness/src/cli/main.ts', 'harness/src/verify/compare.ts', 'bench/main.ts', 'harness/bin/repro.js']) {
    t.true(existsSync(path.join(ROOT, code)), `${code} exists`);
    t.false(covered(code), `${code} is a dep of run@<id>`);
  }
  t.false(stage.deps.includes('harness/src'), 'run@<id> depends on all of harness/src');
});

test('the report stage depends on the code `repro report` executes', (t) => {
  const report = (parse(readFileSync(path.join(ROOT, 'dvc.yaml'), 'utf8')) as { stages: Record<string, { deps: string[] }> }).stages.report;
  const coveredByReport = (rel: string) => report.deps.some((d) => rel === d || rel.startsWith(`${d}/`));
  // Type-only imports do not run.
  const valueImports = (file: string) => importsOf(file, { skipTypeOnly: true });
  const seen = new Set<string>();
  const stack = [path.join(ROOT, 'harness/src/cli/report.ts')];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (file.endsWith('.ts')) stack.push(...valueImports(file));
  }
  const harness = [...seen].map((f) => path.relative(ROOT, f)).filter((f) => f.startsWith('harness/src/'));
  t.true(harness.length > 30, `only ${harness.length} files reached: the import scan is broken`);
  for (const asset of ['harness/src/report/styles.css', 'harness/src/report/templates']) {
    t.true(harness.includes(asset), `${asset} (read by the report at run time) was not found: the asset scan is broken`);
  }
  const missing = harness.filter((f) => !coveredByReport(f));
  t.deepEqual(missing, [], `dvc.yaml stage report: add these to deps: ${missing.join(', ')}`);
});
