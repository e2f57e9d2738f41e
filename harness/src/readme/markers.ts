/**
 * The generated part of a paper README lies between two marker lines; everything else (the
 * method, the deviations, the dated history) is written by people and never touched here.
 */
import { UserError } from '../errors.js';

export const OUTCOME_START = '<!-- outcome:start -->';
export const OUTCOME_END = '<!-- outcome:end -->';

export class OutcomeMarkersError extends UserError {
  constructor(readonly file: string, found: string) {
    super(`${file}: the generated outcome needs its markers: a line '${OUTCOME_START}' and, below it, a line '${OUTCOME_END}', once each (${found}); add them where the outcome table belongs, then rerun \`repro readme\``);
    this.name = 'OutcomeMarkersError';
  }
}

/** `text` with the lines between the markers replaced by `block`; the markers themselves stay. */
export function replaceOutcome(text: string, block: string, file: string): string {
  const lines = text.split('\n');
  const starts = indexesOf(lines, OUTCOME_START);
  const ends = indexesOf(lines, OUTCOME_END);
  if (starts.length !== 1 || ends.length !== 1 || ends[0] < starts[0]) {
    const found = starts.length === 1 && ends.length === 1 ? 'found the end above the start' : `found the start ${times(starts.length)} and the end ${times(ends.length)}`;
    throw new OutcomeMarkersError(file, found);
  }
  const body = block.endsWith('\n') ? block.slice(0, -1).split('\n') : block.split('\n');
  return [...lines.slice(0, starts[0] + 1), ...body, ...lines.slice(ends[0])].join('\n');
}

function indexesOf(lines: readonly string[], marker: string): number[] {
  return lines.flatMap((line, i) => (line.trim() === marker ? [i] : []));
}

function times(n: number): string {
  return n === 1 ? 'once' : `${n} times`;
}
