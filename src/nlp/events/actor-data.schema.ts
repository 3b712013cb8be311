/** zod schemas of the actor data files under data/actors/ (types inferred, so they cannot drift). */
import { z } from 'zod';
import { phraseAlternation } from '../../core/regex.js';
import { anyInitial } from './cue-regex.js';

const code = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code');

/** A word or phrase, matched whole-word and case-blind on the lower-cased text. */
const words = z.array(z.string().min(2)).min(1);

export const countryCuesSchema = z
  .object({
    cues: z.array(
      z.object({
        words,
        /** The countries whose public life the words belong to: the vote is split over them. */
        countries: z.array(code).min(1),
        weight: z.number().positive().max(3).default(1),
      }),
    ),
    /**
     * Capitalised words of institutions and titles ("Junction", "Officer", "Supreme Court") that
     * the gazetteer knows as a small town somewhere: never a country cue on their own.
     */
    not_places: z.array(z.string().min(2)).default([]),
  })
  .transform((d) => ({
    notPlaces: new Set(d.not_places.map((w) => w.toLowerCase())),
    /** Every cue word: a cue ("Sabha") is not also a place of the same name elsewhere. */
    words: new Set(d.cues.flatMap((c) => c.words.map((w) => w.toLowerCase()))),
    cues: d.cues.map((c) => ({
      countries: c.countries,
      weight: c.weight,
      pattern: new RegExp(
        `(?<![\\p{L}])(?:${phraseAlternation(c.words.map((w) => w.toLowerCase()))})(?![\\p{L}])`,
        'u',
      ),
    })),
  }));

export type CountryCuesData = z.infer<typeof countryCuesSchema>;

const fragments = z.array(z.string().min(1)).min(1);

/** data/events/roles.yaml: which victims are an event type's actor2, and the words that name them. */
/** A capitalised name of one to three words. */
export const CAPITALISED_NAME = String.raw`\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,2}`;

export const rolesSchema = z
  .object({
    types: z.record(
      z.string(),
      z.object({
        patients: z.array(z.string()).default([]),
        present: z.array(z.string()).default([]),
        /** ACLED codes no second side for the type (a peaceful protest): an actor2 found is dropped. */
        alone: z.boolean().default(false),
        /** The kind of second side when the text names none (an intervention's force: the police). */
        otherwise: z.string().optional(),
      }),
    ),
    patients: z.record(
      z.string(),
      z.object({ actor: z.string().min(1), country: z.boolean().default(true), words: fragments }),
    ),
    crowds: z.record(z.string(), z.object({ actor: z.string().min(1), organisers: z.boolean() })).default({}),
    crowd_violence: z.object({ acts: fragments, not_after: fragments }).optional(),
    intervention: fragments.optional(),
    two_crowds: fragments.optional(),
    /** A protest told in a paragraph: an arrest there is the protest's intervention. */
    protest_told: fragments.optional(),
    /** Words of an army in a crowd's paragraph: without them, the "security forces" facing a crowd are its police. */
    crowd_army: fragments.optional(),
    victim_before: fragments,
    victim_after: fragments,
    militias: z
      .object({
        types: z.array(z.string().min(1)).min(1),
        parties: z.array(z.object({ militia: z.string().min(1), groups: z.array(z.string().min(1)).min(1) })),
        members: fragments,
        same_party: fragments,
        rivals: fragments,
        communal: z.object({ heads: z.array(z.string().min(2)).min(1), cues: fragments }),
      })
      .optional(),
  })
  .superRefine((d, ctx) => {
    for (const [type, t] of Object.entries(d.types))
      for (const p of [...t.patients, ...t.present, ...(t.otherwise ? [t.otherwise] : [])])
        if (!d.patients[p])
          ctx.addIssue({ code: 'custom', path: ['types', type, 'patients'], message: `unknown patient kind ${p}` });
  })
  .transform((d) => ({
    types: new Map(
      Object.entries(d.types).map(([type, t]) => [
        type,
        { patients: t.patients, present: t.present, alone: t.alone, otherwise: t.otherwise ?? null },
      ]),
    ),
    patients: new Map(
      Object.entries(d.patients).map(([kind, p]) => [
        kind,
        {
          actor: p.actor,
          country: p.country,
          words: new RegExp(`(?<![\\p{L}])(?:${p.words.join('|')})(?![\\p{L}])`, 'gu'),
        },
      ]),
    ),
    crowds: new Map(Object.entries(d.crowds)),
    crowdViolence: d.crowd_violence && {
      acts: new RegExp(`(?<![\\p{L}])(?:${d.crowd_violence.acts.join('|')})(?![\\p{L}])`, 'gu'),
      notAfter: new RegExp(`(?<![\\p{L}])(?:${d.crowd_violence.not_after.join('|')})$`, 'u'),
    },
    intervention: d.intervention && new RegExp(`(?<![\\p{L}])(?:${d.intervention.join('|')})(?![\\p{L}])`, 'u'),
    twoCrowds: d.two_crowds && new RegExp(`(?<![\\p{L}])(?:${d.two_crowds.join('|')})(?![\\p{L}])`, 'u'),
    protestTold: d.protest_told && new RegExp(`(?<![\\p{L}])(?:${d.protest_told.join('|')})(?![\\p{L}])`, 'u'),
    crowdArmy: d.crowd_army && new RegExp(`(?<![\\p{L}])(?:${d.crowd_army.join('|')})(?![\\p{L}])`, 'u'),
    victimBefore: new RegExp(`(?:${d.victim_before.join('|')})`, 'u'),
    victimAfter: new RegExp(`(?:${d.victim_after.join('|')})`, 'u'),
    militias: d.militias && {
      types: new Set(d.militias.types),
      /** groups.yaml canonical -> its militia. */
      ofGroup: new Map(d.militias.parties.flatMap((p) => p.groups.map((g) => [g, p.militia] as const))),
      /** After a party: its members act (not a passive: "BNP men were injured"). */
      membersAct: new RegExp(
        `^\\s*(?:\\([^)]{1,20}\\)\\s*)?(?:[\\p{L}'’-]+\\s+){0,2}?(?:${d.militias.members.join('|')})\\s+(?!(?:were|was|are|is|have been|has been|had been|got|and|of|by|in|at|on|from|to|for|with|who|whose|near)(?![\\p{L}]))[\\p{L}]`,
        'u',
      ),
      /** Before a party: its members ("supporters of the", "cadres of"). */
      membersOf: new RegExp(`(?<![\\p{L}])(?:${d.militias.members.join('|')}) of (?:the )?$`, 'u'),
      sameParty: new RegExp(`(?<![\\p{L}])(?:${d.militias.same_party.join('|')})(?![\\p{L}])`, 'u'),
      rivals: new RegExp(`(?<![\\p{L}])(?:${d.militias.rivals.join('|')})(?![\\p{L}])`, 'u'),
      /** "at X village", "in X union": the name before a place head (group 1). */
      nameBeforeHead: new RegExp(
        String.raw`(?<![\p{L}])(?:at|in|of|from|near|under|on)\s+(${CAPITALISED_NAME})\s+(?:${d.militias.communal.heads.map(anyInitial).join('|')})(?![\p{L}])`,
        'u',
      ),
      /** "village X", "village of X": the name after a place head (group 1). */
      nameAfterHead: new RegExp(
        String.raw`(?<![\p{L}])(?:${d.militias.communal.heads.map(anyInitial).join('|')})\s+(?:of\s+)?(${CAPITALISED_NAME})`,
        'u',
      ),
      communal: new RegExp(`(?<![\\p{L}])(?:${d.militias.communal.cues.join('|')})(?![\\p{L}])`, 'u'),
    },
  }));

export type RolesData = z.infer<typeof rolesSchema>;
