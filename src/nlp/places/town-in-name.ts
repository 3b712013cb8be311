/**
 * The fallback of a report that places nothing: a capital, a large town or a district seat of its
 * country named inside a name ("the Karachi chapter", "University of X").
 */
import type { PlacesLayer } from '../../core/document.js';
import { byStart } from '../../core/span.js';
import type { Gazetteer } from './gazetteer.js';
import type { PlaceRules } from './rules.js';
import type { Candidate } from './scan.js';
import { CAPITALISED_BEFORE, WINDOW } from './cues.js';
import { mention } from './mention.js';
import { BIG, choose } from './rank.js';

/** A town inside a name is the report's place from this size, unless a seat of the report's country. */
const TOWN_IN_NAME_SIZE = 100_000;
const ACRONYM_RE = /^[\p{Lu}\d.\s-]+$/u;

/**
 * A report that places nothing may still name its town inside a name: "the Karachi chapter of X",
 * "the X Union of Sukkur", "Delhi Chief Minister's residence". The first seat or large town so
 * named is its place (the events stage uses it only when no party's name holds it, or as the
 * report's fallback place).
 */
export function townInName(
  gaz: Gazetteer,
  rules: PlaceRules,
  body: string,
  layer: PlacesLayer,
  named: readonly Candidate[],
  ctx: ReadonlyMap<string, number>,
): PlacesLayer {
  for (const c of named) {
    if (c.continuesArabic || (c.initial && c.pos !== 'PROPN') || gaz.stop.has(c.key) || gaz.demonyms.has(c.key))
      continue;
    // An acronym ("JI") is a party's, not a town's name.
    if (ACRONYM_RE.test(body.slice(c.start, c.end))) continue;
    const e = choose(c, ctx);
    if (e.kind !== 'city' || e.latitude === null) continue;
    // A capital, a large town, or a district seat of the report's country: not "Forest" of "Forest Department".
    const known =
      BIG.has(e.source) ||
      e.population >= TOWN_IN_NAME_SIZE ||
      (e.source === 'admin2-capital' && e.country !== null && (ctx.get(e.country) ?? 0) > 0);
    if (!known) continue;
    const before = body.slice(Math.max(c.sentence.start, c.start - WINDOW), c.start);
    const after = body.slice(c.end, Math.min(c.sentence.end, c.end + WINDOW));
    // The town opens the name ("Karachi chapter") or follows "of" ("University of X"), not "Lok Sabha".
    if (CAPITALISED_BEFORE.test(before)) continue;
    const m = mention(body, c, e, gaz, rules, before, after);
    const countryContext =
      e.country && !layer.countryContext.includes(e.country)
        ? [...layer.countryContext, e.country]
        : layer.countryContext;
    return { places: [...layer.places, m].sort(byStart), countryContext, warnings: layer.warnings };
  }
  return layer;
}
