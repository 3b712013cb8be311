/**
 * The quotes stage's word lists (data/quotes/*.yaml), loaded once and indexed in Sets and
 * precompiled regexes so that run() never touches the disk.
 */
import { z } from 'zod';
import { loadDataFile } from '../../core/data-file.js';
import { PerWordBits, wordTable } from '../sentences/word-ids.js';

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
        /** named: the subject must name a possible speaker (an entity, a pronoun, a role noun), for
         * verbs with common non-speech uses ("a website called X"). */
        subject: z.enum(['any', 'named']).default('any'),
        /** infinitive: the content is only a to-infinitive ("X declined to comment"); or-object: a
         * speech verb whose content may also be its object ("X announced a ceasefire"). */
        content: z.enum(['default', 'infinitive', 'or-object']).default('default'),
        /** A to-infinitive may be the content, as for an intention: a commitment ("vowed to retake
         * the hill", "promised to reopen the road"). */
        infinitive: z.boolean().default(false),
        description: z.string(),
        example: z.string(),
      }),
    )
    .min(1),
  phrases: z.array(
    z.object({
      id: z.string(),
      pattern: z.string(),
      /** none: a speakerless attribution (an appearance, an expectation): the content is the
       * sentence from the subject before the cue ("The talks appear to have stalled"). */
      speaker: z.enum(['before', 'after', 'none']),
      /** to-comma: the content runs from the cue to the next comma ("Asked whether ..., he said");
       * or-object: a clause, else the object after the cue ("voiced concern about the talks");
       * preceding: the clause before the cue, with no comma ("X leads in the latest poll"). */
      content: z.enum(['clause', 'to-comma', 'or-object', 'preceding']).default('clause'),
      /** named: the source after the cue must name a possible speaker ("For the envoy, ..."). */
      source: z.enum(['any', 'named']).default('any'),
      /** outer: an attribution opening the clause after the source is part of this source's content
       * ("According to the report, officials said ..."); inner: that attribution is the one read
       * ("In a statement, the ministry said ..."). */
      nested: z.enum(['inner', 'outer']).default('inner'),
      /** The words a match starts at: the pattern is then tried only at those tokens (anchored),
       * instead of a scan of the whole text, which costs a pass per pattern. */
      triggers: words.optional(),
      description: z.string(),
      example: z.string(),
    }),
  ),
  /** Nouns naming a position or utterance, whose possessor is the speaker ("her criticism of"). */
  nouns: z.object({ description: z.string(), words, example: z.string() }),
  adverbs: words,
  timeNouns: words,
  progressive: words,
  modals: words,
  catenatives: words,
  negators: words,
});

const SpeakersSchema = z.object({
  pronouns: z.object({
    description: z.string(),
    person: words,
    other: words,
    /** Possessive pronouns: "his"/"her" resolve as "he"/"she", "its"/"their" as "it"/"they". */
    possessive: z.object({ person: words, other: words }),
    example: z.string(),
  }),
  roles: z.object({ description: z.string(), words, example: z.string() }),
  institutions: z.object({ description: z.string(), words, example: z.string() }),
  documents: z.object({ description: z.string(), words, example: z.string() }),
  determiners: words,
});

/** Cue verbs derived from PolNeAR train by train/quotes/cues.ts (ADR 0015), added after cues.yaml. */
const LearnedCuesSchema = z.object({
  verbs: z.array(
    z.object({
      lemma: z.string().min(1),
      forms: words,
      class: z.enum(['speech', 'belief', 'intention']),
      content: z.enum(['default', 'or-object']),
      hits: z.number().int(),
      uses: z.number().int(),
    }),
  ),
});

export type CuesData = z.infer<typeof CuesSchema>;
export type LearnedCuesData = z.infer<typeof LearnedCuesSchema>;
export type SpeakersData = z.infer<typeof SpeakersSchema>;

export type CueClass = 'speech' | 'belief' | 'intention' | 'stance';

export interface PhraseCue {
  readonly id: string;
  readonly re: RegExp;
  readonly speaker: 'before' | 'after' | 'none';
  readonly content: 'clause' | 'to-comma' | 'or-object' | 'preceding';
  readonly source: 'any' | 'named';
  readonly nested: 'inner' | 'outer';
  /** Tried only where a trigger word starts (a sticky pattern), when the entry lists triggers. */
  readonly anchored: boolean;
}

export interface QuoteLexicon {
  /** Lower-cased verb form -> the entry's first form (its lemma). */
  readonly verbs: ReadonlyMap<string, string>;
  /** Lower-cased verb form -> its cue class. */
  readonly verbClass: ReadonlyMap<string, CueClass>;
  /** Verb forms whose subject must name a possible speaker. */
  readonly namedSubject: ReadonlySet<string>;
  /** Verb forms whose content is only a to-infinitive. */
  readonly infinitiveOnly: ReadonlySet<string>;
  /** Speech verb forms whose content may be their object when no clause follows. */
  readonly takesObject: ReadonlySet<string>;
  /** Speech verb forms whose content may be a to-infinitive ("vowed to ..."). */
  readonly takesInfinitive: ReadonlySet<string>;
  readonly phrases: readonly PhraseCue[];
  /** Lower-cased word -> WORD_VERB | WORD_NOUN | WORD_TRIGGER bits, one lookup per token (context.ts). */
  readonly wordFlags: ReadonlyMap<string, number>;
  /** The same bits by word id of the token text as written (sentences/word-ids.ts): an array read per token. */
  readonly wordFlagsById: PerWordBits;
  /** Lower-cased trigger word -> the anchored phrases a match may start at it. */
  readonly phraseTriggers: ReadonlyMap<string, readonly PhraseCue[]>;
  readonly adverbs: ReadonlySet<string>;
  /** Cue nouns ("criticism", "claim"). */
  readonly nouns: ReadonlySet<string>;
  /** Possessive pronouns that may hold a cue noun ("his", "their"). */
  readonly possessivePronouns: ReadonlySet<string>;
  /** Possessive pronouns resolved as person pronouns ("his", "her"). */
  readonly possessivePerson: ReadonlySet<string>;
  /** Nouns of a time phrase skipped between a subject and its cue ("at the time", "last week"). */
  readonly timeNouns: ReadonlySet<string>;
  /** Forms of "be" skipped between a subject and an -ing cue ("is praising"). */
  readonly progressive: ReadonlySet<string>;
  /** Modals skipped between a subject and its cue ("could announce"). */
  readonly modals: ReadonlySet<string>;
  /** Verbs before "to" and a cue whose subject is the cue's ("tried to portray"). */
  readonly catenatives: ReadonlySet<string>;
  readonly negators: ReadonlySet<string>;
  readonly personPronouns: ReadonlySet<string>;
  readonly otherPronouns: ReadonlySet<string>;
  readonly roles: ReadonlySet<string>;
  readonly institutions: ReadonlySet<string>;
  /** Nouns for documents that can be a source ("the letter said"). */
  readonly documents: ReadonlySet<string>;
  readonly determiners: ReadonlySet<string>;
}

/** Bits of QuoteContext.flags: a cue verb form, a cue noun, a phrase trigger. */
export const WORD_VERB = 1;
export const WORD_NOUN = 2;
export const WORD_TRIGGER = 4;

const lower = (list: readonly string[]): Set<string> => new Set(list.map((w) => w.toLowerCase()));

const VOWEL = /[aeiou]/;

/**
 * The regular inflections of a verb lemma (3rd person, past, -ing), so that an entry lists only
 * its irregular forms: "cite" -> cites, cited, citing; "worry" -> worries, worried, worrying;
 * "plan" -> plans, planned, planning. A form that is no English word is harmless: it never matches.
 */
export function inflections(lemma: string): string[] {
  const w = lemma.toLowerCase();
  if (!/^[a-z]+$/.test(w)) return [];
  const last = w[w.length - 1]!;
  const third = /(?:s|x|z|ch|sh|o)$/.test(w) ? `${w}es` : /[^aeiou]y$/.test(w) ? `${w.slice(0, -1)}ies` : `${w}s`;
  let stem = w;
  // One syllable ending consonant-vowel-consonant doubles its last letter: plan -> planned.
  const syllables = w.match(/[aeiouy]+/g)?.length ?? 0;
  if (syllables === 1 && /[^aeiou][aeiou][^aeiouwxy]$/.test(w)) stem = w + last;
  const past = last === 'e' ? `${w}d` : /[^aeiou]y$/.test(w) ? `${w.slice(0, -1)}ied` : `${stem}ed`;
  const ing = /[^e]e$/.test(w) && VOWEL.test(w.slice(0, -1)) ? `${w.slice(0, -1)}ing` : `${stem}ing`;
  return [third, past, ing];
}

/**
 * An entry may list several verbs ("endorse, endorses, endorsed, support, supports, supported"): each
 * form whose third person or past is listed too is a lemma and gets its inflections ("supporting").
 */
function isLemma(forms: readonly string[]): (form: string, i: number) => boolean {
  const listed = new Set(forms.map((f) => f.toLowerCase()));
  return (form, i) => {
    if (i === 0) return true;
    const [third, past] = inflections(form);
    return (third !== undefined && listed.has(third)) || (past !== undefined && listed.has(past));
  };
}

export function buildLexicon(
  cues: CuesData,
  speakers: SpeakersData,
  learned: LearnedCuesData = { verbs: [] },
): QuoteLexicon {
  const verbs = new Map<string, string>();
  const verbClass = new Map<string, CueClass>();
  const namedSubject = new Set<string>();
  const infinitiveOnly = new Set<string>();
  const takesObject = new Set<string>();
  const takesInfinitive = new Set<string>();
  for (const entry of cues.verbs)
    for (const form of new Set([...entry.forms, ...entry.forms.filter(isLemma(entry.forms)).flatMap(inflections)])) {
      verbs.set(form.toLowerCase(), entry.forms[0]!);
      verbClass.set(form.toLowerCase(), entry.class);
      if (entry.subject === 'named') namedSubject.add(form.toLowerCase());
      if (entry.content === 'infinitive') infinitiveOnly.add(form.toLowerCase());
      if (entry.content === 'or-object') takesObject.add(form.toLowerCase());
      if (entry.infinitive) takesInfinitive.add(form.toLowerCase());
    }
  // Learned cues never override a form cues.yaml lists.
  for (const entry of learned.verbs)
    for (const form of new Set(
      [entry.lemma, ...inflections(entry.lemma), ...entry.forms].map((f) => f.toLowerCase()),
    )) {
      if (verbs.has(form)) continue;
      verbs.set(form, entry.lemma);
      verbClass.set(form, entry.class);
      if (entry.content === 'or-object') takesObject.add(form);
    }
  const phraseTriggers = new Map<string, PhraseCue[]>();
  const phrases = cues.phrases.map((p) => {
    const cue: PhraseCue = {
      id: p.id,
      re: new RegExp(p.pattern, p.triggers ? 'iy' : 'gi'),
      speaker: p.speaker,
      content: p.content,
      source: p.source,
      nested: p.nested,
      anchored: p.triggers !== undefined,
    };
    for (const w of p.triggers ?? []) {
      const list = phraseTriggers.get(w.toLowerCase()) ?? [];
      list.push(cue);
      phraseTriggers.set(w.toLowerCase(), list);
    }
    return cue;
  });
  const wordFlags = new Map<string, number>();
  const flag = (w: string, bit: number) => wordFlags.set(w, (wordFlags.get(w) ?? 0) | bit);
  for (const w of verbs.keys()) flag(w, WORD_VERB);
  for (const w of lower(cues.nouns.words)) flag(w, WORD_NOUN);
  for (const w of phraseTriggers.keys()) flag(w, WORD_TRIGGER);
  return {
    wordFlags,
    wordFlagsById: new PerWordBits((id) => wordFlags.get(wordTable.lowerText(id)) ?? 0),
    verbs,
    verbClass,
    namedSubject,
    infinitiveOnly,
    takesObject,
    takesInfinitive,
    phrases,
    phraseTriggers,
    adverbs: lower(cues.adverbs),
    nouns: lower(cues.nouns.words),
    possessivePronouns: lower([...speakers.pronouns.possessive.person, ...speakers.pronouns.possessive.other]),
    possessivePerson: lower(speakers.pronouns.possessive.person),
    timeNouns: lower(cues.timeNouns),
    progressive: lower(cues.progressive),
    modals: lower(cues.modals),
    catenatives: lower(cues.catenatives),
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

/** The lexicon; `learned: false` leaves out data/quotes/learned-cues.yaml (for the script that writes it). */
export function loadLexicon(options: { learned?: boolean } = {}): QuoteLexicon {
  return buildLexicon(
    loadCues(),
    loadDataFile('quotes/speakers.yaml', SpeakersSchema),
    options.learned === false ? { verbs: [] } : loadDataFile('quotes/learned-cues.yaml', LearnedCuesSchema),
  );
}
