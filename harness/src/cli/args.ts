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

/** A whole-number option's allowed values, checked by intFlag and shown in the help. */
export interface Range {
  min: number;
  max: number;
  /** Named after the range in help and errors: "1 to 86400 seconds". */
  unit?: string;
}

interface FlagCommon {
  /** The help's explanation, one sentence or more (wrapped by the help, not here). */
  description: string;
  /** A number is the value an int flag takes when absent; a string only describes it. */
  default?: number | string;
}

/** A flag with a value; `value` names it in the usage line and help (`--out DIR`). */
export interface StringFlag extends FlagCommon {
  type: 'string';
  value: string;
  range?: Range;
}

export interface BooleanFlag extends FlagCommon {
  type: 'boolean';
}

/**
 * A command's options, declared once: the parser's spec (optionsOf), the usage line and the
 * option list of the help (help.ts) all come from it, so none can drift from the others.
 */
export type FlagTable = Record<string, StringFlag | BooleanFlag>;

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

type IntSpec = StringFlag & { range: Range };

/**
 * A whole-number flag within its declared range; absent, its numeric default (or undefined when
 * the default is described in words, e.g. "REPRO_JOBS, else the number of cores").
 */
export function intFlag(command: string, name: string, spec: IntSpec & { default: number }, value: string | undefined): number;
export function intFlag(command: string, name: string, spec: IntSpec, value: string | undefined): number | undefined;
export function intFlag(command: string, name: string, spec: IntSpec, value: string | undefined): number | undefined {
  if (value === undefined) return typeof spec.default === 'number' ? spec.default : undefined;
  const { min, max, unit } = spec.range;
  const text = value.trim();
  const n = /^[+-]?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    const what = Number.isNaN(Number(text)) || text === '' ? 'not a number' : !Number.isFinite(Number(text)) ? 'not finite' : !Number.isInteger(Number(text)) ? 'not a whole number' : 'out of range';
    const fallback = spec.default === undefined ? '' : ` (default ${spec.default})`;
    throw new UsageError(`${command}: --${name} got ${JSON.stringify(value)} (${what}); expected a whole number from ${min} to ${max}${unit ? ` ${unit}` : ''}${fallback}`);
  }
  return n;
}
