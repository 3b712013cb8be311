/** The incident layer: which events are one incident, and how well it is sourced. Imports core only. */
export { clusterEvents, eligible, type Cluster } from './cluster.js';
export { daysOverlap, eventDays, opposed, sideOf, type DaySpan, type IncidentEvent } from './event.js';
export {
  fatalityRange,
  gradeIncident,
  summariseIncident,
  type ComputedGrade,
  type IncidentSummary,
  type Verdict,
} from './grade.js';
export { compareEvents, distanceKm, placeMismatch, typesCompatible, type Comparison } from './match.js';
export { independentSources, maxIndependent, provenanceKeys } from './independence.js';
export {
  buildRules,
  loadIncidentRules,
  MatchingSchema,
  SidesSchema,
  SourcesSchema,
  type IncidentRules,
  type SourceIdentities,
} from './rules.js';
export { normaliseSourceName, sourceId, splitSources } from './source-name.js';
