/**
 * Boilerplate metrics. The article-extraction-benchmark metric as its authors define it: 4-token
 * shingles of `\w+` tokens, per-page TP/FP/FN normalised by their sum, P and R averaged over pages,
 * F1 of the averages. The trafilatura metric: must-have segments found are TP, missing are FN;
 * must-not segments found are FP.
 */
import type { Counts } from '../lib/prf.js';

const WORD = /[\p{L}\p{N}_]+/gu;

export function shingles(text: string, n = 4): Map<string, number> {
  const tokens = text.match(WORD) ?? [];
  const out = new Map<string, number>();
  // A text shorter than n tokens still gives one (shorter) shingle, as upstream does.
  const count = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < count; i++) {
    const key = tokens.slice(i, i + n).join('\u0001');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

export interface PagePr {
  readonly p: number;
  readonly r: number;
}

/** One page's shingle precision and recall (1,1 when both texts are empty; 0,0 when nothing shared). */
export function shinglePr(truth: string, predicted: string): PagePr {
  const t = shingles(truth);
  const p = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [k, n] of p) {
    const m = t.get(k) ?? 0;
    tp += Math.min(n, m);
    fp += Math.max(0, n - m);
  }
  for (const [k, m] of t) fn += Math.max(0, m - (p.get(k) ?? 0));
  if (fp === 0 && fn === 0) return { p: 1, r: 1 };
  if (tp === 0) return { p: 0, r: 0 };
  return { p: tp / (tp + fp), r: tp / (tp + fn) };
}

export function averagePr(pages: readonly PagePr[]): { p: number; r: number; f1: number } {
  const p = pages.reduce((s, x) => s + x.p, 0) / Math.max(1, pages.length);
  const r = pages.reduce((s, x) => s + x.r, 0) / Math.max(1, pages.length);
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Segment counts for one page: `with` segments must be in the text, `without` ones must not. */
export function segmentCounts(
  text: string,
  must: readonly string[],
  mustNot: readonly string[],
): Counts & { tn: number } {
  const body = squash(text);
  const found = (seg: string) => body.includes(squash(seg));
  const tp = must.filter(found).length;
  const fp = mustNot.filter(found).length;
  return { tp, fn: must.length - tp, fp, tn: mustNot.length - fp };
}
