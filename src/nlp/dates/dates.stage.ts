/**
 * Dates stage: finds date expressions with chrono-node, sentence by sentence, and resolves each to
 * a range with an ACLED time precision relative to the publication day (clean.published).
 */
import type { DateMention, DatesLayer, Sentence, SentencesLayer } from '../../core/document.js';
import { ParsingContext, type ParsedResult } from 'chrono-node';
import type { IsoDay } from '../../core/date.js';
import type { Stage } from '../stage.js';
import { layer } from '../stage.js';
import { tokenTexts, type TokenTexts } from '../sentences/token-text.js';
import { createChrono } from './chrono.js';
import { createFastReader, type Components } from './fast.js';
import { loadDatesLexicon, type DatesLexicon } from './lexicon.js';
import { resolveReading, type YearHint } from './resolve.js';
import { isFutureContext } from './tense.js';
import { wordBefore } from './word-before.js';

// Any fixed instant works when there is no publication day: only dates that state their year resolve.
const NO_REFERENCE = new Date(Date.UTC(2000, 0, 1, 12));

/** A reading (chrono's or the fast reader's) with its index local to its sentence. */
interface Local {
  readonly index: number;
  readonly text: string;
  readonly start: Components;
  readonly end?: Components | undefined;
}

const PAIR_JOINER = /^\s*(?:and|or|to|through|until|till|-|–)\s*$/;
const STATED_YEAR = /\b(?:1[89]|20)\d\d\b/;

/** "between September and December 2014": the bare first month borrows the second's stated year. */
function pairedYear(text: string, r: Local, next: Local | undefined): YearHint | undefined {
  if (!next || r.start.isCertain('day') || r.start.isCertain('year') || !r.start.isCertain('month')) return undefined;
  if (!PAIR_JOINER.test(text.slice(r.index + r.text.length, next.index)) || !STATED_YEAR.test(next.text))
    return undefined;
  const year = next.start.get('year');
  const month = next.start.get('month');
  return year !== null && month !== null && next.start.isCertain('year') ? { year, month, relative: false } : undefined;
}

const YEAR_AFTER = /^,?\s+(last|this|next)\s+year\b/i;

/** "in February last year": chrono skips the year phrase after a bare month, so read it here. */
function yearAfter(text: string, r: Local, instant: Date): YearHint | undefined {
  if (r.start.isCertain('day') || r.start.isCertain('year') || !r.start.isCertain('month')) return undefined;
  const m = YEAR_AFTER.exec(text.slice(r.index + r.text.length));
  if (!m || instant === NO_REFERENCE) return undefined;
  const year = instant.getUTCFullYear() + ({ last: -1, this: 0, next: 1 } as const)[m[1]!.toLowerCase() as 'last'];
  return { year, month: 12, relative: true };
}

export interface DateFinder {
  /** Objects held only so that V8 keeps their hidden classes (see createDateFinder). */
  readonly keepAlive?: unknown;
  find(body: string, sentences: SentencesLayer, published: IsoDay | null): DatesLayer;
}

// Joins the candidate sentences for one chrono call: ";" between newlines is matched by none of
// chrono's patterns or its merge/suffix refiners, so no result bridges two sentences.
const SEPARATOR = '\n;\n';

interface Candidate {
  readonly sentence: Sentence;
  readonly text: string;
  /** Where the sentence starts in the joined text. */
  readonly at: number;
}

/** The results of each candidate, with indices local to its sentence; null if one crosses a separator. */
function splitResults(results: readonly ParsedResult[], candidates: readonly Candidate[]): Local[][] | null {
  const grouped: Local[][] = candidates.map(() => []);
  let k = 0;
  for (const r of results) {
    while (k < candidates.length - 1 && r.index >= candidates[k + 1]!.at) k++;
    const c = candidates[k]!;
    if (r.index < c.at || r.index + r.text.length > c.at + c.text.length) return null;
    grouped[k]!.push({ index: r.index - c.at, text: r.text, start: r.start, end: r.end });
  }
  return grouped;
}

const CHRONO_OPTIONS = { forwardDate: false };

// Read once when a finder is built, and its results kept for the finder's life: see keepAlive.
const SHAPES_SAMPLE =
  'On Monday, Sept. 5, 2016, three days ago; last week, in February, yesterday morning, 2016-09-03, 9/3/2016.\n;\nTalks will run from Monday to Friday next week and on Tuesday night.';

export function createDateFinder(lexicon: DatesLexicon = loadDatesLexicon()): DateFinder {
  const parser = createChrono(lexicon);
  const fast = createFastReader(lexicon);
  const tolerance = lexicon.data.settings.futureToleranceDays;
  // V8 gives chrono's short-lived objects (results, their components, the parsing context) hidden
  // classes that a full garbage collection drops when no such object is alive; the optimised code
  // that relied on them is thrown away and compiled again, which made a report read right after a
  // collection several times slower. A few results kept alive keep those classes.
  const sampleReference = { instant: NO_REFERENCE, timezone: 0 };
  const keepAlive = [
    parser.parse(SHAPES_SAMPLE, sampleReference, CHRONO_OPTIONS),
    new ParsingContext(SHAPES_SAMPLE, sampleReference, CHRONO_OPTIONS),
  ];
  return {
    keepAlive,
    find(body, sentences, published) {
      // Noon UTC keeps chrono's arithmetic on the publication day whatever the machine's time zone.
      const instant = published ? new Date(`${published}T12:00:00Z`) : NO_REFERENCE;
      const reference = { instant, timezone: 0 };
      const candidates: Candidate[] = [];
      const read: { sentence: Sentence; text: string; results: readonly Local[] }[] = [];
      let at = 0;
      for (const sentence of sentences.sentences) {
        const text = body.slice(sentence.start, sentence.end);
        if (!lexicon.mayHoldDate(text)) continue;
        const quick = fast.read(text);
        if (quick) {
          read.push({ sentence, text, results: quick });
          continue;
        }
        candidates.push({ sentence, text, at });
        at += text.length + SEPARATOR.length;
      }
      // One chrono call per report: its fixed cost per call is most of its time on short sentences.
      const joined = candidates.map((c) => c.text).join(SEPARATOR);
      const grouped = candidates.length
        ? (splitResults(parser.parse(joined, reference, CHRONO_OPTIONS), candidates) ??
          candidates.map((c) => parser.parse(c.text, reference, CHRONO_OPTIONS)))
        : [];
      candidates.forEach(({ sentence, text }, k) => read.push({ sentence, text, results: grouped[k]! }));
      read.sort((a, b) => a.sentence.start - b.sentence.start);
      const dates: DateMention[] = [];
      let known: TokenTexts | undefined;
      for (const { sentence, text, results } of read) {
        results.forEach((r, i) => {
          const start = sentence.start + r.index;
          const end = start + r.text.length;
          const before = wordBefore(text, r.index)?.toLowerCase();
          const yearHint = pairedYear(text, r, results[i + 1]) ?? yearAfter(text, r, instant);
          const resolved = resolveReading(r, {
            published,
            // A method, not a closure held in a const: tsx names each closure it makes (a defineProperty).
            future() {
              known ??= tokenTexts(sentences, body);
              return isFutureContext(body, sentences.tokens, sentence, { start, end }, lexicon, known);
            },
            futureToleranceDays: tolerance,
            wordBefore: before,
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
