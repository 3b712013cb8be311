/**
 * Cleans a plain-text report: line endings, chrome, headline, byline, dateline. Every body
 * character except separators is copied from the raw input, so the offset map is exact.
 */
import type { CleanLayer, RemovedPiece, ReportInput } from '../../core/document.js';
import { trimChrome, type ChromeRules } from './chrome.js';
import { findDateline } from './dateline.js';
import { isHeadlineLine, parseByline, stripSiteSuffix } from './headline.js';
import { normalise } from './normalise.js';
import { BodyBuilder } from './offsets.js';

interface Line {
  readonly start: number;
  readonly end: number;
}

/** Non-blank lines, trimmed of surrounding whitespace, as ranges of `text`. */
function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    let s = pos;
    let e = nl;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) lines.push({ start: s, end: e });
    pos = nl + 1;
  }
  return lines;
}

const BLANK_LINE = /\n[^\S\n]*\n/;

export function cleanText(input: ReportInput, rules: ChromeRules): CleanLayer {
  const norm = normalise(input.raw);
  const text = norm.text;
  const lines = linesOf(text);
  const trimmed = trimChrome(
    rules,
    lines.map((l) => text.slice(l.start, l.end)),
  );
  const removed: RemovedPiece[] = [...trimmed.removed];
  // Kept ranges in `text`, with the index of the line they came from.
  let kept = trimmed.kept.map((k) => ({
    index: k.index,
    start: lines[k.index]!.start + k.from,
    end: lines[k.index]!.start + k.to,
  }));

  let headline: string | null = null;
  const first = kept[0];
  if (first && kept.length > 1) {
    const next = lines[first.index + 1];
    const gap = next ? text.slice(lines[first.index]!.end, next.start) : '';
    if (isHeadlineLine(text.slice(first.start, first.end), BLANK_LINE.test(gap))) {
      headline = stripSiteSuffix(text.slice(first.start, first.end), input.sourceName ? [input.sourceName] : []);
      kept = kept.slice(1);
    }
  }
  let byline: string | null = null;
  const second = kept[0];
  if (second && kept.length > 1) {
    byline = parseByline(text.slice(second.start, second.end));
    if (byline) kept = kept.slice(1);
  }

  const body = new BodyBuilder();
  let prev: { index: number; end: number } | null = null;
  for (const unit of kept) {
    if (prev) {
      const gap = text.slice(prev.end, unit.start);
      // A removed line in between ends the paragraph too, so chrome never glues two paragraphs.
      const sep = BLANK_LINE.test(gap) || unit.index !== prev.index + 1 ? '\n\n' : '\n';
      if (gap === sep) body.copyThrough(text, prev.end, unit.start, norm.map);
      else body.insert(sep);
    }
    body.copyThrough(text, unit.start, unit.end, norm.map);
    prev = unit;
  }
  const bodyText = body.toString();
  const warnings = bodyText.length === 0 ? ['W002 No article text found in the text report'] : [];
  return {
    body: bodyText,
    headline,
    byline,
    dateline: bodyText ? findDateline(bodyText, 0) : null,
    published: input.published ?? null,
    publishedFrom: input.published ? 'input' : null,
    removed,
    offsets: body.segments,
    warnings,
  };
}
