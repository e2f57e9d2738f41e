/** Each claim links its quote to the paper's page (a text fragment) and to its definition in claims.ts. */
import test from 'ava';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { definitionLink, paperQuoteLink, quoteFragment } from '../../src/report/sources.js';
import { claimHistory } from '../../src/report/history.js';

test('quoteFragment: the leading words before an ellipsis or a quote mark, at least three', (t) => {
  t.is(quoteFragment('we show that jittering yields optimal robust denoisers for the linear case'), 'we show that jittering yields optimal robust denoisers');
  t.is(quoteFragment('"Gradient descent converges … at a geometric rate"'), 'Gradient descent converges');
  t.is(quoteFragment('O(1/t) rate'), null);
  t.is(quoteFragment(''), null);
});

test('paperQuoteLink: an arXiv id gives the abstract page with an escaped text fragment; no page, no link', (t) => {
  const link = paperQuoteLink({ arxiv: '2307.12822' }, 'low-rank, two-layer networks learn directions');
  t.is(link?.href, 'https://arxiv.org/abs/2307.12822#:~:text=low%2Drank%2C%20two%2Dlayer%20networks%20learn%20directions');
  t.is(paperQuoteLink({ url: 'https://openreview.net/forum?id=x' }, 'ab')?.href, 'https://openreview.net/forum?id=x');
  t.is(paperQuoteLink({ url: 'javascript:alert(1)' }, 'we show that it works'), null);
});

test('definitionLink: the first line of the claim in claims.ts, relative to the pages folder', async (t) => {
  const root = await mkdtemp(join(tmpdir(), 'sources-'));
  try {
    await mkdir(join(root, 'reproductions', 'p'), { recursive: true });
    await writeFile(join(root, 'reproductions', 'p', 'claims.ts'), "export const claims = [\n  claim({\n    id: 'first',\n    check: x,\n  }),\n];\n");
    const link = definitionLink(root, join(root, 'reports'), 'p', 'first');
    t.is(link?.href, '../reproductions/p/claims.ts#L3');
    t.is(link?.label, 'claims.ts line 3');
    t.is(definitionLink(root, join(root, 'reports'), 'p', 'missing'), null);
    t.is(definitionLink(root, join(root, 'reports'), 'absent', 'first'), null);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test('claimHistory: the $history changes of a claim and of its control, oldest first', (t) => {
  const history = [
    { date: '2026-01-01', reason: 'first', changes: [{ reproduction: 'p', claim: 'a', from: 'fail' as const, to: 'pass' as const, before: '0.9 [0.8, 1]', after: '1.2 [1.1, 1.3]' }] },
    { date: '2026-02-01', reason: 'second', changes: [
      { reproduction: 'p', claim: 'a/control', from: 'none' as const, to: 'inconclusive' as const, before: '-', after: '0.5 [0, 1]' },
      { reproduction: 'q', claim: 'a', from: 'pass' as const, to: 'fail' as const, before: '-', after: '-' },
      { reproduction: 'p', claim: 'ab', from: 'pass' as const, to: 'fail' as const, before: '-', after: '-' },
    ] },
  ];
  const rows = claimHistory(history, 'p', 'a');
  t.deepEqual(rows.map((r) => [r.date, r.of, r.change]), [['2026-01-01', 'claim', 'fail → pass'], ['2026-02-01', 'control', 'none → inconclusive']]);
  t.is(rows[0].after, '1.2 [1.1, 1.3]');
  t.deepEqual(claimHistory(history, 'p', 'missing'), []);
});
