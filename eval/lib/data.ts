/** Where the shared evaluation data lives, and a fingerprint of the files a task reads. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** --data PATH, else TRUCE_SHARED_DATA, else ../shared/data beside the repository. */
export function dataRoot(flag?: string): string {
  return resolve(flag ?? process.env.TRUCE_SHARED_DATA ?? resolve(import.meta.dirname, '../../../shared/data'));
}

/** The first of `paths` that is missing, or null when all are there. */
export function missing(paths: readonly string[]): string | null {
  return paths.find((p) => !existsSync(p)) ?? null;
}

/** sha256 over the files' bytes (in the order given) and the sampling parameters. */
export function fingerprint(files: readonly string[], params: Record<string, unknown>): string {
  const hash = createHash('sha256');
  for (const f of files) {
    hash.update(f.split('/').slice(-2).join('/'));
    hash.update(readFileSync(f));
  }
  hash.update(JSON.stringify(params));
  return hash.digest('hex').slice(0, 16);
}

/** A stable pseudo-random key for deterministic sampling (same text, same key, on every machine). */
export function sampleKey(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
