/** The registry of subcommands; each lives in its own file. */
import { doctor } from './doctor.js';
import { list } from './list.js';
import { create } from './new.js';
import { report } from './report.js';
import { run } from './run.js';
import { verify } from './verify.js';

export interface Command {
  name: string;
  summary: string;
  help: string;
  run(args: string[]): Promise<number>;
}

export const COMMANDS: Command[] = [list, run, report, verify, create, doctor];

export function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'repro: research papers reproduced as executable claims',
    '',
    'Usage: repro <command> [options]   (repro <command> --help for its options)',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'The pipeline: `dvc repro` runs `repro run <id>` for every paper in params.yaml, then `repro report`.',
    '',
  ].join('\n');
}
