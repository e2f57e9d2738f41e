/**
 * The report against hostile or stale inputs: a chart with `href` channels, a malformed
 * expected.json, pages of papers that have no results any more, absolute paths in error reasons,
 * and a control edited to pass with its stored flag left true.
 */
import test from 'ava';
import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildReport, withoutHrefs } from '../../src/report/index.js';
import { chartView } from '../../src/report/chartview.js';
import type { VerdictsFile } from '../../src/types.js';
import { makeResults } from '../fixtures/report/make-results.js';

const CLI = fileURLToPath(new URL('../../bin/repro.js', import.meta.url));

const HREF_SPEC = {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  data: { values: [{ x: 1, y: 2, href: 'https://example.org/a' }, { x: 2, y: 3, href: 'javascript:alert(1)' }] },
  layer: [
    { mark: { type: 'point', href: 'https://example.org/mark' }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' }, href: { field: 'href' } } },
    { mark: 'line', encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' }, href: { value: 'https://example.org' } } },
  ],
};

async function project() {
  const root = await mkdtemp(join(tmpdir(), 'repro-report-hard-'));
  await makeResults(join(root, 'results'));
  const file = join(root, 'results', 'scaling-laws', 'verdicts.json');
  const edit = async (fn: (v: VerdictsFile) => void) => {
    const v = JSON.parse(await readFile(file, 'utf8')) as VerdictsFile;
    fn(v);
    await writeFile(file, JSON.stringify(v));
  };
  const build = () => buildReport({ resultsDir: join(root, 'results'), outDir: join(root, 'reports'), dvcLockPath: join(root, 'none.lock'), repoRoot: root });
  const read = (name: string) => readFile(join(root, 'reports', name), 'utf8');
  return { root, edit, build, read };
}

test('href channels and mark hrefs are stripped from the spec; data fields named href stay', (t) => {
  const clean = withoutHrefs(HREF_SPEC) as typeof HREF_SPEC;
  t.false('href' in clean.layer[0].encoding);
  t.false('href' in (clean.layer[0].mark as object));
  t.false('href' in clean.layer[1].encoding);
  t.is(clean.data.values[0].href, 'https://example.org/a');
});

test('a chart with href encodings renders (no crash from vega-scenegraph) and carries no link', async (t) => {
  const unhandled: unknown[] = [];
  const onUnhandled = (e: unknown) => unhandled.push(e);
  process.on('unhandledRejection', onUnhandled);
  try {
    const view = await chartView(HREF_SPEC, 'linked');
    await new Promise((r) => setTimeout(r, 200));
    t.is(view?.error, null);
    t.truthy(view?.svg);
    t.false(/href="https|javascript:/.test(view!.svg!));
    t.false(/"href":\s*\{/.test(view!.specJson!), 'no href channel in the interactive spec');
    t.deepEqual(unhandled, [], 'no promise rejected unseen (that took the report down)');
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
});

test('a whole report with an href chart builds', async (t) => {
  const { edit, build, read } = await project();
  await edit((v) => {
    v.claims[0].evidence.chart = HREF_SPEC;
  });
  await t.notThrowsAsync(build());
  t.regex(await read('scaling-laws.html'), /data-chart/);
});

test('repro report with a malformed expected.json: exit 0 and a warning on the index page', async (t) => {
  const { root, read } = await project();
  await writeFile(join(root, 'expected.json'), '{ "scaling-laws": { "loss-power-law": "passed" ');
  const r = await execa(process.execPath, [CLI, 'report'], { cwd: root, reject: false, all: true });
  t.is(r.exitCode, 0, r.all);
  t.regex(r.stderr, /repro report: warning: expected\.json: not valid JSON/);
  const index = await read('index.html');
  t.regex(index, /expected\.json/);
  t.regex(index, /not valid JSON/);
  t.false(index.includes(root), 'no absolute path of the machine on the page');
});

test('pages of papers whose results are gone are removed; files the report did not write stay', async (t) => {
  const { root, build } = await project();
  await build();
  t.true(existsSync(join(root, 'reports', 'xss-test.html')));
  await writeFile(join(root, 'reports', 'notes.html'), '<p>my own notes</p>');
  await rm(join(root, 'results', 'xss-test'), { recursive: true });
  await build();
  const files = await readdir(join(root, 'reports'));
  t.false(files.includes('xss-test.html'));
  t.true(files.includes('scaling-laws.html'));
  t.true(files.includes('notes.html'));
});

test('absolute paths in error reasons are shown relative to the project (and the home folder as ~)', async (t) => {
  const { root, edit, build, read } = await project();
  await edit((v) => {
    v.claims[0].evidence.reason = `the run failed: ENOENT: no such file, open '${root}/datasets/digits.npy'`;
    v.claims[1].note = `see ${homedir()}/elsewhere/log.txt`;
  });
  await build();
  const page = await read('scaling-laws.html');
  t.false(page.includes(root));
  t.regex(page, /open &#x27;datasets\/digits\.npy&#x27;/);
  if (homedir() !== '/') t.regex(page, /see ~\/elsewhere\/log\.txt/);
});

test('a control edited to pass with its stored expected flag left true is shown as not as expected', async (t) => {
  const { edit, build, read } = await project();
  await edit((v) => {
    const c = v.claims.find((x) => x.id === 'loss-power-law')!;
    c.control!.verdict = 'pass';
    c.control!.expected = true;
  });
  await build();
  const page = await read('scaling-laws.html');
  const section = page.slice(page.indexOf('id="claim-loss-power-law"'));
  const control = section.slice(0, section.indexOf('</section>'));
  t.regex(control, /class="control-no-power">control pass \(expected fail\): the test did not tell the control apart/);
  t.notRegex(control, /the test has power/);
});
