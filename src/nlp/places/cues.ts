/**
 * The places stage's text cues around a name: the window it reads, locative cues before and after,
 * the words that mark a district or a part of another place, and a capitalised word before the name.
 */

/** How far around a name the context rules look, in characters (within its sentence). */
export const WINDOW = 80;

// A locative cue ("in X", "the town of X", "the state of X", "the Uri sector of X", "the streets of X",
// "residents of X": where people live) is what lets a small gazetteer place count as a place; so does
// "the district headquarters X" (a district's seat).
// "in Alishing district, Laghman", "the district center, Faryab": the name after a lower unit (or its
// seat) and a comma is where that unit lies.
// End first, the rest in a look-behind: the matches of the same pattern ending in `$` (places.regex
// property test), but the engine tests one cheap `$` at each position instead of the words.
export const LOCATIVE_RE =
  /$(?<=\b(?:in|near|at|outside|into|from|to|towards?|around|across|entered|reached|(?:city|town|village|port|province|state|district|sector|area|parts|streets|outskirts|suburbs|residents|inhabitants|people|citizens|villagers|locals|natives)\s+of)\s+(?:the\s+)?|\b(?:district|village|town|city|area|upazila|tehsil|subdivision|county|cent(?:er|re)|headquarters)\s*,\s*|\bheadquarters\s+)/i;
// "in Dasht, Mastung": the name after a located name and a comma is the place that holds it (a town or
// district seat, often the only one the gazetteer knows). Case matters here, so apart from LOCATIVE_RE.
export const HOLDER_AFTER_LOCATED_RE =
  /$(?<=\b(?:[Ii]n|[Aa]t|[Nn]ear)\s+(?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,2}\s*,\s*)/u;
// "the Dora neighborhood": a district of some town, not the GeoNames town of that name.
export const DISTRICT_AFTER_RE = /^\s+(?:neighbou?rhood|district|quarter|suburb)\b/i;
export const SEAT_DISTRICT_RE = /^\s+district\b/i;
// "X area of Y", "X village of Y", "X of Y district": X is a part of the place named after it.
export const PART_OF_AFTER_RE =
  /^\s+(?:(?:area|village|locality)\s+of\b|of\s+(?:the\s+)?\p{Lu}[\p{L}'’ -]{0,30}?\s(?:district|upazila|tehsil)\b)/u;
export const LOCATIVE_AFTER_RE = /^\s+(?:province|governorate|district|area|countryside|village|town|city)\b/i;

// A capitalised word right before the name (not a sentence's "The" or "In"): the name is inside another.
// End first, the rest in a look-behind, as LOCATIVE_RE.
export const CAPITALISED_BEFORE =
  /$(?<=(?<!^|[.!?]\s*)\b(?!(?:The|In|At|Near|Outside|From|Of)\b)\p{Lu}[\p{L}'’-]*\s+)/u;

// "in the capital", "parts of the capital city", "the capital's Lalbagh area": the report's country's
// capital named by its role. Not "the state capital" or "the capital city here" (a province's), nor
// "the capital Dhaka" / "the capital of X" (named there), nor "capital punishment".
export const CAPITAL_REF_RE =
  /(?<![\p{L}])(?:(?:[Ii]n|[Aa]t|[Aa]cross|[Aa]round|[Nn]ear|[Oo]utside|[Ii]nto|[Ff]rom|of|to)\s+the\s+(?:national\s+)?(capital(?:\s+city)?)(?![\p{L}'’-])(?!\s+(?:city\s+)?(?:of\b|here\b|\p{Lu}))|(?:[Tt]he\s+)?(capital)['’]s\s+\p{Lu})/gu;
