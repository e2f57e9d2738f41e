/**
 * The registry of subcommands; each lives in its own file and is loaded only when it runs, so
 * that `repro run` (once per paper in the pipeline) does not pay for the report's vega or the
 * verifier's modules.
 */
import type { FlagTable } from './args.js';

export interface Command {
  /** Generated from `flags` (help.ts). */
  help: string;
  /** Every option the command parses, declared once (args.ts). */
  flags: FlagTable;
  run(args: string[]): Promise<number>;
}

export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}

export const COMMANDS: CommandEntry[] = [
  { name: 'list', summary: 'list reproductions (and their claims with --claims)', load: async () => (await import('./list.js')).list },
  { name: 'run', summary: 'run one reproduction and decide its claims (writes results/<id>/)', load: async () => (await import('./run.js')).run },
  { name: 'report', summary: 'render reports/ (index.html and a page per paper) from results/', load: async () => (await import('./report.js')).report },
  { name: 'verify', summary: 'exit non-zero when a claim or control departs from expected.json (JUnit, Markdown)', load: async () => (await import('./verify.js')).verify },
  { name: 'readme', summary: 'write (or --check) each paper README\'s outcome table from results/', load: async () => (await import('./readme.js')).readme },
  { name: 'new', summary: 'scaffold a reproduction folder and its params.yaml section', load: async () => (await import('./new.js')).create },
  { name: 'doctor', summary: 'show the compute backend, versions, and why a fallback was taken', load: async () => (await import('./doctor.js')).doctor },
];

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
