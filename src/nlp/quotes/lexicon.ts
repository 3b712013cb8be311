/**
 * The quotes stage's word lists (data/quotes/*.yaml), loaded once and indexed in Sets and
 * precompiled regexes so that run() never touches the disk.
 */
import { z } from 'zod';
import { loadDataFile } from '../../core/data-file.js';

const words = z.array(z.string().min(1));

const CuesSchema = z.object({
  verbs: z
    .array(
      z.object({
        forms: words.min(1),
        /** speech: direct and indirect quotes; belief: "X thinks/knows (that) ..." only as indirect;
         * intention: like belief, and the content may be a to-infinitive ("X wants to ...");
         * stance: a position taken on something, whose content is the object ("X praised the truce"). */
        class: z.enum(['speech', 'belief', 'intention', 'stance']).default('speech'),
        description: z.string(),
        example: z.string(),
      }),
    )
    .min(1),
  phrases: z.array(
    z.object({
      id: z.string(),
      pattern: z.string(),
      speaker: z.enum(['before', 'after']),
      description: z.string(),
      example: z.string(),
    }),
  ),
  adverbs: words,
  negators: words,
});

const SpeakersSchema = z.object({
  pronouns: z.object({ description: z.string(), person: words, other: words, example: z.string() }),
  roles: z.object({ description: z.string(), words, example: z.string() }),
  institutions: z.object({ description: z.string(), words, example: z.string() }),
  documents: z.object({ description: z.string(), words, example: z.string() }),
  determiners: words,
});

export type CuesData = z.infer<typeof CuesSchema>;
export type SpeakersData = z.infer<typeof SpeakersSchema>;

export type CueClass = 'speech' | 'belief' | 'intention' | 'stance';

export interface PhraseCue {
  readonly id: string;
  readonly re: RegExp;
  readonly speaker: 'before' | 'after';
}

export interface QuoteLexicon {
  /** Lower-cased verb form -> the entry's first form (its lemma). */
  readonly verbs: ReadonlyMap<string, string>;
  /** Lower-cased verb form -> its cue class. */
  readonly verbClass: ReadonlyMap<string, CueClass>;
  readonly phrases: readonly PhraseCue[];
  readonly adverbs: ReadonlySet<string>;
  readonly negators: ReadonlySet<string>;
  readonly personPronouns: ReadonlySet<string>;
  readonly otherPronouns: ReadonlySet<string>;
  readonly roles: ReadonlySet<string>;
  readonly institutions: ReadonlySet<string>;
  /** Nouns for documents that can be a source ("the letter said"). */
  readonly documents: ReadonlySet<string>;
  readonly determiners: ReadonlySet<string>;
}

const lower = (list: readonly string[]): Set<string> => new Set(list.map((w) => w.toLowerCase()));

export function buildLexicon(cues: CuesData, speakers: SpeakersData): QuoteLexicon {
  const verbs = new Map<string, string>();
  const verbClass = new Map<string, CueClass>();
  for (const entry of cues.verbs)
    for (const form of entry.forms) {
      verbs.set(form.toLowerCase(), entry.forms[0]!);
      verbClass.set(form.toLowerCase(), entry.class);
    }
  const phrases = cues.phrases.map((p) => ({ id: p.id, re: new RegExp(p.pattern, 'gi'), speaker: p.speaker }));
  return {
    verbs,
    verbClass,
    phrases,
    adverbs: lower(cues.adverbs),
    negators: lower(cues.negators),
    personPronouns: lower(speakers.pronouns.person),
    otherPronouns: lower(speakers.pronouns.other),
    roles: lower(speakers.roles.words),
    institutions: lower(speakers.institutions.words),
    documents: lower(speakers.documents.words),
    determiners: lower(speakers.determiners),
  };
}

export function loadCues(): CuesData {
  return loadDataFile('quotes/cues.yaml', CuesSchema);
}

export function loadLexicon(): QuoteLexicon {
  return buildLexicon(loadCues(), loadDataFile('quotes/speakers.yaml', SpeakersSchema));
}
