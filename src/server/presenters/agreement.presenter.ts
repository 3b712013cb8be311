/** The JSON shapes of agreements: a list entry, the whole agreement with its zones as GeoJSON, a check. */
import type { AgreementValidation, CatalogEntry, CompiledAgreement, Zone } from '../../services/agreement.service.js';

export function presentAgreementSummary(e: CatalogEntry) {
  const a = e.agreement.agreement;
  return {
    id: a.id,
    title: a.title,
    summary: a.summary,
    origin: e.origin,
    active: e.active,
    timeZone: a.time_zone,
    effective: a.effective,
    parties: a.parties.map((p) => ({ id: p.id, name: p.name, answerableTo: p.answerable_to ?? null })),
    phases: a.phases.map((p) => ({ id: p.id, name: p.name, gate: p.gate ?? null })),
    terms: a.terms.map((t) => ({ id: t.id, kind: t.kind, title: t.title })),
  };
}

/**
 * A zone as a GeoJSON feature: polygons as they are, routes as their centre line (with `buffer_m`),
 * places as their centre (with `radius_m`), admin areas without geometry (matched by name).
 */
export function zoneFeature(z: Zone) {
  const base = { id: z.id, name: z.name, kind: z.kind, basis: z.basis, placeNames: z.place_names ?? [] };
  switch (z.kind) {
    case 'polygon':
      return { type: 'Feature' as const, id: z.id, geometry: z.geometry, properties: base };
    case 'route':
      return { type: 'Feature' as const, id: z.id, geometry: z.geometry, properties: { ...base, bufferM: z.buffer_m } };
    case 'place':
      return {
        type: 'Feature' as const,
        id: z.id,
        geometry: { type: 'Point' as const, coordinates: z.center },
        properties: { ...base, radiusM: z.radius_m },
      };
    case 'admin':
      return {
        type: 'Feature' as const,
        id: z.id,
        geometry: null,
        properties: { ...base, country: z.country, admin1: z.admin1 ?? [] },
      };
  }
}

export function presentAgreement(e: CatalogEntry) {
  const { zones, ...rest } = e.agreement.agreement;
  return {
    ...presentAgreementSummary(e),
    agreement: rest,
    zones: { type: 'FeatureCollection' as const, features: zones.map(zoneFeature) },
  };
}

export function presentValidation(v: AgreementValidation) {
  const a: CompiledAgreement | null = v.agreement;
  return {
    valid: v.valid,
    agreement: a ? { id: a.agreement.id, title: a.agreement.title, terms: a.agreement.terms.length } : null,
    problems: v.problems,
    examples: {
      total: v.examples.total,
      failed: v.examples.failed.map((f) => ({
        term: f.term_id,
        index: f.index,
        expected: f.expected,
        got: f.got,
        explanation: f.explanation,
      })),
    },
  };
}
