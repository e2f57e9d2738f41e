/** Strict flag parsing for subcommands: unknown flags are errors that list the allowed ones. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { didYouMean } from '../params/errors.js';
import { UserError } from '../errors.js';

/** A command line the user can fix: an unknown command or flag, a bad flag value, a missing argument. */
export class UsageError extends UserError {}

type Options = NonNullable<ParseArgsConfig['options']>;

/** A value that starts with '-' but is a number (`-5`, `-1.5`, `-Infinity`), not a flag. */
const NEGATIVE_NUMBER = /^-(\d|\.\d|Infinity$)/;

/**
 * `--flag -5` would read as a flag named `-5` ("ambiguous argument"): a string flag followed by a
 * negative number takes it as its value (`--flag=-5`), so range checks can name what was given.
 */
function joinNegativeValues(args: string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const name = a.startsWith('--') && !a.includes('=') ? a.slice(2) : null;
    if (name !== null && options[name]?.type === 'string' && i + 1 < args.length && NEGATIVE_NUMBER.test(args[i + 1])) {
      out.push(`${a}=${args[++i]}`);
    } else {
      out.push(a);
    }
  }
  return out;
}

/**
 * A command's option table: parseArgs' options plus, for a string flag, the name of its value in
 * the usage line (`--out DIR`). The usage line is generated from it, so it cannot drift from the flags.
 */
export type FlagTable = Record<string, { type: 'string'; value: string } | { type: 'boolean' }>;

/** `repro run <id> [--params FILE] [--keep-going]`: every flag of the table, in its order. */
export function usageLine(command: string, table: FlagTable, positional = ''): string {
  const flags = Object.entries(table).map(([name, spec]) => `[--${name}${spec.type === 'string' ? ` ${spec.value}` : ''}]`);
  return ['repro', command, positional, ...flags].filter(Boolean).join(' ');
}

/** The parseArgs options of a table (types only). */
export function optionsOf<T extends FlagTable>(table: T): { [K in keyof T]: { type: T[K]['type'] } } {
  return Object.fromEntries(Object.entries(table).map(([name, spec]) => [name, { type: spec.type }])) as { [K in keyof T]: { type: T[K]['type'] } };
}

export function parseFlags<O extends Options>(command: string, args: string[], options: O) {
  try {
    return parseArgs({ args: joinNegativeValues(args, options), options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message;
    const flag = /'(-{1,2}[^']+)'/.exec(message)?.[1] ?? '';
    const allowed = Object.keys(options).map((k) => `--${k}`);
    throw new UsageError(`${command}: ${message.split('.')[0]}; allowed flags: ${allowed.join(', ') || 'none'}.${flag ? didYouMean(flag, allowed) : ''}`);
  }
}

/** A whole-number flag in [min, max]; `unit` is named in the message (e.g. "seconds"). */
export function intFlag(command: string, name: string, value: string | undefined, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER, unit = ''): number {
  if (value === undefined) return fallback;
  const text = value.trim();
  const n = /^[+-]?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    const what = Number.isNaN(Number(text)) || text === '' ? 'not a number' : !Number.isFinite(Number(text)) ? 'not finite' : !Number.isInteger(Number(text)) ? 'not a whole number' : 'out of range';
    throw new UsageError(`${command}: --${name} got ${JSON.stringify(value)} (${what}); expected a whole number from ${min} to ${max}${unit ? ` ${unit}` : ''} (default ${fallback})`);
  }
  return n;
}
