/**
 * A float64 sparse matrix in compressed-row form (CSR): the CT system matrix has about 40
 * non-zeros per row out of 1024 columns, so y = Ax and x = Aᵀy cost O(nnz) instead of O(mn).
 */
export interface CsrMatrix {
  readonly rows: number;
  readonly cols: number;
  /** Row r's entries are rowStart[r] .. rowStart[r + 1] − 1 of colIndex and values. */
  readonly rowStart: Int32Array;
  readonly colIndex: Int32Array;
  readonly values: Float64Array;
}

/** Build a CSR matrix from per-row (column, value) lists, summing duplicate columns. */
export function csrFromRows(cols: number, rowEntries: readonly { col: number; value: number }[][]): CsrMatrix {
  const rowStart = new Int32Array(rowEntries.length + 1);
  const merged = rowEntries.map((entries) => {
    const byCol = new Map<number, number>();
    for (const { col, value } of entries) {
      if (!Number.isInteger(col) || col < 0 || col >= cols) throw new RangeError(`column ${col} is outside [0, ${cols})`);
      byCol.set(col, (byCol.get(col) ?? 0) + value);
    }
    return [...byCol.entries()].filter(([, v]) => v !== 0).sort((a, b) => a[0] - b[0]);
  });
  merged.forEach((row, r) => (rowStart[r + 1] = rowStart[r] + row.length));
  const nnz = rowStart[rowEntries.length];
  const colIndex = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  merged.forEach((row, r) => row.forEach(([c, v], k) => {
    colIndex[rowStart[r] + k] = c;
    values[rowStart[r] + k] = v;
  }));
  return { rows: rowEntries.length, cols, rowStart, colIndex, values };
}

/** out = A x (out is allocated when not given). */
export function csrMultiply(A: CsrMatrix, x: ArrayLike<number>, out = new Float64Array(A.rows)): Float64Array {
  if (x.length !== A.cols) throw new RangeError(`x has ${x.length} entries, A has ${A.cols} columns`);
  const { rowStart, colIndex, values } = A;
  for (let r = 0; r < A.rows; r++) {
    let s = 0;
    for (let k = rowStart[r]; k < rowStart[r + 1]; k++) s += values[k] * x[colIndex[k]];
    out[r] = s;
  }
  return out;
}

/** out = Aᵀ y (out is allocated when not given). */
export function csrTransposeMultiply(A: CsrMatrix, y: ArrayLike<number>, out = new Float64Array(A.cols)): Float64Array {
  if (y.length !== A.rows) throw new RangeError(`y has ${y.length} entries, A has ${A.rows} rows`);
  const { rowStart, colIndex, values } = A;
  out.fill(0);
  for (let r = 0; r < A.rows; r++) {
    const yr = y[r];
    if (yr === 0) continue;
    for (let k = rowStart[r]; k < rowStart[r + 1]; k++) out[colIndex[k]] += values[k] * yr;
  }
  return out;
}

/** The dense row-major copy (for tests and tiny problems). */
export function csrToDense(A: CsrMatrix): Float64Array {
  const dense = new Float64Array(A.rows * A.cols);
  for (let r = 0; r < A.rows; r++) {
    for (let k = A.rowStart[r]; k < A.rowStart[r + 1]; k++) dense[r * A.cols + A.colIndex[k]] = A.values[k];
  }
  return dense;
}

/** λmax(AᵀA) by power iteration from a fixed start (deterministic); an estimate from below. */
export function csrSquaredNorm(A: CsrMatrix, iterations = 200): number {
  let v: Float64Array = new Float64Array(A.cols).fill(1 / Math.sqrt(A.cols));
  const Av = new Float64Array(A.rows);
  let lambda = 0;
  for (let i = 0; i < iterations; i++) {
    csrMultiply(A, v, Av);
    const w = csrTransposeMultiply(A, Av);
    let norm = 0;
    for (let j = 0; j < w.length; j++) norm += w[j] * w[j];
    norm = Math.sqrt(norm);
    if (norm === 0) return 0;
    lambda = norm;
    for (let j = 0; j < w.length; j++) w[j] /= norm;
    v = w;
  }
  return lambda;
}
