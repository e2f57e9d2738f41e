/** Strict flag parsing for subcommands: unknown flags are errors that list the allowed ones. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { didYouMean } from '../params/errors.js';
import { UsageError } from './errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseFlags<O extends Options>(command: string, args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message;
    const flag = /'(-{1,2}[^']+)'/.exec(message)?.[1] ?? '';
    const allowed = Object.keys(options).map((k) => `--${k}`);
    throw new UsageError(`${command}: ${message.split('.')[0]}; allowed flags: ${allowed.join(', ') || 'none'}.${flag ? didYouMean(flag, allowed) : ''}`);
  }
}

export function intFlag(command: string, name: string, value: string | undefined, fallback: number, min = 0): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${command}: --${name} got ${JSON.stringify(value)}; expected an integer ≥ ${min}`);
  return n;
}
