/**
 * Attribution scoring (PolNeAR style): a predicted quote matches a gold attribution when their
 * content spans overlap (one-to-one, largest overlap first); its speaker is right when the predicted
 * speaker mention overlaps a gold source span, or when both have none.
 */
import { zeroCounts, type Counts } from '../lib/prf.js';

export type Range = readonly [number, number];

export interface GoldAttribution {
  readonly content: readonly Range[];
  readonly source: readonly Range[];
  readonly direct: boolean;
}

export interface PredictedAttribution {
  readonly content: Range;
  readonly speaker: Range | null;
  readonly direct: boolean;
}

export interface QuoteCounts {
  /** Content found (overlap), whatever the speaker. */
  readonly content: Counts;
  /** Content found and the speaker right. */
  readonly withSpeaker: Counts;
}

const overlap = (a: Range, b: Range) => Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));

/** A gold content is direct speech when it opens with a quotation mark. */
export function isDirectContent(text: string): boolean {
  return /^["\u201c\u201e\u00ab]/.test(text.trim());
}

export function scoreAttributions(
  gold: readonly GoldAttribution[],
  predicted: readonly PredictedAttribution[],
): QuoteCounts {
  const pairs: Array<{ g: number; p: number; size: number }> = [];
  predicted.forEach((p, pi) =>
    gold.forEach((g, gi) => {
      const size = g.content.reduce((s, r) => s + overlap(r, p.content), 0);
      if (size > 0) pairs.push({ g: gi, p: pi, size });
    }),
  );
  pairs.sort((a, b) => b.size - a.size || a.p - b.p || a.g - b.g);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  let matched = 0;
  let speakerRight = 0;
  for (const { g, p } of pairs) {
    if (usedG.has(g) || usedP.has(p)) continue;
    usedG.add(g);
    usedP.add(p);
    matched++;
    const gs = gold[g]!.source;
    const ps = predicted[p]!.speaker;
    if (ps === null ? gs.length === 0 : gs.some((r) => overlap(r, ps) > 0)) speakerRight++;
  }
  const content = { ...zeroCounts(), tp: matched, fp: predicted.length - matched, fn: gold.length - matched };
  const withSpeaker = { tp: speakerRight, fp: predicted.length - speakerRight, fn: gold.length - speakerRight };
  return { content, withSpeaker };
}
