/**
 * Which of the events lexicon's cue regexes the cue gate (cue-gate.ts) guards, each with the cue
 * lists it is built from: a regex is tested on a stretch of a report only where an anchor word of
 * each of its lists stands. A regex added to the lexicon and tested on stretches belongs here.
 */
import { gateIndex, type GateIndex } from './cue-gate.js';
import type { Cues, CuesData } from './lexicon.js';

/** The cue regexes the stage tests on stretches of a report, with the lists each is built from (cue-gate.ts). */
export function cueGateIndex(cues: Omit<Cues, 'gate'>, c: CuesData): GateIndex {
  const m = c.modality;
  const clause = [...c.durative, ...c.continuing, ...c.numbers.cumulative];
  return gateIndex([
    [cues.hypothetical, [[...m.hypothetical, ...m.attempt]]],
    [cues.hypotheticalCrowd, [m.hypothetical]],
    [cues.deal, [m.deal_nouns, m.deal_verbs]],
    [cues.planned, [m.planned]],
    [cues.denied, [m.denied]],
    [cues.claimed, [m.claimed]],
    [cues.unverified, [m.unverified]],
    [cues.unverifiedLc, [m.unverified]],
    [cues.reaction, [c.reaction_verbs]],
    [cues.attributionVerbs, [c.attribution_verbs]],
    [cues.durativeLc, [c.durative]],
    [cues.continuingLc, [c.continuing]],
    [cues.clauseCuesLc, [clause]],
    [cues.pastMarkers, [c.past_markers]],
    [cues.supportBefore, [c.support_before]],
    [cues.claimedAfter, [c.claimed_after]],
    [cues.partisans, [c.partisans]],
    [cues.trendAfter, [c.trend_after]],
    [cues.injured, [c.injured]],
    [cues.accidental, [c.accidental]],
    [cues.performedBefore, [c.performed_before]],
    [cues.happenedAfter, [c.happened_after]],
    [cues.underBefore, [c.under_before]],
  ]);
}
