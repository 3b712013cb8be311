/** Idempotency keys and pipeline-version order, shared by every backend. */
import { createHash } from 'node:crypto';

/** sha256 of the raw text as UTF-8, lower-case hex: same content, same key, on every backend. */
export function contentHash(raw: string): string {
  return createHash('sha256').update(raw, 'utf8').digest('hex');
}

/**
 * Orders pipeline versions by their dotted numbers ("0.10.0" > "0.9.2"); a version with extra
 * parts is newer ("1.2.1" > "1.2"). Non-numeric parts compare as text, so any string is ordered.
 */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.\-+]/);
  const pb = b.split(/[.\-+]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = /^\d+$/.test(x) ? Number(x) : NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : NaN;
    const c = Number.isNaN(nx) || Number.isNaN(ny) ? x.localeCompare(y) : nx - ny;
    if (c !== 0) return Math.sign(c);
  }
  return 0;
}
