/**
 * The FRESH training texts of the ACLED notes: the sampled file's texts outside the events task's
 * sample and outside the held-out fifth (split.ts). No eval figure reads them, so rules found on them
 * cannot have been fitted to the eval. Read by fresh.ts and, with `--fresh`, the miss scripts.
 */
import { join } from 'node:path';
import { sampleKey } from '../lib/data.js';
import { ACLED_DIR, ACLED_FILES, loadAcled, loadOldTypes, type GoldText } from './acled.js';
import { heldOut } from './split.js';

export const SLICES = 4;

/** The fresh texts in SLICES fixed slices, ordered by the sampling hash (the same on every machine). */
export function freshSlices(root: string): GoldText[][] {
  const [name, sample] = ACLED_FILES.find(([, n]) => n !== undefined)!;
  const file = loadAcled(join(root, ACLED_DIR, name), loadOldTypes());
  const keyed = file.texts.map((t) => ({ t, key: sampleKey(t.notes) }));
  keyed.sort((a, b) => a.key.localeCompare(b.key));
  const fresh = keyed.slice(sample).filter(({ t }) => !heldOut(t.notes));
  const size = Math.ceil(fresh.length / SLICES);
  return Array.from({ length: SLICES }, (_, i) => fresh.slice(i * size, (i + 1) * size).map(({ t }) => t));
}
