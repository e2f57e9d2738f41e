/** `repro <command> --help`, generated from the command's option table (args.ts FlagTable). */
import type { FlagTable, Range, StringFlag } from './args.js';

/** What a command says about itself beyond its options; commands.ts prints helpText of it. */
export interface HelpSpec {
  command: string;
  /** The operand after the command, as the usage line shows it: `<id>`. */
  positional?: string;
  /** What the command does: paragraphs, each wrapped here. */
  about: string[];
  flags: FlagTable;
  /** Whole command lines, shown as they are. */
  examples?: string[];
  /** After the options: environment variables and the like, wrapped like `about`. */
  notes?: string[];
}

const WIDTH = 100;

/** `repro run <id> [--params FILE] [--keep-going]`: every flag of the table, in its order. */
export function usageLine(command: string, table: FlagTable, positional = ''): string {
  const flags = Object.entries(table).map(([name, spec]) => `[${flagLabel(name, spec)}]`);
  return ['repro', command, positional, ...flags].filter(Boolean).join(' ');
}

function flagLabel(name: string, spec: FlagTable[string]): string {
  return spec.type === 'string' ? `--${name} ${spec.value}` : `--${name}`;
}

const rangeText = (r: Range) => `${r.min} to ${r.max}${r.unit ? ` ${r.unit}` : ''}`;

/** The description, then what the table knows of the value: "(1 to 256; default 8192)". */
function explanation(spec: FlagTable[string]): string {
  const range = (spec as StringFlag).range;
  const facts = [range ? rangeText(range) : '', spec.default === undefined ? '' : `default ${spec.default}`].filter(Boolean);
  return facts.length ? `${spec.description} (${facts.join('; ')})` : spec.description;
}

/** Words of `text` in lines of at most WIDTH columns, every line after the first indented by `indent`. */
function wrap(text: string, first: string, indent: string): string[] {
  const lines: string[] = [];
  let line = first;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const start = line === first;
    if (!start && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = indent + word;
    } else {
      line += (start ? '' : ' ') + word;
    }
  }
  lines.push(line);
  return lines;
}

export function helpText(spec: HelpSpec): string {
  const labels = Object.entries(spec.flags).map(([name, flag]) => [flagLabel(name, flag), explanation(flag)]);
  const column = Math.max(0, ...labels.map(([label]) => label.length)) + 4;
  const sections = [
    [usageLine(spec.command, spec.flags, spec.positional)],
    spec.about.flatMap((p) => wrap(p, '', '')),
    labels.flatMap(([label, text]) => wrap(text, `  ${label}`.padEnd(column), ' '.repeat(column))),
    (spec.notes ?? []).flatMap((p) => wrap(p, '', '')),
    spec.examples?.length ? ['Examples:', ...spec.examples.map((e) => `  ${e}`)] : [],
  ];
  return sections.filter((lines) => lines.length).map((lines) => lines.join('\n')).join('\n\n');
}
