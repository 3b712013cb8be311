/**
 * Tables the fast decoder builds once from the weights (fast-decoder.ts): which weight rows hold a
 * non-zero weight, and the transition mask folded into the previous-tag-pair vectors.
 */

/** Added to a class the previous tag does not allow (-2^30). */
const DISALLOWED = -(1 << 30);

/**
 * Bit r of `nonZero` is set when weight row r (of `nc` classes) holds a non-zero weight; `zeroRow` is
 * one all-zero row (-1: none), which a decoder may read instead of any row whose bit is clear.
 */
export function nonZeroRows(weights: Int16Array, rows: number, nc: number): { nonZero: Int32Array; zeroRow: number } {
  const nonZero = new Int32Array(Math.ceil(rows / 32));
  let zeroRow = -1;
  for (let r = 0; r < rows; r++) {
    let any = false;
    for (let c = 0; c < nc && !any; c++) any = weights[r * nc + c] !== 0;
    if (any) nonZero[r >>> 5]! |= 1 << (r & 31);
    else if (zeroRow < 0) zeroRow = r;
  }
  return { nonZero, zeroRow };
}

/**
 * Adds DISALLOWED to each class the previous tag does not allow, in the pair vectors indexed
 * ((prev + 1) * (nc + 1) + prev2 + 1) * nc, when every previous tag allows some class; returns whether
 * it did. Scores stay within +-2^24 (a few dozen int16 weights), so a disallowed class scores below
 * every allowed one and the plain argmax (lowest class first on ties) is the masked one.
 */
export function penalise(tagPairs: Int32Array, allowed: readonly Uint8Array[], nc: number): boolean {
  const ok = allowed.length === nc + 1 && allowed.every((row) => row.some((on, c) => c < nc && on));
  if (!ok) return false;
  for (let prev = -1; prev < nc; prev++) {
    for (let prev2 = -1; prev2 < nc; prev2++) {
      const at = ((prev + 1) * (nc + 1) + prev2 + 1) * nc;
      for (let c = 0; c < nc; c++) if (!allowed[prev + 1]![c]) tagPairs[at + c]! += DISALLOWED;
    }
  }
  return true;
}
