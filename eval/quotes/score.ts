/**
 * Attribution scoring, following PolNeAR's conventions (Newell et al., LREC 2018): a content may be
 * discontinuous ("A," he said, "B.") or run over several sentences, and its source is the mention
 * in the text (a pronoun, "the official"), not a resolved entity.
 *
 * - A predicted content is assigned to the gold content it overlaps most, when that overlap is at
 *   least half of the shorter of the two (so a fragment of a long gold content counts, a content that
 *   merely touches another does not). Several predictions may be assigned to one gold attribution:
 *   the pieces of a discontinuous or multi-sentence content are each right.
 * - The speaker is right when our speaker mention, or any mention in its chain (the entity's other
 *   mentions and the mentions we resolved to it), overlaps a gold source span; or when both have none.
 * - Precision: predictions assigned to a gold attribution (with the right speaker) over predictions.
 *   Recall: gold attributions with at least one such prediction over gold attributions.
 * - Kinds: a gold content is direct when at least half of its characters stand between quotation
 *   marks (PolNeAR does not mark the kind); a prediction's kind is its own. The direct row's precision
 *   is over our direct quotes (assigned to any gold attribution), its recall over gold direct ones.
 */
export type Range = readonly [number, number];

export interface GoldAttribution {
  readonly content: readonly Range[];
  readonly source: readonly Range[];
  readonly direct: boolean;
}

export interface PredictedAttribution {
  readonly content: Range;
  /** The speaker mention and the rest of its chain; empty when there is no speaker. */
  readonly speaker: readonly Range[];
  readonly direct: boolean;
}

/** Precision and recall counted apart (several predictions may find one gold attribution). */
export interface PrCounts {
  predicted: number;
  predictedRight: number;
  gold: number;
  goldFound: number;
}

export interface QuoteCounts {
  /** Content found, whatever the speaker. */
  readonly content: PrCounts;
  /** Content found and the speaker right. */
  readonly withSpeaker: PrCounts;
}

export const zeroPr = (): PrCounts => ({ predicted: 0, predictedRight: 0, gold: 0, goldFound: 0 });

export function addPr(into: PrCounts, c: PrCounts): PrCounts {
  into.predicted += c.predicted;
  into.predictedRight += c.predictedRight;
  into.gold += c.gold;
  into.goldFound += c.goldFound;
  return into;
}

export function prfOf(c: PrCounts): { p: number; r: number; f1: number } {
  const p = c.predicted ? c.predictedRight / c.predicted : 0;
  const r = c.gold ? c.goldFound / c.gold : 0;
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

const overlap = (a: Range, b: Range) => Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
const length = (rs: readonly Range[]) => rs.reduce((s, r) => s + r[1] - r[0], 0);

const OPEN = new Set(['“', '«', '„']);
const CLOSE = new Set(['”', '»']);

/** The share of a content's non-space characters that stand between quotation marks. */
export function quotedShare(parts: readonly string[]): number {
  let inside = false;
  let quoted = 0;
  let all = 0;
  for (const text of parts) {
    for (const ch of text) {
      if (OPEN.has(ch)) inside = true;
      else if (CLOSE.has(ch)) inside = false;
      else if (ch === '"') inside = !inside;
      else if (!/\s/.test(ch)) {
        all++;
        if (inside) quoted++;
      }
    }
  }
  return all ? quoted / all : 0;
}

/** A gold content is direct speech when at least half of it stands between quotation marks. */
export const isDirectContent = (parts: readonly string[]): boolean => quotedShare(parts) >= 0.5;

function speakerRight(gold: GoldAttribution, pred: PredictedAttribution): boolean {
  if (pred.speaker.length === 0) return gold.source.length === 0;
  return pred.speaker.some((m) => gold.source.some((s) => overlap(m, s) > 0));
}

/** The gold attribution a prediction is assigned to, or -1. */
export function assign(gold: readonly GoldAttribution[], pred: PredictedAttribution): number {
  let best = -1;
  let bestSize = 0;
  const own = pred.content[1] - pred.content[0];
  gold.forEach((g, gi) => {
    const size = g.content.reduce((s, r) => s + overlap(r, pred.content), 0);
    if (size > bestSize && size * 2 >= Math.min(own, length(g.content))) {
      best = gi;
      bestSize = size;
    }
  });
  return best;
}

/**
 * Scores `predicted` against `gold`; `keepGold` / `keepPredicted` choose the rows counted (a kind),
 * while assignment is always made against every gold attribution.
 */
export function scoreAttributions(
  gold: readonly GoldAttribution[],
  predicted: readonly PredictedAttribution[],
  keepGold: (g: GoldAttribution) => boolean = () => true,
  keepPredicted: (p: PredictedAttribution) => boolean = () => true,
): QuoteCounts {
  const content = zeroPr();
  const withSpeaker = zeroPr();
  const found = new Uint8Array(gold.length);
  const foundWithSpeaker = new Uint8Array(gold.length);
  for (const p of predicted) {
    const g = assign(gold, p);
    const right = g >= 0 && speakerRight(gold[g]!, p);
    if (g >= 0) found[g] = 1;
    if (right) foundWithSpeaker[g] = 1;
    if (!keepPredicted(p)) continue;
    content.predicted++;
    withSpeaker.predicted++;
    if (g >= 0) content.predictedRight++;
    if (right) withSpeaker.predictedRight++;
  }
  gold.forEach((g, gi) => {
    if (!keepGold(g)) return;
    content.gold++;
    withSpeaker.gold++;
    content.goldFound += found[gi]!;
    withSpeaker.goldFound += foundWithSpeaker[gi]!;
  });
  return { content, withSpeaker };
}
