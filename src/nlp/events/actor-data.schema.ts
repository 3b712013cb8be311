/** zod schemas of the actor data files under data/actors/ (types inferred, so they cannot drift). */
import { z } from 'zod';

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
  })
  .transform((d) => ({
    cues: d.cues.map((c) => ({
      countries: c.countries,
      weight: c.weight,
      pattern: new RegExp(
        `(?<![\\p{L}])(?:${c.words
          .map((w) =>
            w
              .toLowerCase()
              .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
              .replace(/ /g, '\\s+'),
          )
          .join('|')})(?![\\p{L}])`,
        'u',
      ),
    })),
  }));

export type CountryCuesData = z.infer<typeof countryCuesSchema>;
