/**
 * `node --import tsx harness/src/published/cli.ts publish <id> [--from DIR]` copies a finished
 * paper-profile run into published/paper/<id>/ (scripts/publish-paper.sh); `... table` prints the
 * Markdown table of REPRODUCE.md's "Paper profiles" section from published/ and expected.json.
 */
import { join, resolve } from 'node:path';
import { projectRoot } from '../cli/root.js';
import { ResultsFileError } from '../results/read.js';
import { PublishError, publishPaperRun } from './publish.js';
import { paperProfileTable } from './table.js';

const USAGE = 'usage: publish-paper.sh <id> [--from DIR]   (DIR: the run folder, default results/<id>)\n       paper-table.sh';

function main(argv: string[]): number {
  const root = projectRoot();
  const [command, ...rest] = argv;
  if (command === 'table') {
    process.stdout.write(paperProfileTable(join(root, 'published'), join(root, 'expected.json')));
    return 0;
  }
  if (command !== 'publish') {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const id = rest[0];
  const fromAt = rest.indexOf('--from');
  const extra = rest.filter((a, i) => i !== 0 && i !== fromAt && i !== fromAt + 1);
  if (!id || id.startsWith('-') || (fromAt !== -1 && !rest[fromAt + 1]) || extra.length > 0) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const from = resolve(root, fromAt === -1 ? join('results', id) : rest[fromAt + 1]);
  try {
    const dest = publishPaperRun(from, id, join(root, 'published'));
    process.stdout.write(`published ${id}'s paper-profile run from ${from} to ${dest}\n`);
    return 0;
  } catch (error) {
    if (error instanceof PublishError || error instanceof ResultsFileError) {
      process.stderr.write(`publish-paper: refused: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
