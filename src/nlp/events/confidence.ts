/** How sure the events stage is of a candidate: the trigger's strength, what was found around it, its modality. */
import type { Modality } from '../../core/taxonomy.js';
import type { TriggerRule } from './lexicon.js';
import type { Candidate } from './merge.js';

const MODALITY_WEIGHT: Record<Modality, number> = {
  asserted: 1,
  claimed: 0.9,
  denied: 0.75,
  negated: 0.75,
  planned: 0.8,
  hypothetical: 0.8,
};

/** 0..1, two decimals. */
export function confidenceOf(rule: TriggerRule, c: Omit<Candidate, 'confidence'>, hasActor1: boolean): number {
  const raw =
    0.45 * rule.strength +
    (hasActor1 ? 0.2 : 0) +
    (c.actor2 ? 0.08 : 0) +
    // A gazetteer place is surer than a name the gazetteer lacks, which is surer than the country alone.
    (c.location ? (c.location.kind === 'country' ? 0.03 : c.location.latitude === null ? 0.08 : 0.15) : 0) +
    (c.dateStated ? 0.05 : 0) +
    (c.sourceFromText ? 0.05 : 0);
  return Math.round(Math.min(1, raw * MODALITY_WEIGHT[c.modality]) * 100) / 100;
}
