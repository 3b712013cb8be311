/**
 * The trigger lexicon and cue lists (data/events/*.yaml), validated once and compiled to regexes.
 * Patterns are data; this file only knows the small pattern language described in triggers.yaml.
 */
import { z } from 'zod';
import { loadDataFile } from '../../core/data-file.js';
import { TruceError } from '../../core/errors.js';
import { escapeRegExp } from '../../core/regex.js';
import {
  EVENT_TYPES,
  isSubEventTypeOf,
  isTruceTag,
  type EventType,
  type SubEventType,
  type TruceTag,
} from '../../core/taxonomy.js';
import { alt, anyInitial, testAlt, testAny, wordAlt } from './cue-regex.js';
import type { GateIndex } from './cue-gate.js';
import { cueGateIndex } from './cue-gate-index.js';

export { wordAlt } from './cue-regex.js';

const eventTypeSchema = z.enum(Object.keys(EVENT_TYPES) as [EventType, ...EventType[]]);

const ruleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    description: z.string().min(1),
    patterns: z.array(z.string().min(1)).min(1),
    event_type: eventTypeSchema,
    sub_event_type: z.string(),
    tag: z.string().refine(isTruceTag, 'unknown truce tag').optional(),
    resolve: z.enum(['territory', 'bombing', 'victims', 'property', 'intervention']).optional(),
    role: z.enum(['act', 'outcome', 'generic']).default('act'),
    agent: z.enum(['subject', 'object']),
    patient: z.enum(['object', 'none']),
    symmetric: z.boolean().default(false),
    requires_actor: z.boolean().default(false),
    default_actor1: z.string().optional(),
    default_actor2: z.string().optional(),
    /** Actor1 of a passive trigger with no perpetrator named ("was shot dead"): the rule needs no actor then. */
    passive_actor1: z.string().optional(),
    /** A definite noun phrase of this trigger still tells a new event ("the body of X was found"). */
    definite_ok: z.boolean().default(false),
    strength: z.number().min(0).max(1),
    example: z.string().min(10),
    expect: z.record(z.string(), z.union([z.string(), z.number()])),
  })
  .refine((r) => isSubEventTypeOf(r.event_type, r.sub_event_type), {
    message: 'sub_event_type does not belong to event_type',
    path: ['sub_event_type'],
  });

const cuesSchema = z.object({
  irregular_verbs: z.record(z.string(), z.array(z.string())),
  modality: z.object({
    hypothetical: z.array(z.string()),
    attempt: z.array(z.string()),
    deal_nouns: z.array(z.string()),
    deal_verbs: z.array(z.string()),
    planned: z.array(z.string()),
    negated: z.array(z.string()),
    denied: z.array(z.string()),
    claimed: z.array(z.string()),
    unverified: z.array(z.string()),
  }),
  blame_verbs: z.array(z.string()),
  reference_determiners: z.array(z.string()),
  reaction_verbs: z.array(z.string()),
  state_forces: z.record(z.string(), z.enum(['Police Forces', 'Military Forces'])),
  unnamed_actors: z.record(z.string(), z.enum(['Unidentified Armed Group', 'Rioters'])),
  armed_victims: z.array(z.string()),
  attribution_verbs: z.array(z.string()),
  monitors: z.array(z.string()),
  party_outlets: z.array(z.string()),
  numbers: z.object({
    words: z.record(z.string(), z.number().int().nonnegative()),
    victims: z.array(z.string()),
    death_words: z.array(z.string()),
    person: z.array(z.string()),
    cumulative: z.array(z.string()),
    civilians: z.array(z.string()),
  }),
  aircraft: z.array(z.string()),
  durative: z.array(z.string()),
  past_markers: z.array(z.string()),
  claimed_after: z.array(z.string()),
  support_before: z.array(z.string()),
  place_heads: z.array(z.string()),
  not_place_names: z.array(z.string()),
  partisans: z.array(z.string()),
  trend_after: z.array(z.string()),
  demonstration: z.array(z.string()),
  crowd_violence: z.array(z.string()),
  injured: z.array(z.string()),
  accidental: z.array(z.string()),
  continuing: z.array(z.string()),
  performed_before: z.array(z.string()),
  people_agents: z.array(z.string()),
  tally_before: z.array(z.string()),
  happened_after: z.array(z.string()),
  under_before: z.array(z.string()),
  returned_fire: z.array(z.string()),
  no_return_fire: z.array(z.string()),
});

export type RuleData = z.infer<typeof ruleSchema>;
export type CuesData = z.infer<typeof cuesSchema>;

export interface TriggerRule {
  readonly id: string;
  readonly description: string;
  readonly eventType: EventType;
  readonly subEventType: SubEventType;
  readonly tag: TruceTag | null;
  readonly resolve: 'territory' | 'bombing' | 'victims' | 'property' | 'intervention' | null;
  readonly role: 'act' | 'outcome' | 'generic';
  readonly agent: 'subject' | 'object';
  readonly patient: 'object' | 'none';
  readonly symmetric: boolean;
  readonly requiresActor: boolean;
  readonly defaultActor1: string | null;
  readonly defaultActor2: string | null;
  readonly passiveActor1: string | null;
  readonly definiteOk: boolean;
  readonly strength: number;
  readonly example: string;
  readonly expect: Readonly<Record<string, string | number>>;
  /** One global regex matching any of the rule's patterns in lower-cased text. */
  readonly regex: RegExp;
  /** Each pattern alone, sticky, to try at one token's start (the longest match wins). */
  readonly stickies: readonly RegExp[];
  /** Each pattern's source without its gaps: what the first-word index is built from. */
  readonly patternSources: readonly string[];
}

/** Compiled cue lists: each a regex that tests a stretch of text. */
export interface Cues {
  /** The hypothetical words and the attempts ("tried to"): what makes an act unreal. */
  readonly hypothetical: RegExp;
  /** The hypothetical words without the attempts: a crowd's attempt is its protest or riot, which happened. */
  readonly hypotheticalCrowd: RegExp;
  readonly deal: RegExp;
  readonly planned: RegExp;
  readonly negated: RegExp;
  readonly denied: RegExp;
  readonly claimed: RegExp;
  /** Global versions, to find the cue nearest a trigger (the last one before it governs). */
  readonly deniedAll: RegExp;
  /** The hypothetical words, global: where the last one stands. */
  readonly hypotheticalAll: RegExp;
  /** `hypotheticalCrowd`, global. */
  readonly hypotheticalCrowdAll: RegExp;
  readonly claimedAll: RegExp;
  readonly unverified: RegExp;
  /** `unverified` lower-cased, case-sensitive: for the lower-cased text when lowerTestsExact. */
  readonly unverifiedLc: RegExp;
  readonly blameAll: RegExp;
  /** A definite determiner right before a nominal trigger (tested on the text before it). */
  readonly referenceBefore: RegExp;
  readonly reaction: RegExp;
  /**
   * Bare force nouns ("police") -> the ACLED actor prefix they stand for ("Police Forces"), and
   * unnamed people ("unknown assailants", "a mob") -> the ACLED generic actor ("Rioters"); longest first.
   */
  readonly stateForceOf: ReadonlyMap<string, string>;
  /** First victim noun after a killing: group 1 armed, group 2 civilian. */
  readonly victimAfter: RegExp;
  readonly victimBefore: RegExp;
  readonly attributionVerbs: RegExp;
  /** The same, global, for scanning a sentence (reset lastIndex before use). */
  readonly attributionAll: RegExp;
  readonly monitors: ReadonlySet<string>;
  readonly partyOutlets: ReadonlySet<string>;
  readonly numberWords: ReadonlyMap<string, number>;
  /** Source fragment for a number (digits or a number word); one capture group. */
  readonly numberSource: string;
  readonly victimsSource: string;
  readonly deathSource: string;
  /** The death words as one alternation for `test()` only (grouped by first letter: no groups or positions kept). */
  readonly deathAny: string;
  /** `deathAny` of the lower-cased death words (for a case-sensitive test of the lower-cased text). */
  readonly deathAnyLc: string;
  /** One person named by what they are ("policeman", "youth"), singular. */
  readonly personSource: string;
  readonly cumulative: RegExp;
  readonly civilians: RegExp;
  readonly aircraft: RegExp;
  readonly durative: RegExp;
  /** Case-sensitive versions for text the stage has lower-cased (much faster in V8). */
  readonly durativeLc: RegExp;
  readonly cumulativeLc: RegExp;
  readonly referenceBeforeLc: RegExp;
  readonly pastMarkers: RegExp;
  /** Tested on the clause after the trigger. */
  readonly claimedAfter: RegExp;
  /** "<Name> village/upazila/bazar" (global; group 1 the name). */
  readonly headPlace: RegExp;
  /** "in/at/near <Name>" (global; group 1 the name). */
  readonly locativeName: RegExp;
  /** Lower-cased capitalised words that start no place name (months, days, determiners). */
  readonly notPlaceNames: ReadonlySet<string>;
  /** Party supporters or rival groups: their clash is mob violence. */
  readonly partisans: RegExp;
  /** Tested on the 40 characters before a nominal trigger. */
  readonly supportBefore: RegExp;
  /** Right after a nominal trigger: a trend ("protests have spread"), not one event. */
  readonly trendAfter: RegExp;
  /** Words of a demonstration: a riot among them is a violent demonstration, not mob violence. */
  readonly demonstration: RegExp;
  /** A crowd's own violence (stones, arson): police breaking it up faced a riot, not a protest. */
  readonly crowdViolence: RegExp;
  /** People hurt ("were injured", "sustained injuries"): an event even with nobody named. */
  readonly injured: RegExp;
  /** Accidents ("gas cylinder", "transformer"): an explosion among them is no attack. */
  readonly accidental: RegExp;
  /** The other side fired back ("retaliated"): global, to look before each hit for a denial. */
  readonly returnedFire: RegExp;
  /** Before a returned-fire word in its sentence: nobody did, or it is not known. */
  readonly noReturnFireBefore: RegExp;
  /** "continued to ...": a habit for every event but a protest (lower-cased text). */
  readonly continuingLc: RegExp;
  /**
   * The three clause cues' lists (durative, continuing, cumulative) lower-cased as one testAlt: the same
   * test as the three together, with one first-letter dispatch instead of three (factsOf); null when an
   * item has a back-reference (joined lists would renumber its groups).
   */
  readonly clauseCuesLc: RegExp | null;
  /** Which of the regexes above are tested only where their lists' anchor words stand (cue-gate.ts). */
  readonly gate: GateIndex;
  /** A verb of doing right before a definite event noun ("continued their protest"): no back-reference. */
  readonly performedBefore: RegExp;
  /** People named by what they are (global: find each, then look at what stands before it). */
  readonly peopleAgent: RegExp;
  /** The same after "by" in a passive clause ("attacked by supporters of ..."). */
  readonly peopleByAgent: RegExp;
  /** A count before a plural event noun ("2,000 explosions"): a tally, not one event. */
  readonly tallyBefore: RegExp;
  /** After an event noun in its clause, a verb saying it happened ("clashes erupted", "a clash took place"). */
  readonly happenedAfter: RegExp;
  /** Right before an event noun, its patient's verb ("came under attack"). */
  readonly underBefore: RegExp;
}

export interface Lexicon {
  readonly rules: readonly TriggerRule[];
  readonly cues: Cues;
}

/** A capitalised word of a place name, with an Arabic article ("al-Bab") allowed. */
const NAME_WORD = String.raw`(?:(?:al|el|ad|as|ash|ar|an|at|az)-)?\p{Lu}[\p{L}'’-]*`;

/** Regular English inflections of a verb plus the irregular forms from the data file. */
export function inflect(verb: string, irregular: Readonly<Record<string, readonly string[]>>): string[] {
  const forms = new Set<string>([verb]);
  const sibilant = /(s|x|z|ch|sh)$/.test(verb);
  const consY = /[^aeiou]y$/.test(verb);
  forms.add(sibilant ? `${verb}es` : consY ? `${verb.slice(0, -1)}ies` : `${verb}s`);
  forms.add(verb.endsWith('e') ? `${verb}d` : consY ? `${verb.slice(0, -1)}ied` : `${verb}ed`);
  forms.add(verb.endsWith('e') && !verb.endsWith('ee') ? `${verb.slice(0, -1)}ing` : `${verb}ing`);
  for (const f of irregular[verb] ?? []) forms.add(f);
  return [...forms].sort((a, b) => b.length - a.length);
}

/** Splits a pattern at spaces outside parentheses; spaces inside a group become `\s+`. */
function splitTopLevel(pattern: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of pattern) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (/\s/.test(ch)) {
      if (depth > 0) current += String.raw`\s+`;
      else if (current) {
        parts.push(current);
        current = '';
      }
      continue;
    }
    current += ch;
  }
  if (current) parts.push(current);
  return parts;
}

/** Compiles one pattern of the lexicon's little language to a regex source. */
export function compilePattern(pattern: string, irregular: Readonly<Record<string, readonly string[]>>): string {
  const parts = splitTopLevel(pattern.trim());
  let out = '';
  parts.forEach((part, i) => {
    if (part === '...') {
      // Up to four words that do not cross a sentence or clause boundary.
      out += String.raw`(?:\s+[^\s;.!?]+){0,4}?`;
      return;
    }
    const piece = part.replace(
      /@([a-z-]+)/g,
      (_, verb: string) => `(?:${inflect(verb, irregular).map(escapeRegExp).join('|')})`,
    );
    // "air ?strikes?": an optional space ("airstrikes", "air strikes").
    if (i > 0 && piece.startsWith('?')) out += String.raw`\s*` + piece.slice(1);
    else out += (i === 0 ? '' : String.raw`\s+`) + piece;
  });
  return out;
}

function compileRule(data: RuleData, irregular: Readonly<Record<string, readonly string[]>>): TriggerRule {
  // `\b` at the start (triggers begin with ASCII letters) lets V8 skip most positions quickly.
  // Patterns run on the lower-cased body: case-sensitive matching is much faster in V8.
  const source = wordAlt(data.patterns.map((p) => compilePattern(p.toLowerCase(), irregular)));
  return {
    id: data.id,
    description: data.description,
    eventType: data.event_type,
    subEventType: data.sub_event_type as SubEventType,
    tag: (data.tag as TruceTag | undefined) ?? null,
    resolve: data.resolve ?? null,
    role: data.role,
    agent: data.agent,
    patient: data.patient,
    symmetric: data.symmetric,
    requiresActor: data.requires_actor,
    defaultActor1: data.default_actor1 ?? null,
    defaultActor2: data.default_actor2 ?? null,
    passiveActor1: data.passive_actor1 ?? null,
    definiteOk: data.definite_ok,
    strength: data.strength,
    example: data.example,
    expect: data.expect,
    regex: new RegExp(source, 'gu'),
    stickies: data.patterns.map((p) => new RegExp(wordAlt([compilePattern(p.toLowerCase(), irregular)]), 'uy')),
    patternSources: data.patterns.map((p) =>
      compilePattern(p.toLowerCase().replace(/\s\.\.\.(?=\s|$)/g, ''), irregular),
    ),
  };
}

/** The clause cues' items as one test for lower-cased text, or null when an item has a back-reference. */
function clauseCues(items: readonly string[]): RegExp | null {
  return items.some((i) => /\\[1-9k]/.test(i))
    ? null
    : testAlt(
        items.map((i) => i.toLowerCase()),
        'u',
      );
}

function compileCues(c: CuesData): Cues {
  const re = (items: readonly string[]) => new RegExp(wordAlt(items), 'iu');
  // Lists only ever tested (never matched for a position or a group) are built by testAlt: the same
  // test, grouped by first letter (cue-regex.test.ts); `re` is the plain alternation.
  const numberWords = new Map(Object.entries(c.numbers.words).map(([k, v]) => [k.toLowerCase(), v]));
  const wordKeys = [...numberWords.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const m = c.modality;
  const cues: Omit<Cues, 'gate'> = {
    hypothetical: testAlt([...m.hypothetical, ...m.attempt], 'iu'),
    hypotheticalCrowd: testAlt(m.hypothetical, 'iu'),
    deal: new RegExp(`${testAlt(m.deal_nouns, 'iu').source}.*${wordAlt(m.deal_verbs)}`, 'iu'),
    planned: testAlt(m.planned, 'iu'),
    negated: testAlt(m.negated, 'iu'),
    denied: testAlt(m.denied, 'iu'),
    claimed: testAlt(m.claimed, 'iu'),
    deniedAll: new RegExp(wordAlt(m.denied), 'giu'),
    hypotheticalAll: new RegExp(wordAlt([...m.hypothetical, ...m.attempt]), 'giu'),
    hypotheticalCrowdAll: new RegExp(wordAlt(m.hypothetical), 'giu'),
    claimedAll: new RegExp(wordAlt(m.claimed), 'giu'),
    unverified: testAlt(m.unverified, 'iu'),
    unverifiedLc: testAlt(
      m.unverified.map((i) => i.toLowerCase()),
      'u',
    ),
    // Case-sensitive on the lower-cased body: much faster in V8.
    blameAll: new RegExp(wordAlt(c.blame_verbs), 'gu'),
    referenceBefore: new RegExp(`${wordAlt(c.reference_determiners)}\\s+(?:[\\p{L}-]+\\s+){0,2}$`, 'iu'),
    reaction: testAlt(c.reaction_verbs, 'iu'),
    stateForceOf: new Map(
      [...Object.entries(c.state_forces), ...Object.entries(c.unnamed_actors)]
        .map(([k, v]) => [k.toLowerCase(), v] as const)
        .sort((a, b) => b[0].length - a[0].length),
    ),
    victimAfter: new RegExp(
      `^[^.;]{0,40}?(?<![\\p{L}])(?:(${alt(c.armed_victims)})|(${alt(c.numbers.civilians)}))(?![\\p{L}])`,
      'iu',
    ),
    victimBefore: new RegExp(
      `(?<![\\p{L}])(?:(${alt(c.armed_victims)})|(${alt(c.numbers.civilians)}))(?![\\p{L}])[^.;]{0,30}$`,
      'iu',
    ),
    attributionVerbs: testAlt(c.attribution_verbs, 'iu'),
    attributionAll: new RegExp(wordAlt(c.attribution_verbs), 'giu'),
    monitors: new Set(c.monitors.map((s) => s.toLowerCase())),
    partyOutlets: new Set(c.party_outlets.map((s) => s.toLowerCase())),
    numberWords,
    numberSource: String.raw`(\d{1,3}(?:,\d{3})+|\d+|${wordKeys.join('|')})`,
    victimsSource: alt(c.numbers.victims),
    deathSource: alt(c.numbers.death_words),
    deathAny: testAny(c.numbers.death_words),
    deathAnyLc: testAny(c.numbers.death_words.map((i) => i.toLowerCase())),
    personSource: alt(c.numbers.person),
    cumulative: testAlt(c.numbers.cumulative, 'iu'),
    civilians: re(c.numbers.civilians),
    aircraft: testAlt(c.aircraft, 'iu'),
    durative: re(c.durative),
    durativeLc: testAlt(
      c.durative.map((i) => i.toLowerCase()),
      'u',
    ),
    cumulativeLc: testAlt(
      c.numbers.cumulative.map((i) => i.toLowerCase()),
      'u',
    ),
    referenceBeforeLc: new RegExp(`${wordAlt(c.reference_determiners)}\\s+(?:[\\p{L}-]+\\s+){0,2}$`, 'u'),
    pastMarkers: testAlt(c.past_markers, 'iu'),
    supportBefore: new RegExp(`${wordAlt(c.support_before)}\\s+(?:[\\p{L}.-]+\\s+){0,3}$`, 'iu'),
    claimedAfter: new RegExp(`^[^.;]{0,40}?${wordAlt(c.claimed_after)}`, 'iu'),
    headPlace: new RegExp(
      `(?<![\\p{L}])(${NAME_WORD}(?:\\s+${NAME_WORD}){0,3})\\s+(?:${c.place_heads.map(anyInitial).join('|')})(?![\\p{L}])`,
      'gu',
    ),
    locativeName: new RegExp(`(?<![\\p{L}])(?:[Ii]n|[Aa]t|[Nn]ear)\\s+(${NAME_WORD}(?:\\s+${NAME_WORD}){0,2})`, 'gu'),
    notPlaceNames: new Set(c.not_place_names.map((s) => s.toLowerCase())),
    partisans: testAlt(c.partisans, 'iu'),
    demonstration: testAlt(c.demonstration, 'iu'),
    crowdViolence: testAlt(c.crowd_violence, 'iu'),
    injured: testAlt(c.injured, 'iu'),
    accidental: testAlt(c.accidental, 'iu'),
    returnedFire: new RegExp(wordAlt(c.returned_fire), 'giu'),
    noReturnFireBefore: new RegExp(`${wordAlt(c.no_return_fire)}[^.;]{0,40}$`, 'iu'),
    continuingLc: testAlt(
      c.continuing.map((i) => i.toLowerCase()),
      'u',
    ),
    clauseCuesLc: clauseCues([...c.durative, ...c.continuing, ...c.numbers.cumulative]),
    performedBefore: new RegExp(
      `${wordAlt(c.performed_before)}\\s+(?:(?:the|a|an|their|its|his|her)\\s+)?(?:[\\p{L}.'’-]+\\s+){0,3}$`,
      'iu',
    ),
    peopleAgent: new RegExp(wordAlt(c.people_agents), 'giu'),
    tallyBefore: new RegExp(`${wordAlt(c.tally_before)}\\s+(?:of\\s+)?(?:[\\p{L}-]+\\s+)?$`, 'iu'),
    peopleByAgent: new RegExp(`^\\s+by\\s+(?:[\\p{L}-]+\\s+){0,4}?${wordAlt(c.people_agents)}`, 'iu'),
    trendAfter: new RegExp(`^\\s+(?:(?:has|have|had)\\s+(?:been\\s+)?)?${wordAlt(c.trend_after)}`, 'iu'),
    happenedAfter: new RegExp(`^[^.;:]{0,80}?${wordAlt(c.happened_after)}`, 'iu'),
    underBefore: new RegExp(`${wordAlt(c.under_before)}\\s+(?:[\\p{L}-]+\\s+){0,2}$`, 'iu'),
  };
  return { ...cues, gate: cueGateIndex(cues, c) };
}

/** Loads and compiles the lexicon; call once, at stage construction. */
export function loadLexicon(triggersPath = 'events/triggers.yaml', cuesPath = 'events/cues.yaml'): Lexicon {
  const cuesData = loadDataFile(cuesPath, cuesSchema);
  const rulesData = loadDataFile(triggersPath, z.object({ rules: z.array(ruleSchema).min(1) }));
  const ids = new Set<string>();
  for (const r of rulesData.rules) {
    if (ids.has(r.id))
      throw new TruceError('E009_DATA_FILE', { file: triggersPath, reason: `duplicate rule id ${r.id}` });
    ids.add(r.id);
  }
  return { rules: rulesData.rules.map((r) => compileRule(r, cuesData.irregular_verbs)), cues: compileCues(cuesData) };
}
