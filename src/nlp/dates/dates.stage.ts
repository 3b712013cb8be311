/**
 * Dates stage: finds date expressions with chrono-node, sentence by sentence, and resolves each to
 * a range with an ACLED time precision relative to the publication day (clean.published).
 */
import type { DateMention, DatesLayer, SentencesLayer } from '../../core/document.js';
import type { ParsedResult } from 'chrono-node';
import type { IsoDay } from '../../core/date.js';
import type { Stage } from '../stage.js';
import { layer } from '../stage.js';
import { createChrono } from './chrono.js';
import { loadDatesLexicon, type DatesLexicon } from './lexicon.js';
import { resolveReading, type YearHint } from './resolve.js';
import { isFutureContext } from './tense.js';

// Any fixed instant works when there is no publication day: only dates that state their year resolve.
const NO_REFERENCE = new Date(Date.UTC(2000, 0, 1, 12));

const WORD_BEFORE = /([A-Za-z]+)[\s-]*$/;
const PAIR_JOINER = /^\s*(?:and|or|to|through|until|till|-|–)\s*$/;
const STATED_YEAR = /\b(?:1[89]|20)\d\d\b/;

/** "between September and December 2014": the bare first month borrows the second's stated year. */
function pairedYear(text: string, r: ParsedResult, next: ParsedResult | undefined): YearHint | undefined {
  if (!next || r.start.isCertain('day') || r.start.isCertain('year') || !r.start.isCertain('month')) return undefined;
  if (!PAIR_JOINER.test(text.slice(r.index + r.text.length, next.index)) || !STATED_YEAR.test(next.text))
    return undefined;
  const year = next.start.get('year');
  const month = next.start.get('month');
  return year !== null && month !== null && next.start.isCertain('year') ? { year, month, relative: false } : undefined;
}

const YEAR_AFTER = /^,?\s+(last|this|next)\s+year\b/i;

/** "in February last year": chrono skips the year phrase after a bare month, so read it here. */
function yearAfter(text: string, r: ParsedResult, instant: Date): YearHint | undefined {
  if (r.start.isCertain('day') || r.start.isCertain('year') || !r.start.isCertain('month')) return undefined;
  const m = YEAR_AFTER.exec(text.slice(r.index + r.text.length));
  if (!m || instant === NO_REFERENCE) return undefined;
  const year = instant.getUTCFullYear() + ({ last: -1, this: 0, next: 1 } as const)[m[1]!.toLowerCase() as 'last'];
  return { year, month: 12, relative: true };
}

export interface DateFinder {
  find(body: string, sentences: SentencesLayer, published: IsoDay | null): DatesLayer;
}

export function createDateFinder(lexicon: DatesLexicon = loadDatesLexicon()): DateFinder {
  const parser = createChrono(lexicon);
  const tolerance = lexicon.data.settings.futureToleranceDays;
  return {
    find(body, sentences, published) {
      // Noon UTC keeps chrono's arithmetic on the publication day whatever the machine's time zone.
      const instant = published ? new Date(`${published}T12:00:00Z`) : NO_REFERENCE;
      const dates: DateMention[] = [];
      for (const sentence of sentences.sentences) {
        const text = body.slice(sentence.start, sentence.end);
        if (!lexicon.mayHoldDate(text)) continue;
        const results = parser.parse(text, { instant, timezone: 0 }, { forwardDate: false });
        results.forEach((r, i) => {
          const start = sentence.start + r.index;
          const end = start + r.text.length;
          const future = () => isFutureContext(body, sentences.tokens, sentence, { start, end }, lexicon);
          const wordBefore = WORD_BEFORE.exec(text.slice(0, r.index))?.[1]?.toLowerCase();
          const yearHint = pairedYear(text, r, results[i + 1]) ?? yearAfter(text, r, instant);
          const resolved = resolveReading(r, {
            published,
            future,
            futureToleranceDays: tolerance,
            wordBefore,
            yearHint,
          });
          if (resolved)
            dates.push({
              start,
              end,
              text: body.slice(start, end),
              range: resolved.range,
              relative: resolved.relative,
            });
        });
      }
      const unresolved = dates.filter((d) => d.range === null).length;
      const warnings =
        published === null && unresolved > 0
          ? [
              `W301 No publication date: ${unresolved} relative date${unresolved === 1 ? '' : 's'} left unresolved (pass --published YYYY-MM-DD)`,
            ]
          : [];
      return { dates, warnings };
    },
  };
}

/** Builds the stage; the data file is read here, once, never inside run(). */
export function createDatesStage(lexicon?: DatesLexicon): Stage<'dates'> {
  const finder = createDateFinder(lexicon);
  return {
    adds: 'dates',
    needs: ['clean', 'sentences'],
    run(doc) {
      const clean = layer(doc, 'clean');
      return finder.find(clean.body, layer(doc, 'sentences'), clean.published);
    },
  };
}
