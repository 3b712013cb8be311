/**
 * Which gazetteer entry a name stands for (`choose`: the report's countries, the province its
 * sentence names, our alias file, then size) and whether that entry is a place of the report at
 * all (`accepted`: small places need a locative cue and their country in context).
 */
import type { Candidate } from './scan.js';
import type { Gazetteer, GazEntry, Source } from './gazetteer.js';
import { inNamedArea, NO_AREAS, type Areas } from './areas.js';
import {
  DISTRICT_AFTER_RE,
  HOLDER_AFTER_LOCATED_RE,
  LOCATIVE_AFTER_RE,
  LOCATIVE_RE,
  PART_OF_AFTER_RE,
  SEAT_DISTRICT_RE,
} from './cues.js';

export const BIG: ReadonlySet<Source> = new Set(['country', 'alias', 'capital', 'admin1-capital']);
const SOURCE_SCORE: Record<Source, number> = {
  country: 60,
  alias: 50,
  capital: 40,
  'admin1-capital': 30,
  'admin2-capital': 5,
  city: 0,
  admin1: -10,
  admin2: -15,
};

/** The countries of the big places of the name other than `e`'s country, in order, or null when none. */
export function rivalsOf(c: Candidate, e: GazEntry): Set<string | null> | null {
  let rivals: Set<string | null> | null = null;
  for (const x of c.entries) if (BIG.has(x.source) && x.country !== e.country) (rivals ??= new Set()).add(x.country);
  return rivals;
}

const BIG_CITY = 300_000;

// "X area of Y", "X village of Y" ("X of Y district" may be a town of that district: "Khanna of Ludhiana district").
const AREA_OF_AFTER_RE = /^\s+(?:area|village|locality)\s+of\b/i;
/** An area or village of the place named next (a closing quote may come first). */
function partOfNext(after: string): boolean {
  const q = after.charCodeAt(0);
  return AREA_OF_AFTER_RE.test(q === 39 || q === 0x2019 || q === 34 ? after.slice(1) : after);
}

export function choose(c: Candidate, ctx: ReadonlyMap<string, number>, areas: Areas = NO_AREAS): GazEntry {
  let best = c.entries[0]!;
  let bestScore = -Infinity;
  for (const e of c.entries) {
    // Our own entries with no country (regions) stand outside any country's context.
    const inContext = e.country ? (ctx.get(e.country) ?? 0) : e.source === 'alias' ? 1 : 0;
    // Context decides among big places; a small place in context still loses to a capital elsewhere
    // ("Vienna" is Austria's even in a story about the United States).
    // A city this large counts as big in its country ("Hyderabad" of Sindh in a story about Pakistan).
    const big = BIG.has(e.source) || e.population >= BIG_CITY;
    const bonus = inContext > 0 ? (big ? 100 : 20) + Math.min(inContext, 20) / 100 : 0;
    // "X district, Kunar": X inside the province its sentence names beats every X elsewhere.
    const area = inNamedArea(e, areas, c.key) ? 150 : 0;
    // Among equals, the larger town (population is known for GeoNames towns only).
    const size = e.population > 0 ? Math.log10(e.population) / 2 : 0;
    const score = bonus + area + SOURCE_SCORE[e.source] + size;
    if (score > bestScore) [best, bestScore] = [e, score];
  }
  return best;
}

/** True when no other town of the name comes near the chosen one's size (a tenth of it at most). */
export function dominant(c: Candidate, e: GazEntry): boolean {
  if (e.population < 50_000) return false;
  return c.entries.every((x) => x === e || x.population * 10 <= e.population);
}

const SEATS: ReadonlySet<Source> = new Set(['admin1-capital', 'admin2-capital', 'admin2']);
/** A town this large names its own district ("Bhuj district"), not a neighbourhood of another town. */
const TOWN_SIZE = 50_000;
/** A town named nowhere else, abroad from the report's countries, is taken from this size. */
const ABROAD_SIZE = 5_000;

/** Small gazetteer places need support: the report is about their country, or a locative cue and no rival. */
export function accepted(
  c: Candidate,
  e: GazEntry,
  gaz: Gazetteer,
  ctx: ReadonlyMap<string, number>,
  before: string,
  after: string,
  areas: Areas = NO_AREAS,
  /** False when the context was inferred from the report's places: then no small place abroad. */
  abroad = true,
  /** The countries of the administrative unit named right after the name ("X upazila"), if any. */
  unitCountries?: ReadonlySet<string>,
): boolean {
  // "Bab al-Salama" is not "al-Bab": an Arabic name that runs on is another name.
  if (c.continuesArabic) return false;
  // "Sadar upazila" is a Bangladeshi sub-district, whatever towns abroad share the name.
  if (unitCountries && (e.country === null || !unitCountries.has(e.country))) return false;
  if (e.source === 'country' || e.source === 'alias') return true;
  // A stop-listed name ("Hassan") is a place only as the district of its seat in the report's country.
  const district =
    SEATS.has(e.source) && SEAT_DISTRICT_RE.test(after) && e.country !== null && (ctx.get(e.country) ?? 0) > 0;
  if ((gaz.stop.has(c.key) && !district) || gaz.demonyms.has(c.key)) return false;
  if (c.initial && c.pos !== 'PROPN') return false;
  // "the Sharan village of Ab Kamari district", "the 'Qalat' area of X": a village or area of the place
  // named after it, not a same-named town that lies outside every province or country its sentence names.
  if (partOfNext(after) && !inNamedArea(e, areas, c.key)) return false;
  if (e.source === 'capital') return true;
  // An admin1 capital abroad inside a longer name is usually a person ("Andreas Rinke").
  if (e.source === 'admin1-capital') return !c.inLongerName || (e.country !== null && (ctx.get(e.country) ?? 0) > 0);
  // Small places: a proper noun standing alone, after a locative cue, in a country the report is about
  // (or the only place of that name anywhere).
  if (c.pos !== 'PROPN' || c.inLongerName) return false;
  // "in Alishing district, Laghman": a place inside the province its sentence names.
  if (inNamedArea(e, areas, c.key)) return true;
  // "Shopian district" names the district that Shopian is the seat of (or a GeoNames district, or a
  // district named after a real town), not a part of some town.
  const seat = (SEATS.has(e.source) || e.population >= TOWN_SIZE) && SEAT_DISTRICT_RE.test(after);
  // "in Kupwara district": a town of the report's countries named with "district" after a locative cue
  // names the district it heads, though GeoNames marks no seat there; the town's point is within the
  // district. (Not in a report with no country: a same-named hamlet abroad would then set its country.)
  const headsDistrict =
    !seat &&
    SEAT_DISTRICT_RE.test(after) &&
    LOCATIVE_RE.test(before) &&
    e.latitude !== null &&
    e.country !== null &&
    (ctx.get(e.country) ?? 0) > 0;
  const cue =
    c.institution === true ||
    LOCATIVE_RE.test(before) ||
    LOCATIVE_AFTER_RE.test(after) ||
    // (a name, not an acronym: "In Karachi, JI arranged")
    (c.key.length >= 4 && HOLDER_AFTER_LOCATED_RE.test(before));
  if (!seat && !headsDistrict && (!cue || DISTRICT_AFTER_RE.test(after))) return false;
  // A place abroad needs its country in the report; being the only place of its name is enough only
  // when the report has no country at all ("Hamdaniya" in an Aleppo story is not Iraq's Al-Hamdaniya).
  // A district seat is also enough when no other district seat shares its name ("Patna" in Bihar, not Scotland's).
  if (e.country !== null && (ctx.get(e.country) ?? 0) > 0) return true;
  // Abroad only when the name is found nowhere else and is a town or district GeoNames knows well, and
  // is not told as a part of another place ("the Bazar area of X district": a village of X, not a town abroad).
  // Nor is a town that opens an institution's name ("the Panjab University campus").
  if (ctx.size > 0)
    return (
      abroad &&
      c.institution !== true &&
      !PART_OF_AFTER_RE.test(after) &&
      c.entries.length === 1 &&
      (SEATS.has(e.source) || e.population >= ABROAD_SIZE)
    );
  if (c.entries.length === 1 || dominant(c, e)) return true;
  return e.source === 'admin2-capital' && c.entries.filter((x) => x.source !== 'city').length === 1;
}
