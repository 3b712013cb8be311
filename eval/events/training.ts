/**
 * What the error-analysis scripts (actor-, event- and location-misses.ts) share: their options, and a
 * reading of every TRAINING text of the ACLED notes as the events task reads it (the held-out fifth
 * of split.ts is never read, so rules revised from their output stay out of sample there).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ClassifyService, mainEvent } from '../../src/services/classify.service.js';
import { dataRoot } from '../lib/data.js';
import { ACLED_DIR, ACLED_FILES, loadAcled, loadOldTypes, type AcledFile, type GoldText } from './acled.js';
import { freshSlices, SLICES } from './fresh-slices.js';
import { publishedFor } from './predict.js';
import { heldOut } from './split.js';

export interface MissOptions {
  readonly root: string;
  /** How many of the most frequent names or patterns each class lists. */
  readonly top: number;
  /** `--show CLASS`: also print the training notes of one class (for reading, never for the repository). */
  readonly show: string | null;
  /** `--dump FILE`: one line per training text, to compare two versions of the code. */
  readonly dump: string | null;
  /** `--fresh [--slice N]`: read the fresh training texts (fresh-slices.ts), all or slice N (1-based), instead of the eval's. */
  readonly fresh: { readonly slice: number | null } | null;
}

/** `[--data PATH] [--top N] [--show CLASS] [--dump FILE] [--fresh [--slice N]]`. */
export function missOptions(argv: readonly string[], defaultTop: number): MissOptions {
  const value = (flag: string): string | undefined => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const top = value('--top');
  const slice = value('--slice');
  if (slice !== undefined && !(Number.isInteger(Number(slice)) && Number(slice) >= 1 && Number(slice) <= SLICES))
    throw new Error(`--slice must be a whole number from 1 to ${SLICES}, got ${slice}`);
  return {
    root: dataRoot(value('--data')),
    top: top === undefined ? defaultTop : Number(top),
    show: value('--show') ?? null,
    dump: value('--dump') ?? null,
    fresh:
      argv.includes('--fresh') || slice !== undefined ? { slice: slice === undefined ? null : Number(slice) } : null,
  };
}

export interface TrainingReading {
  readonly file: AcledFile;
  readonly text: GoldText;
  /** 1-based count of the training texts read so far. */
  readonly n: number;
  /** Null when a stage threw (counted as no event, as in the events task). */
  readonly doc: ReturnType<ClassifyService['read']> | null;
  readonly event: ReturnType<typeof mainEvent>;
}

/**
 * Reads every training text of the eval's files (or, with `fresh`, the fresh training texts of
 * fresh-slices.ts) with the events task's publication date and main event; returns how many.
 */
export function readTrainingTexts(
  root: string,
  visit: (reading: TrainingReading) => void,
  fresh: MissOptions['fresh'] = null,
): number {
  const files = fresh === null ? evalTrainingFiles(root) : freshFiles(root, fresh.slice);
  const service = new ClassifyService();
  let n = 0;
  for (const file of files) {
    for (const text of file.texts) {
      n++;
      let doc: TrainingReading['doc'] = null;
      let event: TrainingReading['event'] = null;
      try {
        doc = service.read(text.notes, publishedFor(text.events[0]!.date));
        event = mainEvent(doc);
      } catch {
        // A stage that throws counts as no event, as in the events task.
      }
      visit({ file, text, n, doc, event });
    }
  }
  return n;
}

/** The eval's files with the held-out fifth taken out. */
function evalTrainingFiles(root: string): AcledFile[] {
  const oldTypes = loadOldTypes();
  return ACLED_FILES.map(([f, sample]) => {
    const file = loadAcled(join(root, ACLED_DIR, f), oldTypes, sample);
    return { ...file, texts: file.texts.filter((t) => !heldOut(t.notes)) };
  });
}

/** The fresh slices (all, or the 1-based `slice`), one pseudo-file each. */
function freshFiles(root: string, slice: number | null): AcledFile[] {
  return freshSlices(root)
    .map((texts, i) => ({ name: `fresh-slice-${i + 1}.csv`, modern: false, texts, total: texts.length }))
    .filter((_, i) => slice === null || slice === i + 1);
}

/** Writes the `--dump` lines, when asked for. */
export function writeDump(path: string | null, lines: readonly string[]): void {
  if (path !== null) writeFileSync(path, `${lines.join('\n')}\n`);
}

/** Misses counted by kind, and each kind's (ours -> ACLED) pairs, printed most frequent first. */
export class MissTally {
  readonly #counts = new Map<string, number>();
  readonly #pairs = new Map<string, Map<string, number>>();

  add(kind: string, pair: string): void {
    this.#counts.set(kind, (this.#counts.get(kind) ?? 0) + 1);
    const m = this.#pairs.get(kind) ?? this.#pairs.set(kind, new Map()).get(kind)!;
    m.set(pair, (m.get(pair) ?? 0) + 1);
  }

  /** The kinds' counts and shares (kind names padded to `width`), then each miss kind's top pairs. */
  print(field: string, trained: number, top: number, width: number): void {
    console.log(`${field} on the ${trained} training texts (held-out fifth not read)`);
    const sorted = [...this.#counts].sort((a, b) => b[1] - a[1]);
    for (const [kind, c] of sorted)
      console.log(`  ${kind.padEnd(width)} ${String(c).padStart(5)}  ${(c / trained).toFixed(3)}`);
    for (const [kind] of sorted) {
      if (kind === 'right') continue;
      console.log(`\n${kind}: most frequent (ours -> ACLED)`);
      const list = [...this.#pairs.get(kind)!].sort((a, b) => b[1] - a[1]).slice(0, top);
      for (const [pair, c] of list) console.log(`  ${String(c).padStart(4)}  ${pair}`);
    }
  }
}
