/**
 * "2 soldiers were killed when their tank hit a Taliban-planted IED": the doer named in the act's
 * own noun ("X-planted", "X-laid") is the event's actor1 even when the scan read the sentence from
 * another word (the killing) or another clause. Only events with no perpetrator named (no actor1,
 * or ACLED's default Unidentified Armed Group) take it.
 */
import type { Found } from './found.js';
import { setField } from './merge.js';

/** "-planted", "-laid": a hyphenated participle that makes the actor before it the doer. */
const DOER_AFTER = /^-(?:planted|laid|placed|fired|triggered|detonated|made|led)(?![\p{L}])/iu;

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
    if (doer?.actor) setField(c, 'actor1', doer.actor.name);
  }
}
