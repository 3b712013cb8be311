/**
 * `npx tsx eval/events/event-misses.ts [fatalities|type] [--data PATH] [--top N] [--show KIND] [--dump FILE]
 * [--fresh [--slice N]]`:
 * what kind of fatalities or event-type misses dominate, on the TRAINING texts of the ACLED notes only
 * (split.ts: the held-out fifth is never read here, so rules revised from this output stay out of
 * sample there).
 *
 * Fatalities (our main event's toll against the rows ACLED coded from the text; null = 0): right; no
 * event; none found (ACLED > 0, ours 0); spurious (ACLED 0, ours > 0); too low; too high. Type: right;
 * no event; wrong (with the most frequent ours -> ACLED type pairs). `--show KIND` prints the training
 * notes of one kind for reading (never for the repository).
 */
import type { GoldEvent } from './score.js';
import { MissTally, missOptions, readTrainingTexts, writeDump } from './training.js';

export type FatalityMiss = 'right' | 'no event' | 'none found' | 'spurious' | 'too low' | 'too high';

/** The category of one text's toll (ours, null = no event) against ACLED's rows. */
export function classifyFatalities(ours: number | null | undefined, golds: readonly GoldEvent[]): FatalityMiss {
  if (ours === undefined) return 'no event';
  const n = ours ?? 0;
  const tolls = golds.map((g) => g.fatalities);
  if (tolls.includes(n)) return 'right';
  if (n === 0) return 'none found';
  if (tolls.every((t) => t === 0)) return 'spurious';
  return n < Math.max(...tolls) ? 'too low' : 'too high';
}

function main(): void {
  const argv = process.argv.slice(2);
  const field = argv.includes('type') ? 'type' : 'fatalities';
  const { root, top, show, dump: dumpTo, fresh } = missOptions(argv, 15);
  const dump: string[] = [];
  const tally = new MissTally();
  const trained = readTrainingTexts(
    root,
    ({ text, n, event: e }) => {
      let kind: string;
      let pair: string;
      if (field === 'fatalities') {
        kind = classifyFatalities(e ? e.fatalities : undefined, text.events);
        pair = `${e?.fatalities ?? (e ? 0 : '-')} -> ${[...new Set(text.events.map((g) => g.fatalities))].join('/')}`;
      } else {
        const golds = [...new Set(text.events.flatMap((g) => g.types))];
        kind = !e ? 'no event' : golds.includes(e.eventType) ? 'right' : 'wrong';
        pair = `${e?.eventType ?? '(none)'} -> ${golds.join(' | ')}`;
      }
      tally.add(kind, pair);
      if (kind === show) console.log(`[${pair}] {${e?.eventType ?? ''} / ${e?.subEventType ?? ''}} ${text.notes}\n`);
      if (dumpTo !== null) dump.push(`${n}\t${kind}\t${pair}`);
    },
    fresh,
  );
  writeDump(dumpTo, dump);
  tally.print(field, trained, top, 12);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
