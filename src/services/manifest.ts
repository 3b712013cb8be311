/** A manifest lists reports in a folder with what the files themselves may not say: date and source. */
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { parseIsoDay, type IsoDay } from '../core/date.js';
import { loadDataFile } from '../core/data-file.js';

const isoDay = z.string().refine((v) => parseIsoDay(v) !== null, 'expected a date YYYY-MM-DD');

const ManifestSchema = z.strictObject({
  reports: z
    .array(
      z.strictObject({
        file: z.string().min(1),
        published: z.union([isoDay, z.date().transform((d) => d.toISOString().slice(0, 10))]).optional(),
        source: z.string().min(1).optional(),
      }),
    )
    .min(1),
});

export interface ManifestEntry {
  readonly path: string;
  readonly published?: IsoDay;
  readonly source?: string;
}

export function loadManifest(path: string): ManifestEntry[] {
  const full = resolve(path);
  const manifest = loadDataFile(full, ManifestSchema);
  return manifest.reports.map((r) => ({
    path: resolve(dirname(full), r.file),
    published: r.published === undefined ? undefined : (parseIsoDay(r.published) ?? undefined),
    source: r.source,
  }));
}
