/**
 * The hand-made labels of the dedupe evaluation (eval/dedupe/labels/): post ids (hashes of the post
 * paths, corpus.ts) and labels only, never article text or headlines.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { STRATA } from './pairs.js';

export const LabelSchema = z.enum(['copy', 'version', 'distinct']);
export type Label = z.infer<typeof LabelSchema>;

const id = z.string().regex(/^[0-9a-f]{12}$/);

export const LabelsFileSchema = z.strictObject({
  corpus: z.string(),
  ids: z.string(),
  annotator: z.string(),
  labelled: z.string(),
  method: z.string(),
  definition: z.strictObject({ copy: z.string(), version: z.string(), distinct: z.string() }),
  sample: z.strictObject({
    seed: z.number().int(),
    strata: z.record(
      z.enum(STRATA),
      z.strictObject({ rule: z.string(), population: z.number().int().positive(), labelled: z.number().int() }),
    ),
  }),
  pairs: z.array(z.strictObject({ a: id, b: id, stratum: z.enum(STRATA), label: LabelSchema })).min(1),
});
export type LabelsFile = z.infer<typeof LabelsFileSchema>;
export type LabelledPair = LabelsFile['pairs'][number];

/** Labels of another annotator on pairs of the same corpus: for agreement only, never for scores. */
export const OtherLabelsSchema = z.strictObject({
  corpus: z.string(),
  ids: z.string(),
  annotator: z.string(),
  note: z.string(),
  pairs: z.array(z.strictObject({ a: id, b: id, label: LabelSchema })),
});
export type OtherLabels = z.infer<typeof OtherLabelsSchema>;

export const LABELS_PATH = new URL('./labels/reuters-2016.json', import.meta.url);
export const EARLIER_LABELS_PATH = new URL('./labels/reuters-2016.earlier.json', import.meta.url);

export function readLabels(path: URL | string = LABELS_PATH): LabelsFile {
  const file = LabelsFileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  const seen = new Set<string>();
  for (const p of file.pairs) {
    const key = [p.a, p.b].sort().join('|');
    if (seen.has(key)) throw new Error(`${String(path)}: pair ${key} is labelled twice`);
    seen.add(key);
  }
  for (const [s, info] of Object.entries(file.sample.strata))
    if (file.pairs.filter((p) => p.stratum === s).length !== info.labelled)
      throw new Error(`${String(path)}: stratum ${s} says ${info.labelled} labelled pairs`);
  return file;
}

export function readOtherLabels(path: URL | string = EARLIER_LABELS_PATH): OtherLabels {
  return OtherLabelsSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}
