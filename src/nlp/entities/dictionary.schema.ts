/** zod schemas of the entity data files under data/entities/ (types inferred, so they cannot drift). */
import { z } from 'zod';

const code = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code');
const side = z.string().min(1).nullable().optional();

export const templateSchema = z.object({ canonical: z.string().min(1), aliases: z.array(z.string().min(1)) });

export const stateForcesSchema = z.object({
  templates: z.object({ military: templateSchema, police: templateSchema, government: templateSchema }),
  overrides: z.array(
    z.object({
      code,
      name: z.string().optional(),
      side: z.string().optional(),
      countries: z.array(z.string()).optional(),
      demonyms: z.array(z.string()).optional(),
      capitals: z.array(z.string()).optional(),
      military: z.array(z.string()).optional(),
      police: z.array(z.string()).optional(),
      government: z.array(z.string()).optional(),
    }),
  ),
});

export const ROLES = ['military', 'government', 'rebels', 'militants', 'jihadists', 'kurdish'] as const;
export type Role = (typeof ROLES)[number];

const roleActor = z.object({ canonical: z.string(), name: z.string(), side });

export const genericsSchema = z.object({
  rules: z.array(
    z.object({
      role: z.enum(ROLES),
      description: z.string().min(1),
      example: z.string().min(1),
      expect: z.string().min(1),
      phrases: z.array(z.string().min(1)).min(1),
    }),
  ),
  conflictCountries: z.array(code),
  conflictPlaces: z.array(z.object({ code, places: z.array(z.string().min(1)).min(1) })),
  countries: z.array(
    z.object({
      code,
      rebels: roleActor.optional(),
      militants: roleActor.optional(),
      jihadists: roleActor.optional(),
      kurdish: roleActor.optional(),
    }),
  ),
});

export const groupsSchema = z.object({
  groups: z.array(
    z.object({
      canonical: z.string().min(1),
      type: z.enum(['group', 'organization']).optional(),
      actor: z.string().optional(),
      side,
      country: code.optional(),
      aliases: z.array(z.string().min(1)),
      afterFull: z.array(z.string().min(1)).optional(),
    }),
  ),
});

/** party-words.yaml: words that name each country's own party or group ("Maoists"). */
export const partyWordsSchema = z.object({
  words: z
    .array(
      z.object({
        /** The groups.yaml canonical the entities stage gives the word (it is one of its aliases). */
        default: z.string().min(1),
        /** The word's forms: aliases of `default`, matched case-blind. */
        phrases: z.array(z.string().min(1)).min(1),
        /** Per country, the groups.yaml canonical the word stands for there. */
        countries: z.array(z.object({ code, canonical: z.string().min(1) })).min(1),
      }),
    )
    .min(1),
});

export const organizationsSchema = z.object({
  organizations: z.array(
    z.object({
      canonical: z.string().min(1),
      aliases: z.array(z.string().min(1)),
      afterFull: z.array(z.string().min(1)).optional(),
      actor: z.string().optional(),
      side,
      country: code.optional(),
    }),
  ),
});

export const peopleSchema = z.object({
  people: z.array(
    z.object({
      name: z.string().min(1),
      aliases: z.array(z.string().min(1)),
      surname: z.union([z.literal(false), z.array(z.string().min(1))]).optional(),
    }),
  ),
});

export const recogniserSchema = z.object({
  titles: z.array(z.string().min(1)),
  speechVerbs: z.array(z.string().min(1)),
  organizationCues: z.array(z.string().min(1)),
  groupCues: z.array(z.string().min(1)),
  connectors: z.array(z.string().min(1)),
  innerOnly: z.array(z.string().min(1)),
  stopwords: z.array(z.string().min(1)),
  givenNames: z.array(z.string().min(1)),
  facilityHeads: z.array(z.string().min(1)),
  creditWords: z.array(z.string().min(1)),
  placeNouns: z.array(z.string().min(1)),
  politicalVerbs: z.array(z.string().min(1)),
  auxiliaries: z.array(z.string().min(1)),
  clauseOpeners: z.array(z.string().min(1)),
  sponsorVerbs: z.array(z.string().min(1)),
});

export type StateForcesData = z.infer<typeof stateForcesSchema>;
export type GenericsData = z.infer<typeof genericsSchema>;
export type GroupsData = z.infer<typeof groupsSchema>;
export type PartyWordsData = z.infer<typeof partyWordsSchema>;
export type OrganizationsData = z.infer<typeof organizationsSchema>;
export type PeopleData = z.infer<typeof peopleSchema>;
export type RecogniserData = z.infer<typeof recogniserSchema>;
