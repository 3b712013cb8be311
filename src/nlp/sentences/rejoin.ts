/**
 * Sentence cuts the splitter makes inside a name (wink-nlp's lite model ends a sentence at some
 * abbreviations): a title ("the Rev. | Al Sharpton", "Sens. | John McCain"), a party and state in
 * parentheses ("Rep. X (D-N. | Y.) said", "Sen. X (I-Vt.) | on Saturday said"). Such a cut is
 * undone by joining the two sentences, so later stages read the subject and its verb together.
 */
import { z } from 'zod';
import type { Sentence, Token } from '../../core/document.js';
import { loadDataFile } from '../../core/data-file.js';

const AbbreviationsSchema = z.strictObject({ titles: z.array(z.string().min(1)).min(1) });

let cachedTitles: ReadonlySet<string> | null = null;
export function loadTitles(): ReadonlySet<string> {
  cachedTitles ??= new Set(loadDataFile('sentences/abbreviations.yaml', AbbreviationsSchema).titles);
  return cachedTitles;
}

/** Longest run of tokens from an open parenthesis to the cut ("( D - N ." is 5). */
const MAX_OPEN = 6;

const isUpper = (c: number) => c >= 65 && c <= 90;
const isLower = (c: number) => c >= 97 && c <= 122;

/** True when the cut between sentences a and b falls inside a name. */
function cutInName(body: string, tokens: readonly Token[], a: Sentence, b: Sentence, titles: ReadonlySet<string>) {
  const last = a.tokenEnd - 1;
  const text = (k: number) => body.slice(tokens[k]!.start, tokens[k]!.end);
  const first = body.charCodeAt(tokens[b.tokenStart]!.start);
  // "the Rev. | Al Sharpton": a title and its period (one token or two, with no space between).
  const end = text(last);
  const title =
    end === '.' && last > a.tokenStart && tokens[last - 1]!.end === tokens[last]!.start
      ? text(last - 1)
      : end.endsWith('.')
        ? end.slice(0, -1)
        : '';
  if (titles.has(title) && isUpper(first)) return true;
  // "(I-Vt.) | on Saturday": a closed parenthesis ending in an abbreviation, then a lower-case word.
  if (end === ')' && text(last - 1).endsWith('.') && isLower(first)) {
    for (let k = last - 2; k >= Math.max(a.tokenStart, last - MAX_OPEN); k--) if (text(k) === '(') return true;
    return false;
  }
  // "(D-N. | Y.) said": a parenthesis still open at the cut and closed within the next three tokens.
  if (!end.endsWith('.')) return false;
  let open = false;
  for (let k = last - 1; k >= Math.max(a.tokenStart, last - MAX_OPEN) && !open; k--) open = text(k) === '(';
  if (!open) return false;
  for (let k = b.tokenStart; k < Math.min(b.tokenEnd, b.tokenStart + 3); k++) if (text(k) === ')') return true;
  return false;
}

/** The sentences with each cut inside a name undone (sentences of one paragraph only are joined). */
export function rejoinNames(
  body: string,
  tokens: readonly Token[],
  sentences: readonly Sentence[],
  titles: ReadonlySet<string> = loadTitles(),
): Sentence[] {
  const out: Sentence[] = [];
  for (const s of sentences) {
    const prev = out[out.length - 1];
    if (prev && prev.paragraph === s.paragraph && cutInName(body, tokens, prev, s, titles))
      out[out.length - 1] = { ...prev, end: s.end, tokenEnd: s.tokenEnd };
    else out.push(s);
  }
  return out;
}
