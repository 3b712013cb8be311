/** Entity scoring: CoNLL chunks from IOB2 tags (conlleval's exact-match F1) and typed character spans. */
import { addCounts, zeroCounts, type Counts } from '../lib/prf.js';

export interface Chunk {
  readonly start: number;
  readonly end: number;
  readonly type: string;
}

/** Chunks of one tag sequence; an I- tag that does not continue a chunk of its type starts one (as conlleval). */
export function chunksOf(tags: readonly string[]): Chunk[] {
  const out: Chunk[] = [];
  let open: { start: number; type: string } | null = null;
  tags.forEach((tag, i) => {
    const [prefix, type] = tag === 'O' ? ['O', ''] : [tag.slice(0, 1), tag.slice(2)];
    if (open && (prefix !== 'I' || type !== open.type)) {
      out.push({ start: open.start, end: i, type: open.type });
      open = null;
    }
    if (prefix === 'B' || (prefix === 'I' && !open)) open = { start: i, type };
  });
  if (open)
    out.push({ start: (open as { start: number }).start, end: tags.length, type: (open as { type: string }).type });
  return out;
}

const key = (c: Chunk) => `${c.start}:${c.end}:${c.type}`;

/** Exact typed matches between two sets of chunks or spans, overall and per type. */
export function matchCounts(gold: readonly Chunk[], predicted: readonly Chunk[]): Map<string, Counts> {
  const counts = new Map<string, Counts>();
  const get = (t: string) => counts.get(t) ?? counts.set(t, zeroCounts()).get(t)!;
  const goldKeys = new Set(gold.map(key));
  const predKeys = new Set(predicted.map(key));
  for (const p of predicted) {
    if (goldKeys.has(key(p))) get(p.type).tp++;
    else get(p.type).fp++;
  }
  for (const g of gold) if (!predKeys.has(key(g))) get(g.type).fn++;
  return counts;
}

/** conlleval over sentences of gold and predicted tags: counts by type and the total under "ALL". */
export function conllCounts(
  gold: ReadonlyArray<readonly string[]>,
  predicted: ReadonlyArray<readonly string[]>,
): Map<string, Counts> {
  const total = new Map<string, Counts>();
  gold.forEach((g, i) => {
    for (const [type, c] of matchCounts(chunksOf(g), chunksOf(predicted[i] ?? []))) {
      addCounts(total.get(type) ?? total.set(type, zeroCounts()).get(type)!, c);
    }
  });
  total.set(
    'ALL',
    [...total.values()].reduce((a, c) => addCounts(a, c), zeroCounts()),
  );
  return total;
}

/** Drops spans that overlap a longer (or earlier equal) one, so a system gets one label per stretch. */
export function nonOverlapping<T extends Chunk>(spans: readonly T[]): T[] {
  const ordered = [...spans].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: T[] = [];
  for (const s of ordered) if (!kept.some((k) => k.start < s.end && s.start < k.end)) kept.push(s);
  return kept.sort((a, b) => a.start - b.start);
}

/** Like matchCounts, but a prediction counts when it overlaps a gold span of its type (one-to-one). */
export function overlapCounts(gold: readonly Chunk[], predicted: readonly Chunk[]): Counts {
  const used = new Set<number>();
  const c = zeroCounts();
  for (const p of predicted) {
    const i = gold.findIndex((g, j) => !used.has(j) && g.type === p.type && g.start < p.end && p.start < g.end);
    if (i >= 0) {
      used.add(i);
      c.tp++;
    } else c.fp++;
  }
  c.fn = gold.length - used.size;
  return c;
}

/**
 * re3d annotates mentions, not bare names: its guidelines (README-upstream.md) count an organisation
 * named with its article ("the Harbour Guild") and a person's title with the name ("Mayor Ana Vell").
 * Our spans, and compromise's, follow CoNLL's convention (the name alone). For the re3d rows an
 * organisation or place span right after "the" takes the determiner in, and a person span right after
 * a capitalised title of the recogniser's list ("Prime Minister", "Mr") takes the title in.
 * `titles` is that list, longest first ("Prime Minister" is tried before "Minister").
 */
export function asRe3dMention(text: string, span: Chunk, titles: readonly string[]): Chunk {
  const before = (w: string) =>
    span.start >= w.length + 1 &&
    text.slice(span.start - w.length - 1, span.start) === `${w} ` &&
    !/[\p{L}\p{N}]/u.test(text[span.start - w.length - 2] ?? ' ');
  if (span.type === 'organisation' || span.type === 'place') {
    for (const the of ['the', 'The']) if (before(the)) return { ...span, start: span.start - the.length - 1 };
  }
  if (span.type === 'person') {
    for (const t of titles) if (before(t)) return { ...span, start: span.start - t.length - 1 };
  }
  return span;
}
