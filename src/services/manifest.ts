/** A manifest lists reports in a folder with what the files themselves may not say: date and source. */
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { parseIsoDay, type IsoDay } from '../core/date.js';
import { loadDataFile } from '../core/data-file.js';

const isoDay = z.string().refine((v) => parseIsoDay(v) !== null, 'expected a date YYYY-MM-DD');

const ManifestSchema = z.strictObject({
  reports: z
    .array(
      z
        .strictObject({
          file: z.string().min(1),
          published: z.union([isoDay, z.date().transform((d) => d.toISOString().slice(0, 10))]).optional(),
          source: z.string().min(1).optional(),
          /** Who may read it once stored (default public); `restricted` names the parties it is shared with. */
          visibility: z.enum(['public', 'monitors', 'restricted']).optional(),
          parties: z.array(z.string().min(1)).min(1).optional(),
        })
        .refine((r) => (r.visibility === 'restricted') === (r.parties !== undefined), {
          message: 'a restricted report names its parties, and only a restricted report does',
          path: ['parties'],
        }),
    )
    .min(1),
});

export interface ManifestEntry {
  readonly path: string;
  readonly published?: IsoDay;
  readonly source?: string;
  readonly visibility?: 'public' | 'monitors' | 'restricted';
  readonly parties?: readonly string[];
}

export function loadManifest(path: string): ManifestEntry[] {
  const full = resolve(path);
  const manifest = loadDataFile(full, ManifestSchema);
  return manifest.reports.map((r) => ({
    path: resolve(dirname(full), r.file),
    published: r.published === undefined ? undefined : (parseIsoDay(r.published) ?? undefined),
    source: r.source,
    ...(r.visibility ? { visibility: r.visibility } : {}),
    ...(r.parties ? { parties: r.parties } : {}),
  }));
}
