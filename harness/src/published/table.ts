/**
 * The Markdown table of REPRODUCE.md's "Paper profiles" section, generated from the files: every
 * claim of every run in published/paper/<id>/ with its smoke verdict (expected.json, the reviewed
 * smoke verdicts), its paper-profile verdict and statistic, the run's time and machine.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fmtDuration } from '../results/duration.js';
import { publishedClaim, readPublished } from '../report/published.js';
import { readExpectations } from '../verify/expected.js';

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

export function paperProfileTable(publishedDir: string, expectedPath: string): string {
  const expectations = readExpectations(expectedPath);
  const root = join(publishedDir, 'paper');
  const ids = existsSync(root) ? readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort() : [];
  const lines = ['| paper | claim | smoke verdict | paper verdict (statistic [95% CI]) | time | machine |', '|---|---|---|---|---|---|'];
  for (const id of ids) {
    const run = readPublished(publishedDir, id);
    if (!run) continue;
    for (const [i, c] of run.verdicts.claims.entries()) {
      const view = publishedClaim(run, c.id)!;
      const smoke = expectations[id]?.[c.id] ?? '—';
      const paper = `**${view.verdict}** ${view.statistic}${view.ci ? ` ${view.ci}` : ''}`;
      const time = i === 0 ? `${fmtDuration(run.seconds)} (${run.date ?? '?'})` : '';
      const machine = i === 0 ? `${run.machine}, ${run.backend}` : '';
      lines.push(`| ${i === 0 ? id : ''} | ${cell(c.id)} | ${smoke} | ${cell(paper)} | ${time} | ${cell(machine)} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}
