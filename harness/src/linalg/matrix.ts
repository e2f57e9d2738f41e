/**
 * Dense float64 matrices, row-major, for the small problems (n up to a few hundred) where tfjs's
 * float32 and its missing inverse / eigensolver are not good enough.
 *
 * Every operation returns a fresh matrix and never mutates its inputs, except the `*Into` kernels,
 * which write into a caller-owned output so that hot loops can avoid allocation.
 */

export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  /** Row-major: entry (i, j) is `data[i * cols + j]`. */
  readonly data: Float64Array;
}

/** "3x4", for error messages. */
export function shapeOf(m: Matrix): string {
  return `${m.rows}x${m.cols}`;
}

function checkDim(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`matrix: ${name} must be a non-negative integer, got ${value}`);
  }
}

/** Throws unless `a` and `b` have the same shape. */
export function assertSameShape(op: string, a: Matrix, b: Matrix): void {
  if (a.rows !== b.rows || a.cols !== b.cols) {
    throw new Error(`${op}: shape mismatch, ${shapeOf(a)} vs ${shapeOf(b)}`);
  }
}

/** Throws unless `a` is square. */
export function assertSquare(op: string, a: Matrix): void {
  if (a.rows !== a.cols) throw new Error(`${op}: expected a square matrix, got ${shapeOf(a)}`);
}

/** A rows x cols matrix; `data` (row-major, copied) defaults to zeros. */
export function matrix(rows: number, cols: number, data?: ArrayLike<number>): Matrix {
  checkDim('rows', rows);
  checkDim('cols', cols);
  const out = new Float64Array(rows * cols);
  if (data !== undefined) {
    if (data.length !== rows * cols) {
      throw new Error(`matrix: ${rows}x${cols} needs ${rows * cols} values, got ${data.length}`);
    }
    out.set(data);
  }
  return { rows, cols, data: out };
}

/** Wraps `data` without copying (the caller gives up ownership). */
export function wrap(rows: number, cols: number, data: Float64Array): Matrix {
  checkDim('rows', rows);
  checkDim('cols', cols);
  if (data.length !== rows * cols) {
    throw new Error(`wrap: ${rows}x${cols} needs ${rows * cols} values, got ${data.length}`);
  }
  return { rows, cols, data };
}

export function zeros(rows: number, cols: number): Matrix {
  return matrix(rows, cols);
}

export function clone(m: Matrix): Matrix {
  return { rows: m.rows, cols: m.cols, data: Float64Array.from(m.data) };
}

export function fromRows(rows: number[][]): Matrix {
  const r = rows.length;
  const c = r === 0 ? 0 : rows[0].length;
  const out = new Float64Array(r * c);
  for (let i = 0; i < r; i++) {
    if (rows[i].length !== c) {
      throw new Error(`fromRows: row ${i} has ${rows[i].length} entries, row 0 has ${c}`);
    }
    out.set(rows[i], i * c);
  }
  return { rows: r, cols: c, data: out };
}

export function toRows(m: Matrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++) out.push(Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
  return out;
}

export function identity(n: number): Matrix {
  const m = matrix(n, n);
  for (let i = 0; i < n; i++) m.data[i * n + i] = 1;
  return m;
}

export function diag(values: readonly number[]): Matrix {
  const n = values.length;
  const m = matrix(n, n);
  for (let i = 0; i < n; i++) m.data[i * n + i] = values[i];
  return m;
}

/** The diagonal of a (possibly rectangular) matrix. */
export function diagonal(m: Matrix): number[] {
  const k = Math.min(m.rows, m.cols);
  const out = new Array<number>(k);
  for (let i = 0; i < k; i++) out[i] = m.data[i * m.cols + i];
  return out;
}

function checkIndex(op: string, m: Matrix, i: number, j: number): void {
  if (!Number.isInteger(i) || !Number.isInteger(j) || i < 0 || j < 0 || i >= m.rows || j >= m.cols) {
    throw new Error(`${op}: index (${i}, ${j}) out of range for ${shapeOf(m)}`);
  }
}

export function get(m: Matrix, i: number, j: number): number {
  checkIndex('get', m, i, j);
  return m.data[i * m.cols + j];
}

/** Writes entry (i, j) in place. */
export function set(m: Matrix, i: number, j: number, value: number): void {
  checkIndex('set', m, i, j);
  m.data[i * m.cols + j] = value;
}

/** Column j as a plain array. */
export function column(m: Matrix, j: number): number[] {
  if (!Number.isInteger(j) || j < 0 || j >= m.cols) {
    throw new Error(`column: index ${j} out of range for ${shapeOf(m)}`);
  }
  const out = new Array<number>(m.rows);
  for (let i = 0; i < m.rows; i++) out[i] = m.data[i * m.cols + j];
  return out;
}

export function transpose(m: Matrix): Matrix {
  const { rows, cols, data } = m;
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const ri = i * cols;
    for (let j = 0; j < cols; j++) out[j * rows + i] = data[ri + j];
  }
  return { rows: cols, cols: rows, data: out };
}

export function add(a: Matrix, b: Matrix): Matrix {
  assertSameShape('add', a, b);
  const out = new Float64Array(a.data.length);
  for (let k = 0; k < out.length; k++) out[k] = a.data[k] + b.data[k];
  return { rows: a.rows, cols: a.cols, data: out };
}

export function sub(a: Matrix, b: Matrix): Matrix {
  assertSameShape('sub', a, b);
  const out = new Float64Array(a.data.length);
  for (let k = 0; k < out.length; k++) out[k] = a.data[k] - b.data[k];
  return { rows: a.rows, cols: a.cols, data: out };
}

export function scale(a: Matrix, s: number): Matrix {
  const out = new Float64Array(a.data.length);
  for (let k = 0; k < out.length; k++) out[k] = a.data[k] * s;
  return { rows: a.rows, cols: a.cols, data: out };
}

/**
 * out = a * b, written into `out` (which must not alias a or b). i-k-j loop order, so the
 * inner loop runs contiguously over rows of b and out.
 */
export function matmulInto(a: Matrix, b: Matrix, out: Matrix): Matrix {
  if (a.cols !== b.rows) throw new Error(`matmul: shape mismatch, ${shapeOf(a)} times ${shapeOf(b)}`);
  if (out.rows !== a.rows || out.cols !== b.cols) {
    throw new Error(`matmulInto: output is ${shapeOf(out)}, expected ${a.rows}x${b.cols}`);
  }
  if (out.data === a.data || out.data === b.data) throw new Error('matmulInto: output aliases an input');
  const n = a.rows;
  const m = a.cols;
  const p = b.cols;
  const A = a.data;
  const B = b.data;
  const C = out.data;
  C.fill(0);
  for (let i = 0; i < n; i++) {
    const ci = i * p;
    const ai = i * m;
    for (let k = 0; k < m; k++) {
      const aik = A[ai + k];
      if (aik === 0) continue;
      const bk = k * p;
      for (let j = 0; j < p; j++) C[ci + j] += aik * B[bk + j];
    }
  }
  return out;
}

export function matmul(a: Matrix, b: Matrix): Matrix {
  if (a.cols !== b.rows) throw new Error(`matmul: shape mismatch, ${shapeOf(a)} times ${shapeOf(b)}`);
  return matmulInto(a, b, matrix(a.rows, b.cols));
}

/** a^T * b without forming a^T. */
export function transposeMatmul(a: Matrix, b: Matrix): Matrix {
  if (a.rows !== b.rows) {
    throw new Error(`transposeMatmul: shape mismatch, ${shapeOf(a)}^T times ${shapeOf(b)}`);
  }
  const m = a.rows;
  const n = a.cols;
  const p = b.cols;
  const A = a.data;
  const B = b.data;
  const C = new Float64Array(n * p);
  for (let k = 0; k < m; k++) {
    const ak = k * n;
    const bk = k * p;
    for (let i = 0; i < n; i++) {
      const aki = A[ak + i];
      if (aki === 0) continue;
      const ci = i * p;
      for (let j = 0; j < p; j++) C[ci + j] += aki * B[bk + j];
    }
  }
  return { rows: n, cols: p, data: C };
}

/** a * b^T without forming b^T (dot products of rows). */
export function matmulTranspose(a: Matrix, b: Matrix): Matrix {
  if (a.cols !== b.cols) {
    throw new Error(`matmulTranspose: shape mismatch, ${shapeOf(a)} times ${shapeOf(b)}^T`);
  }
  const n = a.rows;
  const m = b.rows;
  const k = a.cols;
  const A = a.data;
  const B = b.data;
  const C = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    const ai = i * k;
    for (let j = 0; j < m; j++) {
      const bj = j * k;
      let s = 0;
      for (let l = 0; l < k; l++) s += A[ai + l] * B[bj + l];
      C[i * m + j] = s;
    }
  }
  return { rows: n, cols: m, data: C };
}

/** a * a^T (rows x rows, exactly symmetric). */
export function gram(a: Matrix): Matrix {
  const n = a.rows;
  const k = a.cols;
  const A = a.data;
  const C = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const ai = i * k;
    for (let j = 0; j <= i; j++) {
      const aj = j * k;
      let s = 0;
      for (let l = 0; l < k; l++) s += A[ai + l] * A[aj + l];
      C[i * n + j] = s;
      C[j * n + i] = s;
    }
  }
  return { rows: n, cols: n, data: C };
}

/** Frobenius norm, scaled so that it neither overflows nor underflows. */
export function frobenius(a: Matrix): number {
  const d = a.data;
  let maxAbs = 0;
  for (let k = 0; k < d.length; k++) {
    const v = Math.abs(d[k]);
    if (v > maxAbs) maxAbs = v;
  }
  if (maxAbs === 0 || !Number.isFinite(maxAbs)) return maxAbs;
  const inv = 1 / maxAbs;
  let s = 0;
  for (let k = 0; k < d.length; k++) {
    const v = d[k] * inv;
    s += v * v;
  }
  return maxAbs * Math.sqrt(s);
}

/** Largest absolute entry (0 for an empty matrix). */
export function maxAbs(a: Matrix): number {
  let m = 0;
  for (let k = 0; k < a.data.length; k++) {
    const v = Math.abs(a.data[k]);
    if (v > m || Number.isNaN(v)) m = v;
  }
  return m;
}

export function trace(a: Matrix): number {
  assertSquare('trace', a);
  let s = 0;
  for (let i = 0; i < a.rows; i++) s += a.data[i * a.cols + i];
  return s;
}

/** Rows [r0, r1), columns [c0, c1), copied. */
export function block(m: Matrix, r0: number, r1: number, c0: number, c1: number): Matrix {
  const ok =
    Number.isInteger(r0) && Number.isInteger(r1) && Number.isInteger(c0) && Number.isInteger(c1) &&
    0 <= r0 && r0 <= r1 && r1 <= m.rows && 0 <= c0 && c0 <= c1 && c1 <= m.cols;
  if (!ok) throw new Error(`block: rows [${r0}, ${r1}) cols [${c0}, ${c1}) out of range for ${shapeOf(m)}`);
  const rows = r1 - r0;
  const cols = c1 - c0;
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const src = (r0 + i) * m.cols + c0;
    out.set(m.data.subarray(src, src + cols), i * cols);
  }
  return { rows, cols, data: out };
}

/** (a + a^T) / 2. */
export function symmetrize(a: Matrix): Matrix {
  assertSquare('symmetrize', a);
  const n = a.rows;
  const A = a.data;
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    out[i * n + i] = A[i * n + i];
    for (let j = 0; j < i; j++) {
      const v = 0.5 * (A[i * n + j] + A[j * n + i]);
      out[i * n + j] = v;
      out[j * n + i] = v;
    }
  }
  return { rows: n, cols: n, data: out };
}

/** max |a_ij - a_ji|, relative to max |a_ij| (0 for a zero matrix). */
export function asymmetry(a: Matrix): number {
  assertSquare('asymmetry', a);
  const n = a.rows;
  const A = a.data;
  let diff = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const d = Math.abs(A[i * n + j] - A[j * n + i]);
      if (d > diff || Number.isNaN(d)) diff = d;
    }
  }
  const scaleAbs = maxAbs(a);
  return scaleAbs === 0 ? diff : diff / scaleAbs;
}

/** Throws unless `a` is square and symmetric to a relative tolerance. */
export function assertSymmetric(op: string, a: Matrix, tol = 1e-8): void {
  assertSquare(op, a);
  const asym = asymmetry(a);
  if (!(asym <= tol)) {
    throw new Error(`${op}: expected a symmetric matrix, ${shapeOf(a)} has relative asymmetry ${asym}`);
  }
}
