/** `repro new` edits params.yaml in place: the new section is added, every other line stays as written. */
import test from 'ava';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { scaffold } from '../../src/scaffold/create.js';

const PARAMS = `# The active profile.
profile: smoke

papers:
  first:
    smoke:
      sizes: [3, 5]          # flow style and an aligned comment, kept as written
      seeds: 2
    paper: { seeds: 10 }

# A trailing comment after the papers.
`;

async function withRoot(params: string, body: (root: string) => Promise<void>) {
  const root = await mkdtemp(join(tmpdir(), 'scaffold-'));
  try {
    await mkdir(join(root, 'reproductions'), { recursive: true });
    await writeFile(join(root, 'params.yaml'), params);
    await body(root);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

test('the new section is appended to papers: and no other byte of params.yaml changes', async (t) => {
  await withRoot(PARAMS, async (root) => {
    scaffold(root, { id: 'second-paper', title: 'A title', year: 2026 });
    const after = await readFile(join(root, 'params.yaml'), 'utf8');
    const removed = PARAMS.split('\n').filter((line) => !after.split('\n').includes(line));
    t.deepEqual(removed, [], 'lines of the original params.yaml were rewritten');
    const parsed = parse(after) as { papers: Record<string, { smoke: object }> };
    t.deepEqual(Object.keys(parsed.papers), ['first', 'second-paper']);
    t.truthy(parsed.papers['second-paper'].smoke);
    t.true(after.endsWith('# A trailing comment after the papers.\n'));
  });
});

test('a flow-style papers map is rewritten as a block map that parses', async (t) => {
  await withRoot('profile: smoke\npapers: {}\n', async (root) => {
    scaffold(root, { id: 'only', title: 'T', year: 2026 });
    const parsed = parse(await readFile(join(root, 'params.yaml'), 'utf8')) as { papers: Record<string, unknown> };
    t.deepEqual(Object.keys(parsed.papers), ['only']);
  });
});
