/** Accuracy of 0/1 predictions and the Fisher separation ratio of labelled embeddings. */

export function accuracy(predicted: ArrayLike<number>, truth: ArrayLike<number>): number {
  if (predicted.length !== truth.length || truth.length === 0) throw new Error(`accuracy: ${predicted.length} predictions for ${truth.length} labels`);
  let hits = 0;
  for (let i = 0; i < truth.length; i++) if ((predicted[i] ? 1 : 0) === (truth[i] ? 1 : 0)) hits++;
  return hits / truth.length;
}

/**
 * Fisher ratio J = ||m₁ − m₀||² / mean_i ||z_i − m_{y_i}||² of rows z_i (dimension e) with classes
 * y_i ∈ {0, 1}: between-class distance over within-class scatter. Invariant to a common scale,
 * so two encoders whose embeddings differ in size compare fairly.
 */
export function fisherRatio(Z: ArrayLike<number>, y: ArrayLike<number>, e: number): number {
  const n = y.length;
  if (Z.length !== n * e) throw new Error(`fisherRatio: ${Z.length} values for ${n} rows of ${e}`);
  const means = [new Float64Array(e), new Float64Array(e)];
  const counts = [0, 0];
  for (let i = 0; i < n; i++) {
    const k = y[i] ? 1 : 0;
    counts[k]++;
    for (let j = 0; j < e; j++) means[k][j] += Z[i * e + j];
  }
  if (counts[0] === 0 || counts[1] === 0) return Number.NaN;
  for (const k of [0, 1]) for (let j = 0; j < e; j++) means[k][j] /= counts[k];
  let between = 0;
  for (let j = 0; j < e; j++) between += (means[1][j] - means[0][j]) ** 2;
  let within = 0;
  for (let i = 0; i < n; i++) {
    const m = means[y[i] ? 1 : 0];
    for (let j = 0; j < e; j++) within += (Z[i * e + j] - m[j]) ** 2;
  }
  within /= n;
  return within > 0 ? between / within : Number.POSITIVE_INFINITY;
}
