/** The hand-made labels of eval/dedupe/labels.json: post_path pairs only, never article text. */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export const LabelSchema = z.enum(['copy', 'version', 'distinct']);
export const LabelsFileSchema = z.object({
  corpus: z.string(),
  labelled: z.string(),
  definition: z.record(z.string(), z.string()),
  strata: z.record(z.string(), z.string()),
  pairs: z.array(
    z.object({ a: z.string(), b: z.string(), label: LabelSchema, stratum: z.string(), reason: z.string().min(5) }),
  ),
});
export type LabelsFile = z.infer<typeof LabelsFileSchema>;
export type LabelledPair = LabelsFile['pairs'][number];

export const LABELS_PATH = new URL('./labels.json', import.meta.url);

export function readLabels(path: URL | string = LABELS_PATH): LabelsFile {
  return LabelsFileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}
