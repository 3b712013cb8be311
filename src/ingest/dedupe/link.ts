/**
 * Which stored report a new one is a copy or version of. Pure: ingest (services/ingest.service.ts)
 * feeds it the LSH candidates from the store, and the dedupe evaluation replays it with other
 * thresholds over the same stored signatures, so both measure one rule.
 */
import { compare, defaultThresholds, type Relation, type Thresholds } from './compare.js';

export interface LinkCandidate {
  readonly reportId: number;
  /** The report it is already linked to; null when it is itself canonical. */
  readonly canonicalReportId: number | null;
  readonly signature: Uint32Array;
}

export interface Link {
  readonly relation: Exclude<Relation, 'distinct'>;
  /** The canonical report of the matched story (never `reportId` itself). */
  readonly canonical: number;
  readonly jaccard: number;
}

const rank = (r: Relation) => (r === 'copy' ? 2 : r === 'version' ? 1 : 0);

/**
 * The best match among the candidates: a copy beats a version, then the higher Jaccard, then the
 * earlier candidate. The link goes to the match's canonical report, so a story stays one star
 * (copies of copies point at the first report). Null when nothing matches.
 */
export function chooseCanonical(
  reportId: number,
  sig: Uint32Array,
  candidates: readonly LinkCandidate[],
  thresholds: Thresholds = defaultThresholds(),
): Link | null {
  let best: Link | null = null;
  for (const c of candidates) {
    if (c.reportId === reportId) continue;
    const cmp = compare(sig, c.signature, thresholds);
    if (cmp.relation === 'distinct') continue;
    if (
      !best ||
      rank(cmp.relation) > rank(best.relation) ||
      (cmp.relation === best.relation && cmp.jaccard > best.jaccard)
    )
      best = { relation: cmp.relation, canonical: c.canonicalReportId ?? c.reportId, jaccard: cmp.jaccard };
  }
  return best && best.canonical !== reportId ? best : null;
}
