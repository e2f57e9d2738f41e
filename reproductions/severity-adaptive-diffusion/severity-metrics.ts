/**
 * What the severity claims measure, as pure functions of plain numbers:
 * - the original's ordering accuracy: over the levels' pairs (i < j), the share with σ̂²_i < σ̂²_j,
 *   a tie counting ½ (the original counted ties as ordered, so a constant encoder scored 1);
 * - calibration: sorted by σ̂², in equal-count bins, mean latent error power over mean σ̂²;
 * - the reversed hand-out of the σ̂² (a control that keeps the same multiset of step counts).
 */

/** The plan's definitions: 10 evenly spaced levels (45 pairs, the original's metric) and 5 quantile bins. */
export const ORDERING_LEVELS = 10;
export const CALIBRATION_BINS = 5;

/**
 * Share of the pairs i < j of `values` (given at increasing true severity) that are ordered, a tie
 * counting ½: a constant predictor scores 0.5, chance level, not 1 as under the original's ≤.
 */
export function orderingAccuracy(values: readonly number[]): number {
  let ok = 0;
  let pairs = 0;
  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      pairs++;
      if (values[i] < values[j]) ok++;
      else if (values[i] === values[j]) ok += 0.5;
    }
  }
  return pairs ? ok / pairs : Number.NaN;
}

/** Indices sorted by value (stable). */
export function argsort(values: readonly number[]): number[] {
  return values.map((_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
}

/** Per bin (equal counts, by predicted variance): mean(errorPower) / mean(predicted), with the bins' mean predicted variance. */
export function calibrationBins(predicted: readonly number[], errorPower: readonly number[], bins: number): { predicted: number; measured: number; ratio: number }[] {
  if (predicted.length !== errorPower.length) throw new Error(`calibrationBins: ${predicted.length} predictions but ${errorPower.length} errors`);
  if (predicted.length < bins) throw new Error(`calibrationBins: ${predicted.length} values cannot fill ${bins} bins`);
  const order = argsort(predicted);
  return Array.from({ length: bins }, (_, b) => {
    const members = order.slice(Math.floor((b * order.length) / bins), Math.floor(((b + 1) * order.length) / bins));
    const mean = (xs: readonly number[]) => members.reduce((s, i) => s + xs[i], 0) / members.length;
    const [p, m] = [mean(predicted), mean(errorPower)];
    return { predicted: p, measured: m, ratio: m / p };
  });
}

/** The values handed out in reversed rank order: the image with the r-th smallest gets the r-th largest. */
export function reversedRanks(values: readonly number[]): number[] {
  const order = argsort(values);
  const out = new Array<number>(values.length);
  order.forEach((i, r) => { out[i] = values[order[order.length - 1 - r]]; });
  return out;
}
