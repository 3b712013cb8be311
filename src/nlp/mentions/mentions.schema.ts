/** zod schema of data/mentions/mentions.yaml, and the lookup tables built from it once. */
import { createRequire } from 'node:module';
import type { Country } from 'world-countries';
import { z } from 'zod';
import { loadDataFile } from '../../core/data-file.js';
import type { MentionType } from '../../core/document.js';

const word = z
  .string()
  .min(1)
  .regex(/^[a-z][a-z'-]*$/, 'a lower-case word');
const words = z.array(word).min(1);

export const mentionsSchema = z
  .object({
    pronouns: z.object({ person: words, organization: words, place: words }),
    determiners: words,
    heads: z.object({ place: words, group: words, people: words, person: words }),
  })
  .superRefine((data, ctx) => {
    // A word has one reading: the same pronoun or head in two lists is a curation error.
    const seen = new Map<string, string>();
    const lists: Array<[string, readonly string[]]> = [
      ...Object.entries(data.pronouns).map(([k, v]): [string, string[]] => [`pronouns.${k}`, v]),
      ...Object.entries(data.heads).map(([k, v]): [string, string[]] => [`heads.${k}`, v]),
    ];
    for (const [list, ws] of lists) {
      for (const w of ws) {
        const other = seen.get(w);
        if (other) ctx.addIssue({ code: 'custom', path: list.split('.'), message: `"${w}" is also in ${other}` });
        seen.set(w, list);
      }
    }
  });

export type MentionsData = z.infer<typeof mentionsSchema>;

/** What a head noun or pronoun says about its mention. */
export interface Reading {
  readonly type: MentionType;
  readonly plural: boolean;
}

export interface MentionLexicon {
  readonly pronouns: ReadonlyMap<string, Reading>;
  readonly heads: ReadonlyMap<string, Reading>;
  readonly determiners: ReadonlySet<string>;
  /** Plural demonyms, as written ("Syrians", "Iraqis"): the people of a country. */
  readonly peoples: ReadonlySet<string>;
}

// The package is CommonJS with an ES-style default in its types; require() gives the array itself.
const countries = createRequire(import.meta.url)('world-countries') as Country[];

/** "Syrian" -> "Syrians", "Iraqi" -> "Iraqis"; demonyms in -ese, -ish, -ch have no such plural. */
function pluralDemonyms(): Set<string> {
  const out = new Set<string>();
  for (const c of countries) {
    const d = c.demonyms['eng']?.m;
    if (d && /^\p{Lu}\p{Ll}+(?:an|i)$/u.test(d)) out.add(`${d}s`);
  }
  return out;
}

const PLURAL_PRONOUNS = new Set(['we', 'us', 'ourselves', 'they', 'them', 'themselves']);

/** Builds the lookup tables; a head's number is read from its list (people) or its ending. */
export function buildMentionLexicon(data: MentionsData): MentionLexicon {
  const pronouns = new Map<string, Reading>();
  for (const type of ['person', 'organization', 'place'] as const) {
    for (const w of data.pronouns[type]) pronouns.set(w, { type, plural: PLURAL_PRONOUNS.has(w) });
  }
  const heads = new Map<string, Reading>();
  const plural = (w: string) => /[^s]s$/.test(w) || w === 'people' || w === 'children' || /men$/.test(w);
  for (const w of data.heads.place) heads.set(w, { type: 'place', plural: plural(w) });
  for (const w of data.heads.group) heads.set(w, { type: 'organization', plural: plural(w) });
  for (const w of data.heads.people) heads.set(w, { type: 'organization', plural: true });
  for (const w of data.heads.person) heads.set(w, { type: 'person', plural: false });
  return { pronouns, heads, determiners: new Set(data.determiners), peoples: pluralDemonyms() };
}

export function loadMentionLexicon(path = 'mentions/mentions.yaml'): MentionLexicon {
  return buildMentionLexicon(loadDataFile(path, mentionsSchema));
}
