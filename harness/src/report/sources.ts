/**
 * Where a claim comes from, as links beside its quote: the sentence in the paper (the paper's page
 * with a text fragment, so a browser that supports `#:~:text=` scrolls to and highlights the
 * quoted words when they are on that page, e.g. an arXiv abstract) and the line of claims.ts that
 * defines it. Both are computed from the files, never typed by hand.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { arxivUrl, safeHttpUrl } from './format.js';
import { claimLines } from './preregistered.js';

export interface SourceLink {
  label: string;
  href: string;
  title: string;
}

/** The longest leading run of the quote without ellipses or quote marks, cut to `words` words. */
export function quoteFragment(quote: string, words = 8): string | null {
  const lead = quote.replace(/^[\s"“”'‘’]+/, '').split(/…|\.\.\.|["“”]|\[|\(/)[0].trim();
  const taken = lead.split(/\s+/).filter(Boolean).slice(0, words);
  return taken.length >= 3 ? taken.join(' ').replace(/[,;:.]+$/, '') : null;
}

/** Text-fragment directive values escape '-', '&' and ',' besides what URI components escape. */
const fragmentText = (text: string) => encodeURIComponent(text).replace(/-/g, '%2D').replace(/,/g, '%2C');

export function paperQuoteLink(paper: { arxiv?: unknown; url?: unknown }, quote: string): SourceLink | null {
  const page = arxivUrl(paper.arxiv) ?? safeHttpUrl(paper.url);
  if (!page) return null;
  const fragment = quoteFragment(quote);
  return {
    label: 'quote in the paper',
    href: fragment ? `${page}#:~:text=${fragmentText(fragment)}` : page,
    title: fragment ? `the paper's page, at "${fragment}" (when the sentence is on that page, e.g. the abstract)` : "the paper's page",
  };
}

/** The claim's definition in reproductions/<id>/claims.ts, as a link relative to the folder of the pages. */
export function definitionLink(repoRoot: string, pagesDir: string, reproduction: string, claimId: string): SourceLink | null {
  const rel = join('reproductions', reproduction, 'claims.ts');
  const file = join(repoRoot, rel);
  if (!existsSync(file)) return null;
  const lines = claimLines(readFileSync(file, 'utf8'), claimId);
  if (!lines) return null;
  return { label: `claims.ts line ${lines[0]}`, href: `${relative(pagesDir, file).split(sep).join('/')}#L${lines[0]}`, title: `its definition (id, check and threshold, control) in ${rel}, lines ${lines[0]}–${lines[1]}` };
}
