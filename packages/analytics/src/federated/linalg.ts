/**
 * Small dense linear algebra for the federated GLM: the coordinator only ever solves p×p symmetric
 * positive-definite systems (the summed Fisher information), p being the number of model
 * coefficients, so a Cholesky factorisation written here is enough and keeps the package free of a
 * numeric dependency. Matrices are row-major Float64Arrays of length p·p.
 */

/** Outcome of factorising A = L·Lᵀ: either the factor, or the columns that made A singular. */
export type CholeskyResult =
  | { ok: true; lower: Float64Array; p: number }
  | { ok: false; aliased: { column: number; dependsOn: number[] }[] };

/**
 * A column whose Cholesky pivot keeps less than this share of its own diagonal is a linear
 * combination of the columns before it (1 − R² of that column regressed on the earlier ones). The
 * normal equations square the condition number, so this is looser than R's QR tolerance (1e-11 on
 * the norm, i.e. 1e-22 here) but far above round-off.
 */
export const ALIAS_TOLERANCE = 1e-10;

/** Cholesky factor of a symmetric p×p matrix; reports every aliased (collinear) column instead of failing on the first. */
export function cholesky(a: Float64Array, p: number): CholeskyResult {
  const l = new Float64Array(p * p);
  const aliasedCols: number[] = [];
  for (let j = 0; j < p; j++) {
    let d = a[j * p + j]!;
    for (let k = 0; k < j; k++) d -= l[j * p + k]! * l[j * p + k]!;
    const diag = a[j * p + j]!;
    if (!(diag > 0) || !(d > ALIAS_TOLERANCE * diag)) {
      // Column j adds nothing new; leave its row of L at zero so later columns ignore it.
      aliasedCols.push(j);
      continue;
    }
    const ljj = Math.sqrt(d);
    l[j * p + j] = ljj;
    for (let i = j + 1; i < p; i++) {
      let s = a[i * p + j]!;
      for (let k = 0; k < j; k++) s -= l[i * p + k]! * l[j * p + k]!;
      l[i * p + j] = s / ljj;
    }
  }
  if (aliasedCols.length === 0) return { ok: true, lower: l, p };
  return {
    ok: false,
    aliased: aliasedCols.map((column) => ({ column, dependsOn: dependsOn(a, p, column, aliasedCols) })),
  };
}

/**
 * Which earlier, non-aliased columns an aliased column is built from: regress it on them (normal
 * equations restricted to those columns) and keep the ones with a non-negligible standardised weight.
 */
function dependsOn(a: Float64Array, p: number, column: number, aliased: number[]): number[] {
  const basis = Array.from({ length: column }, (_, i) => i).filter((i) => !aliased.includes(i));
  if (basis.length === 0) return [];
  const q = basis.length;
  const sub = new Float64Array(q * q);
  const rhs = new Float64Array(q);
  basis.forEach((bi, r) => {
    rhs[r] = a[bi * p + column]!;
    basis.forEach((bj, c) => (sub[r * q + c] = a[bi * p + bj]!));
  });
  const f = cholesky(sub, q);
  if (!f.ok) return basis;
  const coef = choleskySolve(f, rhs);
  const scale = Math.sqrt(a[column * p + column]!);
  return basis.filter((bi, r) => Math.abs(coef[r]!) * Math.sqrt(a[bi * p + bi]!) > 1e-6 * scale);
}

/** Solves A·x = b given A's Cholesky factor. */
export function choleskySolve(f: { lower: Float64Array; p: number }, b: ArrayLike<number>): Float64Array {
  const { lower: l, p } = f;
  const y = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i * p + k]! * y[k]!;
    y[i] = s / l[i * p + i]!;
  }
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < p; k++) s -= l[k * p + i]! * x[k]!;
    x[i] = s / l[i * p + i]!;
  }
  return x;
}

/** Inverse of A given its Cholesky factor (column by column; p is small). */
export function choleskyInverse(f: { lower: Float64Array; p: number }): Float64Array {
  const { p } = f;
  const inv = new Float64Array(p * p);
  const e = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    e.fill(0);
    e[j] = 1;
    const col = choleskySolve(f, e);
    for (let i = 0; i < p; i++) inv[i * p + j] = col[i]!;
  }
  // Symmetrise away the last bits of round-off.
  for (let i = 0; i < p; i++)
    for (let j = 0; j < i; j++) {
      const m = (inv[i * p + j]! + inv[j * p + i]!) / 2;
      inv[i * p + j] = m;
      inv[j * p + i] = m;
    }
  return inv;
}
