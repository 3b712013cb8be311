/** Schemas of the places data files (data/places/*.yaml); types are inferred so they cannot drift. */
import { z } from 'zod';

const KIND = z.enum(['country', 'admin1', 'city', 'district', 'facility', 'route', 'region']);
const ISO2 = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as SY');

export const AliasEntrySchema = z
  .object({
    name: z.string().min(1),
    aliases: z.array(z.string().min(1)).optional(),
    kind: KIND,
    country: ISO2.optional(),
    admin1: z.string().optional(),
    lat: z.number().min(-90).max(90).optional(),
    lng: z.number().min(-180).max(180).optional(),
    /** The town a district, facility or route is part of. */
    partOf: z.string().optional(),
    /** A national capital whose name stands for its government when it acts. */
    capital: z.boolean().optional(),
    note: z.string().optional(),
  })
  .strict();

export const AliasFileSchema = z
  .object({
    places: z.array(AliasEntrySchema),
    demonyms: z.array(z.object({ name: z.string(), country: ISO2 }).strict()).optional(),
  })
  .strict();

export const StopListSchema = z.object({ words: z.array(z.string().min(1)) }).strict();

const RuleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    /** Regex source, matched right before the place name (`before`) or right after it (`after`). */
    pattern: z.string().min(1),
    description: z.string().min(1),
    /** A sentence with the place name in [brackets]. */
    example: z.string().regex(/\[[^\]]+\]/, 'the example must mark the place name in [brackets]'),
  })
  .strict();

const UnitSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    /** The countries whose administrative units these words name. */
    countries: z.array(ISO2).min(1),
    /** Unit words that follow a name ("X upazila"), matched whole and case-blind. */
    words: z.array(z.string().min(1)).min(1),
    description: z.string().min(1),
    /** A sentence with the place name in [brackets], resolved inside one of `countries`. */
    example: z.string().regex(/\[[^\]]+\]/, 'the example must mark the place name in [brackets]'),
  })
  .strict();

export const RulesFileSchema = z
  .object({
    /**
     * Administrative units of a few countries only ("X upazila": Bangladesh): the report is about one
     * of them, and a name the unit follows is a place there, never a same-named place abroad.
     */
    units: z.array(UnitSchema),
    /** Words around a town that make the location "near it or part of it" (geoPrecision 2). */
    near: z.object({ before: z.array(RuleSchema), after: z.array(RuleSchema) }).strict(),
    /** Words after a name that make it the admin1 region ("Idlib province"). */
    region: z.object({ before: z.array(RuleSchema), after: z.array(RuleSchema) }).strict(),
    /** Words around a name that make it a part of a town ("the district of X", "the X neighbourhood"). */
    district: z.object({ before: z.array(RuleSchema), after: z.array(RuleSchema) }).strict(),
    /**
     * Words after a town that name one of its institutions ("X Press Club", "X Municipal Corporation"):
     * the town is where the event was, though the name runs on and may be tagged an organisation.
     */
    institution: z.array(RuleSchema),
    /** Words after a demonym that make it name its country as a place ("the Chinese city of"). */
    demonymPlace: z.array(RuleSchema),
    /** Words around a capital that make it act as its government ("Moscow has backed"). */
    metonym: z
      .object({
        /** "Washington's envoy": always the government. */
        possessive: z.array(RuleSchema),
        /** "Moscow has backed": the government unless a preposition comes first ("in Moscow has"). */
        subject: z.array(RuleSchema),
        blockedBefore: z.array(RuleSchema),
      })
      .strict(),
  })
  .strict();

export type AliasEntry = z.infer<typeof AliasEntrySchema>;
export type Rule = z.infer<typeof RuleSchema>;
export type Unit = z.infer<typeof UnitSchema>;
export type RulesFile = z.infer<typeof RulesFileSchema>;
