/** Builds the fixture report once per test file, in a temp directory. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildReport } from '../../src/report/index.js';
import { makeResults } from '../fixtures/report/make-results.js';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'report');

export interface BuiltReport {
  root: string;
  resultsDir: string;
  outDir: string;
  pages: string[];
  read: (name: string) => Promise<string>;
  cleanup: () => Promise<void>;
}

export async function buildFixtureReport(opts: { dvcLock?: string | null } = {}): Promise<BuiltReport> {
  const root = await mkdtemp(join(tmpdir(), 'report-test-'));
  const resultsDir = join(root, 'results');
  const outDir = join(root, 'reports');
  await makeResults(resultsDir);
  const lock = opts.dvcLock === null ? join(root, 'missing.lock') : (opts.dvcLock ?? join(FIXTURES, 'dvc.lock'));
  const { pages } = await buildReport({ resultsDir, outDir, dvcLockPath: lock, repoRoot: root });
  return {
    root,
    resultsDir,
    outDir,
    pages,
    read: (name) => readFile(join(outDir, name), 'utf8'),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

/** Every `src=` / `href=` / `xlink:href=` attribute value with its tag name. */
export function urlAttributes(html: string): { tag: string; attr: string; value: string }[] {
  const out: { tag: string; attr: string; value: string }[] = [];
  // Script bodies are code or JSON, not markup (the inlined chart runtime builds tags in strings).
  const markup = html.replace(/(<script\b[^>]*>)[\s\S]*?<\/script>/gi, '$1</script>');
  for (const tag of markup.matchAll(/<([a-zA-Z][\w:-]*)\b([^>]*)>/g)) {
    // Attributes in order, quoted values consumed whole (text inside them is not an attribute).
    for (const a of tag[2].matchAll(/\s*([^\s=/>]+)(?:\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      const attr = a[1].toLowerCase();
      if (attr === 'src' || attr === 'href' || attr === 'xlink:href') {
        out.push({ tag: tag[1].toLowerCase(), attr, value: a[3] ?? a[4] ?? a[5] ?? '' });
      }
    }
  }
  return out;
}

/** The bodies of all `<script ...>` elements with their opening tags. */
export function scripts(html: string): { open: string; body: string }[] {
  return [...html.matchAll(/(<script\b[^>]*>)([\s\S]*?)<\/script>/gi)].map((m) => ({ open: m[1], body: m[2] }));
}
