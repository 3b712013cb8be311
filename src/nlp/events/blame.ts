/**
 * Attribution by one side: "The military blamed the Taliban." names the perpetrator of an event
 * told just before without one. A side's attribution is a claim, not a fact, so the event keeps
 * its place, date and toll but becomes `claimed`, with the accused as actor1 and the accuser as
 * source (a monitor filters claims out of what it counts as established).
 */
import type { Entity, Sentence } from '../../core/document.js';
import type { Cues } from './lexicon.js';
import type { Candidate } from './merge.js';

/** No perpetrator named: no actor1, or ACLED's "Unidentified Armed Group" given by default. */
const unattributed = (c: Candidate): boolean => c.actor1 === null || c.actor1.startsWith('Unidentified Armed Group');

/** How many sentences back an accusation can reach for its event. */
const REACH = 2;

export function applyBlame(
  body: string,
  lower: string,
  sentences: readonly Sentence[],
  candidates: Candidate[],
  actors: readonly Entity[],
  entities: readonly Entity[],
  cues: Cues,
): string[] {
  const warnings: string[] = [];
  const re = cues.blameAll;
  const sentenceSet = new Set(candidates.map((c) => c.sentenceIndex));
  // Only sentences that can reach an unattributed asserted event are read.
  const reach = new Set<number>();
  for (const c of candidates)
    if (unattributed(c) && c.modality === 'asserted') for (let k = 0; k <= REACH; k++) reach.add(c.sentenceIndex + k);
  for (const si of [...reach].sort((a, b) => a - b)) {
    const s = sentences[si];
    if (!s) continue;
    re.lastIndex = 0;
    const m = re.exec(lower.slice(s.start, s.end));
    if (!m) continue;
    const verbStart = s.start + m.index;
    const verbEnd = verbStart + m[0].length;
    // "accused X of shelling Donetsk" carries its own (claimed) event.
    if (sentenceSet.has(si) && candidates.some((c) => c.sentenceIndex === si && c.trigger.start > verbStart)) continue;
    const accused = actors.find((e) => e.start >= verbEnd && e.start - verbEnd <= 12 && e.end <= s.end);
    if (!accused?.actor) continue;
    const accuser =
      entities.filter((e) => e.end <= verbStart && e.start >= s.start).pop()?.canonical ??
      /([\p{L}][\p{L} .'’-]{2,40}?)\s*$/u.exec(body.slice(s.start, verbStart))?.[1]?.trim() ??
      null;
    for (let k = candidates.length - 1; k >= 0; k--) {
      const c = candidates[k]!;
      if (c.sentenceIndex > si || c.sentenceIndex < si - REACH) continue;
      if (c.sentenceIndex === si && c.trigger.start > verbStart) continue;
      if (!unattributed(c) || c.modality !== 'asserted') continue;
      candidates[k] = {
        ...c,
        actor1: accused.actor.name,
        modality: 'claimed',
        source: accuser ?? c.source,
        sourceFromText: true,
        confidence: Math.round(c.confidence * 0.9 * 100) / 100,
      };
      warnings.push(
        `W702 Perpetrator of "${c.trigger.text}" named only by ${accuser ?? 'one side'} (${accused.actor.name}): recorded as a claim`,
      );
      break;
    }
  }
  return warnings;
}
