/**
 * The dates stage's word lists and rules (data/dates/dates.yaml), validated once and compiled into
 * regexes and sets, so run() does no I/O and no per-call compilation.
 */
import { z } from 'zod';
import { loadDataFile } from '../../core/data-file.js';

function isRegex(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

// Patterns are checked here, so a bad one is reported with its line and field when the file loads.
const rule = z.object({
  id: z.string().min(1),
  pattern: z.string().min(1).refine(isRegex, 'not a valid JavaScript regular expression'),
  description: z.string().min(1),
  example: z.string().min(1),
});

const schema = z.object({
  settings: z.object({
    futureToleranceDays: z.number().int().min(0).max(366),
    tenseWindow: z.number().int().min(1).max(40),
  }),
  triggers: z.array(rule.extend({ caseSensitive: z.boolean() })).min(1),
  futureCues: z.array(
    z.object({ phrase: z.string().min(1), description: z.string().min(1), example: z.string().min(1) }),
  ),
  pastForms: z.array(z.string().min(1)),
  infinitiveFutureVerbs: z.array(z.string().min(1)),
  monthPreceders: z.array(z.string().min(1)),
  exclude: z.array(rule),
  skipText: z.array(rule),
});

export type DatesData = z.infer<typeof schema>;
export const datesDataSchema = schema;

export interface DatesLexicon {
  readonly data: DatesData;
  /** True when a sentence may contain a date worth handing to chrono. */
  mayHoldDate(text: string): boolean;
  /** Regexes over a sentence whose matches are not dates (global, so use lastIndex = 0). */
  readonly exclude: readonly RegExp[];
  readonly skipText: readonly RegExp[];
  /** Future cues as token sequences, indexed by their last token for a backward walk. */
  readonly futureCues: ReadonlyMap<string, readonly (readonly string[])[]>;
  readonly pastForms: ReadonlySet<string>;
  /** Verbs whose to-infinitive speaks of a later time (agreed to meet). */
  readonly infinitiveFutureVerbs: ReadonlySet<string>;
  readonly monthPreceders: ReadonlySet<string>;
}

/** Builds the lexicon from already-validated data (tests pass their own). */
export function buildLexicon(data: DatesData): DatesLexicon {
  const sensitive = data.triggers.filter((t) => t.caseSensitive).map((t) => `(?:${t.pattern})`);
  const insensitive = data.triggers.filter((t) => !t.caseSensitive).map((t) => `(?:${t.pattern})`);
  const never = /(?!)/;
  const cs = sensitive.length ? new RegExp(sensitive.join('|')) : never;
  const ci = insensitive.length ? new RegExp(insensitive.join('|'), 'i') : never;
  const futureCues = new Map<string, string[][]>();
  for (const cue of data.futureCues) {
    const words = cue.phrase.toLowerCase().split(/\s+/);
    const last = words[words.length - 1]!;
    futureCues.set(last, [...(futureCues.get(last) ?? []), words]);
  }
  return {
    data,
    mayHoldDate: (text) => cs.test(text) || ci.test(text),
    exclude: data.exclude.map((r) => new RegExp(r.pattern, 'g')),
    skipText: data.skipText.map((r) => new RegExp(r.pattern, 'i')),
    futureCues,
    pastForms: new Set(data.pastForms.map((w) => w.toLowerCase())),
    infinitiveFutureVerbs: new Set(data.infinitiveFutureVerbs.map((w) => w.toLowerCase())),
    monthPreceders: new Set(data.monthPreceders.map((w) => w.toLowerCase())),
  };
}

export function loadDatesLexicon(path = 'dates/dates.yaml'): DatesLexicon {
  return buildLexicon(loadDataFile(path, schema));
}
