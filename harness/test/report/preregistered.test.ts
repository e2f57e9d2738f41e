/** The pre-registered stamp: git blame over a claim's lines against its first verdict in expected.json. */
import test from 'ava';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { claimLines, preregistration } from '../../src/report/preregistered.js';

const CLAIMS = (threshold: number) => `export const claims = [
  claim({
    id: 'first',
    check: valueInBand('a').within({ ge: ${threshold} }),
  }),
  claim({
    id: 'second',
    check: valueInBand('b').within({ le: 1 }),
  }),
];
`;

test('claimLines: from the id line to the line before the next claim', (t) => {
  t.deepEqual(claimLines(CLAIMS(0.5), 'first'), [3, 5]);
  t.deepEqual(claimLines(CLAIMS(0.5), 'second'), [7, 9]);
  t.is(claimLines(CLAIMS(0.5), 'third'), null);
});

test('a definition fixed before its first result is pre-registered; one changed after says so', async (t) => {
  const root = await mkdtemp(join(tmpdir(), 'prereg-'));
  try {
    const git = (args: string[], date: string) => execFileSync('git', args, { cwd: root, env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' }, stdio: 'ignore' });
    git(['init', '-q'], '2026-01-01T00:00:00Z');
    await mkdir(join(root, 'reproductions', 'p'), { recursive: true });
    await writeFile(join(root, 'reproductions', 'p', 'claims.ts'), CLAIMS(0.5));
    git(['add', '.'], '2026-01-01T00:00:00Z');
    git(['commit', '-qm', 'claims'], '2026-01-01T00:00:00Z');
    await writeFile(join(root, 'expected.json'), JSON.stringify({ p: { first: 'pass', second: 'pass' } }));
    git(['add', '.'], '2026-01-02T00:00:00Z');
    git(['commit', '-qm', 'first results'], '2026-01-02T00:00:00Z');
    t.like(preregistration(root, 'p', 'first'), { before: true });
    t.regex(preregistration(root, 'p', 'first')!.text, /^pre-registered: definition last changed in [0-9a-f]{10} \(2026-01-01\), no later than its first recorded result \(2026-01-02\)$/);
    // The threshold moves after the first result.
    await writeFile(join(root, 'reproductions', 'p', 'claims.ts'), CLAIMS(0.4));
    t.like(preregistration(root, 'p', 'first'), { before: false, text: 'its definition in reproductions/p/claims.ts has uncommitted changes' });
    git(['commit', '-qam', 'move it'], '2026-01-03T00:00:00Z');
    t.regex(preregistration(root, 'p', 'first')!.text, /changed in [0-9a-f]{10} \(2026-01-03\), after its first recorded result \(2026-01-02\)/);
    t.like(preregistration(root, 'p', 'second'), { before: true }, 'the other claim is untouched');
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
