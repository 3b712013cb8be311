/** A half-open character range `[start, end)` into the cleaned body text of a report. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A span that also carries the text it covers, so `body.slice(start, end) === text`. */
export interface TextSpan extends Span {
  readonly text: string;
}

export function textSpan(body: string, start: number, end: number): TextSpan {
  return { start, end, text: body.slice(start, end) };
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

export function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

export function byStart(a: Span, b: Span): number {
  return a.start - b.start || b.end - a.end;
}
