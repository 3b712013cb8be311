/**
 * The word just before a position, as /([A-Za-z]+)[\s-]*$/ on text.slice(0, end) would find it, but
 * read backwards from the position: the regex scans the whole prefix, which made it the stage's
 * most expensive line once chrono read a whole report at a time.
 */
const SPACE_OR_DASH = /[\s-]/;

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

export function wordBefore(text: string, end: number): string | undefined {
  let i = end;
  while (i > 0 && SPACE_OR_DASH.test(text[i - 1]!)) i--;
  const stop = i;
  while (i > 0 && isAsciiLetter(text.charCodeAt(i - 1))) i--;
  return i < stop ? text.slice(i, stop) : undefined;
}
