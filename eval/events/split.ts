/**
 * The fixed train / held-out split of the ACLED notes (ADR 0010). acled-notes has no split of its
 * own, so one is drawn from a hash of each distinct notes text: about one text in five is held out.
 * The events model is trained on the rest only (`npm run train:events`), and the eval reports the
 * held-out texts apart, so the model's figures there are out of sample. Never change the salt or
 * the modulus: the committed weights were trained on the texts this function calls "train".
 */
import { createHash } from 'node:crypto';

const SALT = 'truce-events-split-v1:';

/** True for the held-out fifth (out of sample for the events model). */
export function heldOut(notes: string): boolean {
  const h = createHash('sha256')
    .update(SALT + notes)
    .digest();
  return h.readUInt32BE(0) % 5 === 0;
}
