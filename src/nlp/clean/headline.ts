/**
 * Headline and byline of a plain-text report, and the site-name suffix that page titles carry.
 */
import { wordCount } from './chrome.js';

const HEADLINE_MAX_WORDS = 25;
const HEADLINE_MAX_CHARS = 200;

/**
 * A first line is a headline when it is short, does not end like a sentence or a clause,
 * and a blank line separates it from what follows.
 */
export function isHeadlineLine(line: string, followedByBlankLine: boolean): boolean {
  if (!followedByBlankLine) return false;
  const text = line.trim();
  if (text.length === 0 || text.length > HEADLINE_MAX_CHARS || wordCount(text) > HEADLINE_MAX_WORDS) return false;
  if (/[.,;:!…'"’”»)]$/u.test(text)) return false;
  // A headline has letters, and at least one capital (a sentence fragment in lower case is not one).
  return /\p{Lu}/u.test(text);
}

/** Separators between a title and the site name: "Story | Site", "Story - Site", "Story — Site". */
const SUFFIX = /^(.{12,}?)\s+(?:\||–|—|-|::|·)\s+([^|–—]{2,60})$/u;

/**
 * Strips a trailing site name. "|" and "::" always separate one; a dash does only when the part
 * after it looks like a name (every word capitalised or a domain) of at most four words.
 */
export function stripSiteSuffix(title: string, siteNames: readonly string[] = []): string {
  const text = title.replace(/\s+/g, ' ').trim();
  const m = SUFFIX.exec(text);
  if (!m) return text;
  const [, main, suffix] = m as unknown as [string, string, string];
  const sep = text.slice(main.length).trim()[0];
  const known = siteNames.some((s) => s && suffix.toLowerCase() === s.toLowerCase());
  const words = suffix.trim().split(/\s+/);
  const nameLike = words.length <= 4 && words.every((w) => /^[\p{Lu}\d]/u.test(w) || /\.\p{L}{2,}$/u.test(w));
  if (known || ((sep === '|' || sep === ':') && words.length <= 6) || nameLike) return stripSiteSuffix(main, siteNames);
  return text;
}

const BYLINE = /^(?:by|from)\s+(\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|de|al|bin|van|von|and|&|,))*)$/iu;

/** "By Jane Doe and John Roe" -> "Jane Doe and John Roe"; null when the line is not a byline. */
export function parseByline(line: string): string | null {
  const text = line.trim();
  if (text.length > 120 || wordCount(text) > 12) return null;
  const m = BYLINE.exec(text);
  return m ? m[1]!.trim() : null;
}

/** Tidies a byline found in page metadata: drops a leading "By". */
export function tidyByline(value: string | null | undefined): string | null {
  if (!value) return null;
  const text = value
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^by\s+/i, '');
  return text.length > 0 && text.length <= 200 ? text : null;
}
