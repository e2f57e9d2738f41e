/**
 * Human labels for evidence fields. Claim kinds already name their details in words ("worst R² over
 * seeds"); a paper's own claim may write code names (`pValue`, `worstR2`), which a reader should
 * not have to decode.
 */

/** Code names whose plain reading is not the split of their camelCase. */
const KNOWN: Record<string, string> = {
  pValue: 'p-value',
  pvalue: 'p-value',
  p: 'p-value',
  r2: 'R²',
  R2: 'R²',
  worstR2: 'worst R²',
  minR2: 'smallest R²',
  meanR2: 'mean R²',
  sd: 'standard deviation',
  se: 'standard error',
  ci: 'confidence interval',
  n: 'number of observations',
  df: 'degrees of freedom',
  tau: "Kendall's τ",
  rho: "Spearman's ρ",
  lr: 'learning rate',
};

/** Word parts that stay as written (units, symbols) or read better spelled out. */
const WORDS: Record<string, string> = { r2: 'R²', p: 'p', lr: 'learning rate', sd: 'standard deviation', se: 'standard error', ci: 'interval', min: 'smallest', max: 'largest' };

/** `worstR2` -> `worst R²`, `seedsAboveBand` -> `seeds above band`, `a_b` -> `a b`; words (with spaces) stay. */
export function humanLabel(key: string): string {
  if (key in KNOWN) return KNOWN[key];
  if (/\s/.test(key)) return key;
  const words = key
    .replace(/_+/g, ' ')
    .replace(/([a-z])([A-Z0-9])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/\b([A-Za-z]) (\d)\b/g, '$1$2')
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => WORDS[w.toLowerCase()] ?? (/^[A-Z][a-z]/.test(w) ? w.toLowerCase() : w));
  return words.join(' ') || key;
}
