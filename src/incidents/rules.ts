/**
 * The matching thresholds, the side lexicon and the source identities, loaded once from
 * data/incidents/ and indexed.
 * Reasons for every figure live in the YAML files, beside the figures.
 */
import { z } from 'zod';
import { loadDataFile } from '../core/data-file.js';
import type { TimePrecision } from '../core/date.js';
import { MODALITIES, type GeoPrecision, type Modality } from '../core/taxonomy.js';
import { normaliseSourceName } from './source-name.js';

const precision = z.union([z.literal(1), z.literal(2), z.literal(3)]);
const typeRef = z.strictObject({ type: z.string().min(1), sub: z.string().min(1) });

export const MatchingSchema = z.strictObject({
  distance_km: z.array(z.strictObject({ precision, km: z.number().positive(), reason: z.string().min(1) })).length(3),
  same_admin1_at_precision: precision,
  date_slack_days: z.number().int().min(0).max(7),
  date_span_days: z.array(z.strictObject({ precision, days: z.number().int().positive() })).length(3),
  incident_modalities: z.array(z.enum(MODALITIES)).min(1),
  compatible_types: z.array(z.strictObject({ a: typeRef, b: typeRef, reason: z.string().min(1) })),
});

export const SidesSchema = z.strictObject({
  sides: z.array(z.strictObject({ side: z.string().min(1), pattern: z.string().min(1), example: z.string().min(1) })),
  camps: z.array(z.strictObject({ name: z.string().min(1), sides: z.array(z.string().min(1)).min(2) })),
});

export const SourcesSchema = z.strictObject({
  sources: z.array(
    z.strictObject({
      id: z.string().regex(/^[a-z0-9-]+$/),
      kind: z.enum(['agency', 'outlet', 'monitor', 'state_media', 'party_media']),
      names: z.array(z.string().min(1)).min(1),
      domains: z.array(z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/)),
    }),
  ),
  anonymous_heads: z.array(z.string().regex(/^[a-z]+$/)).min(1),
});

/** Source identities (data/incidents/sources.yaml), indexed for sourceId (independence.ts). */
export interface SourceIdentities {
  /** Normalised name -> source id. */
  readonly names: ReadonlyMap<string, string>;
  /** Domain -> source id; a domain also matches its subdomains. */
  readonly domains: ReadonlyMap<string, string>;
  readonly anonymousHeads: ReadonlySet<string>;
}

export interface IncidentRules {
  readonly kmByPrecision: ReadonlyMap<GeoPrecision, number>;
  readonly maxKm: number;
  readonly admin1AtPrecision: GeoPrecision;
  readonly dateSlackDays: number;
  readonly spanDays: ReadonlyMap<TimePrecision, number>;
  readonly incidentModalities: ReadonlySet<Modality>;
  /** "type|sub" keys of compatible pairs, both directions; sub may be '*'. */
  readonly compatibleTypes: ReadonlySet<string>;
  readonly sides: readonly { readonly side: string; readonly pattern: RegExp; readonly example: string }[];
  /** For each side, every side it shares a camp with (itself included). */
  readonly allies: ReadonlyMap<string, ReadonlySet<string>>;
  /** Who reports come from, for counting independent sources. */
  readonly identities: SourceIdentities;
}

export function buildRules(
  matching: z.infer<typeof MatchingSchema>,
  sides: z.infer<typeof SidesSchema>,
  sources: z.infer<typeof SourcesSchema>,
): IncidentRules {
  const kmByPrecision = new Map(matching.distance_km.map((d) => [d.precision, d.km] as const));
  const compatibleTypes = new Set<string>();
  for (const { a, b } of matching.compatible_types) {
    compatibleTypes.add(`${a.type}|${a.sub}#${b.type}|${b.sub}`);
    compatibleTypes.add(`${b.type}|${b.sub}#${a.type}|${a.sub}`);
  }
  const allies = new Map<string, Set<string>>();
  for (const s of sides.sides) allies.set(s.side, new Set([s.side]));
  for (const camp of sides.camps)
    for (const s of camp.sides)
      for (const t of camp.sides) (allies.get(s) ?? allies.set(s, new Set([s])).get(s)!).add(t);
  return {
    kmByPrecision,
    maxKm: Math.max(...kmByPrecision.values()),
    admin1AtPrecision: matching.same_admin1_at_precision,
    dateSlackDays: matching.date_slack_days,
    spanDays: new Map(matching.date_span_days.map((d) => [d.precision, d.days] as const)),
    incidentModalities: new Set(matching.incident_modalities),
    compatibleTypes,
    sides: sides.sides.map((s) => ({ side: s.side, pattern: new RegExp(s.pattern, 'i'), example: s.example })),
    allies,
    identities: buildIdentities(sources),
  };
}

function buildIdentities(file: z.infer<typeof SourcesSchema>): SourceIdentities {
  const names = new Map<string, string>();
  const domains = new Map<string, string>();
  const claim = <K>(map: Map<K, string>, key: K, id: string) => {
    const other = map.get(key);
    if (other !== undefined && other !== id)
      throw new Error(`sources.yaml: "${String(key)}" names both ${other} and ${id}`);
    map.set(key, id);
  };
  for (const s of file.sources) {
    claim(names, normaliseSourceName(s.id), s.id);
    for (const n of s.names) claim(names, normaliseSourceName(n), s.id);
    for (const d of s.domains) claim(domains, d, s.id);
  }
  return { names, domains, anonymousHeads: new Set(file.anonymous_heads) };
}

let cached: IncidentRules | null = null;

/** Loads data/incidents/{matching,sides,sources}.yaml once per process (E009 names the line of a mistake). */
export function loadIncidentRules(): IncidentRules {
  cached ??= buildRules(
    loadDataFile('incidents/matching.yaml', MatchingSchema),
    loadDataFile('incidents/sides.yaml', SidesSchema),
    loadDataFile('incidents/sources.yaml', SourcesSchema),
  );
  return cached;
}
