/**
 * Datelines: "HANGZHOU, China (Reuters) -", "KABUL, March 3 (AFP) -", "DAMASCUS —". The
 * dateline stays in the body (no sentence is lost); the layer only points at it.
 */
import type { Dateline } from '../../core/document.js';

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
// A place in capitals ("UNITED NATIONS", "WASHINGTON/MOSCOW"), then an optional region in any case.
const CAPS_WORD = "\\p{Lu}[\\p{Lu}'’.\\-]+";
const PLACE = `${CAPS_WORD}(?:[ /]${CAPS_WORD})*`;
const REGION = `(?!${MONTH} \\d)\\p{Lu}[\\p{L}'’.\\-]*(?: \\p{Lu}[\\p{L}'’.\\-]*){0,3}`;
const DATE = `${MONTH} \\d{1,2}(?:, \\d{4})?`;
const AGENCY = '\\(([^()\\n]{2,40})\\)';
const DASH = '(?:-{1,2}|–|—)';

const WITH_AGENCY = new RegExp(`^(${PLACE})(?:, (${REGION}))?(?:, (${DATE}))? ${AGENCY}(?: ?${DASH})?(?= )`, 'u');
const WITH_DASH = new RegExp(`^(${PLACE})(?:, (${REGION}))?(?:, (${DATE}))? ${DASH}(?= )`, 'u');

/** "HANGZHOU" -> "Hangzhou", "AL-RAI" -> "Al-Rai"; words already in mixed case are kept. */
export function titleCase(text: string): string {
  return text.replace(/\p{L}[\p{L}'’]*/gu, (w) =>
    w === w.toUpperCase() && w.length > 1 ? w[0] + w.slice(1).toLowerCase() : w,
  );
}

function build(
  body: string,
  start: number,
  length: number,
  place: string,
  region: string | undefined,
  agency: string | null,
): Dateline {
  const end = start + length;
  const name = titleCase(place) + (region ? `, ${region}` : '');
  return { start, end, text: body.slice(start, end), place: name, agency };
}

/**
 * Finds a dateline at `start` (the start of the first paragraph). `hint` is a dateline the page
 * marked up itself (`<span class="articleLocation">`), used when the text has no dash or agency.
 */
export function findDateline(body: string, start: number, hint: string | null = null): Dateline | null {
  const head = body.slice(start, start + 160);
  const a = WITH_AGENCY.exec(head);
  if (a && letters(a[1]!) >= 3) return build(body, start, a[0].length, a[1]!, a[2], a[4]!.trim());
  const d = WITH_DASH.exec(head);
  if (d && letters(d[1]!) >= 3) return build(body, start, d[0].length, d[1]!, d[2], null);
  const h = hint?.replace(/\s+/g, ' ').trim();
  if (h && h.length >= 3 && head.startsWith(h)) {
    const [place, ...rest] = h.split(', ');
    return build(body, start, h.length, place!, rest.join(', ') || undefined, null);
  }
  return null;
}

function letters(text: string): number {
  return (text.match(/\p{L}/gu) ?? []).length;
}
