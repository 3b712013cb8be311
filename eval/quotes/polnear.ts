/** Reading PolNeAR (`../shared/data/polnear-quotes/{train,dev}.jsonl`): one record per article. */
import { readFileSync } from 'node:fs';

export interface PolnearPart {
  readonly spans: Array<[number, number]>;
  readonly text: string;
}

export interface PolnearAttribution {
  readonly source: PolnearPart[];
  readonly cue: PolnearPart[];
  readonly content: PolnearPart[];
}

export interface PolnearRecord {
  readonly doc_id: string;
  readonly text: string;
  readonly attributions: PolnearAttribution[];
}

/**
 * The records of one PolNeAR file, in file order. Articles annotated by several annotators appear
 * once per annotator: only the first annotation of each article is kept (`extraAnnotations` counts
 * the others).
 */
export function readPolnear(path: string): { records: PolnearRecord[]; extraAnnotations: number } {
  const all = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as PolnearRecord);
  const seen = new Set<string>();
  const records = all.filter((r) => !seen.has(r.doc_id) && seen.add(r.doc_id));
  return { records, extraAnnotations: all.length - records.length };
}
