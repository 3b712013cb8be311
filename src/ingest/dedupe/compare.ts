/**
 * Decides whether two reports are one story: 'copy' (republished nearly verbatim, perhaps under
 * another headline), 'version' (rewritten or updated: substantial shared text, or the shorter
 * text mostly contained in the longer), or 'distinct'. Thresholds are data (thresholds.yaml).
 */
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { loadDataFile } from '../../core/data-file.js';
import { estimateJaccard, signatureInfo } from './minhash.js';

export type Relation = 'copy' | 'version' | 'distinct';

export interface Comparison {
  /** Estimated Jaccard similarity of the two shingle sets (0..1). */
  readonly jaccard: number;
  /** Estimated share of the smaller text's shingles found in the other (0..1). */
  readonly containment: number;
  readonly relation: Relation;
}

const unit = z.number().min(0).max(1);
export const ThresholdsSchema = z.object({
  copy: z.object({ jaccard: unit }),
  version: z.object({
    jaccard: unit,
    containment: unit,
    /** Containment alone decides only above this Jaccard: at very low Jaccard its estimate is noise. */
    containmentMinJaccard: unit,
  }),
  measured: z.object({ date: z.string(), corpus: z.string(), result: z.string() }),
});
export type Thresholds = z.infer<typeof ThresholdsSchema>;

export const THRESHOLDS_PATH = fileURLToPath(new URL('./thresholds.yaml', import.meta.url));

export function loadThresholds(path: string = THRESHOLDS_PATH): Thresholds {
  return loadDataFile(path, ThresholdsSchema);
}

let defaults: Thresholds | undefined;
/** The shipped thresholds, read once on first use. */
export function defaultThresholds(): Thresholds {
  return (defaults ??= loadThresholds());
}

/**
 * Estimated containment from the Jaccard estimate and the two set sizes:
 * |A ∩ B| = J (|A| + |B|) / (1 + J), divided by the smaller set. Symmetric in a and b.
 */
export function estimateContainment(jaccard: number, sizeA: number, sizeB: number): number {
  const smaller = Math.min(sizeA, sizeB);
  if (smaller === 0) return 0;
  const shared = (jaccard * (sizeA + sizeB)) / (1 + jaccard);
  return Math.min(1, shared / smaller);
}

export function classify(jaccard: number, containment: number, t: Thresholds): Relation {
  if (jaccard >= t.copy.jaccard) return 'copy';
  if (jaccard >= t.version.jaccard) return 'version';
  if (containment >= t.version.containment && jaccard >= t.version.containmentMinJaccard) return 'version';
  return 'distinct';
}

/** Compares two signatures; the result does not depend on the order of the arguments. */
export function compare(a: Uint32Array, b: Uint32Array, thresholds: Thresholds = defaultThresholds()): Comparison {
  const jaccard = estimateJaccard(a, b);
  const containment = estimateContainment(jaccard, signatureInfo(a).shingles, signatureInfo(b).shingles);
  return { jaccard, containment, relation: classify(jaccard, containment, thresholds) };
}
