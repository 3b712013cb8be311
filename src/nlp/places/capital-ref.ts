/**
 * "in the capital", "the capital's Lalbagh area": a report that names its country's capital by its role
 * only is placed there (the country context's first country), as a town named where the words are.
 */
import type { PlaceMention, PlacesLayer } from '../../core/document.js';
import { byStart } from '../../core/span.js';
import type { Gazetteer } from './gazetteer.js';
import { CAPITAL_REF_RE, WINDOW } from './cues.js';
import { firstMatch, type PlaceRules } from './rules.js';

/**
 * `told`: the countries the report's own words name or cue (country names, demonyms, the dateline,
 * parties), most weight first: a country learned only from a town's name ("Gulistan": Uzbekistan) is
 * not enough to name its capital.
 */
export function capitalRefs(
  gaz: Gazetteer,
  rules: PlaceRules,
  body: string,
  layer: PlacesLayer,
  told: ReadonlyMap<string, number>,
): PlacesLayer {
  if (!body.includes('capital')) return layer;
  let country: string | undefined;
  let most = 0;
  for (const [cc, w] of told) if (w > most) [country, most] = [cc, w];
  if (country === undefined || layer.countryContext[0] !== country) return layer;
  const capital = gaz.capitalOf(country);
  if (!capital) return layer;
  const added: PlaceMention[] = [];
  CAPITAL_REF_RE.lastIndex = 0;
  for (let m = CAPITAL_REF_RE.exec(body); m; m = CAPITAL_REF_RE.exec(body)) {
    const word = m[1] ?? m[2]!;
    const start = m.index + m[0].lastIndexOf(word);
    const end = start + word.length;
    if (layer.places.some((p) => p.start < end && p.end > start)) continue;
    // "on the outskirts of the capital": near it, ACLED's precision 2.
    const near = firstMatch(rules.nearBefore, body.slice(Math.max(0, start - WINDOW), start));
    added.push({
      start,
      end,
      text: body.slice(start, end),
      name: capital.name,
      kind: 'city',
      country,
      countryName: gaz.countryNames.get(country) ?? null,
      admin1: capital.admin1,
      latitude: capital.latitude,
      longitude: capital.longitude,
      geoPrecision: near ? 2 : 1,
      metonymFor: null,
    });
  }
  if (added.length === 0) return layer;
  return { ...layer, places: [...layer.places, ...added].sort(byStart) };
}
