/**
 * "2 soldiers were killed when their tank hit a Taliban-planted IED": the doer named in the act's
 * own noun ("X-planted", "X-laid") is the event's actor1 even when the scan read the sentence from
 * another word (the killing) or another clause. Only events with no perpetrator named (no actor1,
 * or ACLED's default Unidentified Armed Group) take it. Else a group of the event's paragraph that
 * claimed the act or is named as its suspect ("X claimed responsibility", "X is suspected to be
 * behind the attack", "suspected X militants") is its actor1, as ACLED codes it.
 */
import type { Found } from './found.js';
import { setField } from './merge.js';

/** "-planted", "-laid": a hyphenated participle that makes the actor before it the doer. */
const DOER_AFTER = /^-(?:planted|laid|placed|fired|triggered|detonated|made|led)(?![\p{L}])/iu;

/** After a group: it claimed the act, or is named its suspect. */
const CLAIMED =
  /^\s*(?:\([^)]{1,30}\)\s*)?(?:,[^,]{1,40},\s*)?(?:has |have |had )?(?:also )?(?:claimed|claims|accepted|owned) (?:the )?responsibility|^\s*(?:is|are|was|were) (?:widely )?(?:suspected|believed|thought|alleged|said) to (?:be|have been) (?:behind|responsible)|^\s*(?:is|are|was|were) (?:suspected|blamed)(?![\p{L}])/iu;
/** Before a group: it is the suspect ("suspected ULFA militants", "blamed on the TTP"). */
const SUSPECT = /(?:suspected|alleged|blamed on|attributed to)\s+(?:the\s+)?$/iu;
/** Generic roles are no claimant. */
const GENERIC = /^(?:Protesters|Rioters|Civilians|Unidentified|Police Forces|Military Forces|Government)/;

/** The group its paragraph names as the claimant or suspect of candidate `c`'s act, if any. */
export function claimant(found: Found, c: Found['candidates'][number]): string | null {
  const paragraph = found.paragraphs[found.sentences[c.sentenceIndex]!.paragraph];
  if (!paragraph) return null;
  for (const e of found.actors) {
    if (e.start < paragraph.start || e.end > paragraph.end || !e.actor || GENERIC.test(e.actor.name)) continue;
    if (e.actor.name === c.actor2) continue;
    if (CLAIMED.test(found.body.slice(e.end, e.end + 80))) return e.actor.name;
    if (SUSPECT.test(found.body.slice(Math.max(paragraph.start, e.start - 20), e.start))) return e.actor.name;
  }
  return null;
}

export function nameDoers(found: Found): void {
  for (const c of found.candidates) {
    if (c.actor1 !== null && !c.actor1.startsWith('Unidentified Armed Group')) continue;
    const doer = found.actors.find(
      (e) =>
        e.start >= c.start &&
        e.end <= c.end &&
        e.actor !== null &&
        e.actor.name !== c.actor2 &&
        DOER_AFTER.test(found.body.slice(e.end, e.end + 12)),
    );
    const name = doer?.actor?.name ?? claimant(found, c);
    if (name) setField(c, 'actor1', name);
  }
}
