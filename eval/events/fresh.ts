/**
 * `npx tsx eval/events/fresh.ts [--slice N] [--dump FILE] [--show FIELD] [--data PATH]`: the events
 * fields on the FRESH training texts of the ACLED notes, the ones rule work should be found on.
 *
 * The Asia 2015 file holds far more texts than the events task samples; the texts outside that
 * sample and outside the held-out fifth (split.ts) were never scored by the eval, so rules revised
 * on them cannot have been fitted to the eval's figures (the events type model did train on them, so
 * type there is in sample for the model). They are read in four fixed slices (by the sampling hash): find a rule on one slice and keep it only when no slice gets worse.
 * `--dump` writes one line per text (its hash, the fields right, our event) to diff two versions;
 * `--show FIELD` prints the texts where FIELD is wrong, ours beside ACLED's, for reading in a terminal
 * (never copy them into the repository).
 */
import { ClassifyService } from '../../src/services/classify.service.js';
import { sampleKey } from '../lib/data.js';
import { freshSlices } from './fresh-slices.js';
import { predictEvent, publishedFor } from './predict.js';
import { FIELDS, scoreText, type Field, type PredictedEvent } from './score.js';
import { missOptions, writeDump } from './training.js';

const summary = (p: PredictedEvent | null): string =>
  p === null
    ? '(no event)'
    : [
        p.type,
        p.actor1 ?? '-',
        p.actor2 ?? '-',
        p.fatalities ?? 0,
        p.latitude === null ? '-' : `${p.latitude.toFixed(2)},${p.longitude!.toFixed(2)}`,
        p.date ?? '-',
      ].join(' | ');

function main(): void {
  const argv = process.argv.slice(2);
  // missOptions reads and checks --slice (a whole number from 1 to SLICES).
  const { root, show, dump, fresh } = missOptions(argv, 0);
  const only = fresh?.slice ?? null;
  if (show !== null && !(FIELDS as readonly string[]).includes(show))
    throw new Error(`--show must name a field (${FIELDS.join(', ')}), got ${show}`);
  const service = new ClassifyService();
  const lines: string[] = [];
  const header = `${'slice'.padEnd(6)} ${'texts'.padStart(6)} ${'event'.padStart(6)} ${FIELDS.map((f) => f.padStart(10)).join(' ')}`;
  const rows: string[] = [];
  freshSlices(root).forEach((texts, i) => {
    if (only !== null && only !== i + 1) return;
    const right = Object.fromEntries(FIELDS.map((f) => [f, 0])) as Record<Field, number>;
    let found = 0;
    for (const text of texts) {
      const { predicted } = predictEvent(service, text.notes, publishedFor(text.events[0]!.date));
      const s = scoreText(text.events, predicted);
      for (const f of FIELDS) if (s[f]) right[f]++;
      if (predicted) found++;
      lines.push(
        `${i + 1} ${sampleKey(text.notes).slice(0, 12)} ${FIELDS.map((f) => (s[f] ? 1 : 0)).join('')} ${summary(predicted)}`,
      );
      if (show !== null && !s[show as Field]) {
        const g = text.events[0]!;
        console.log(`\n[${i + 1}] ${text.notes}\n  ours:  ${summary(predicted)}`);
        console.log(
          `  ACLED: ${g.types.join('/')} | ${g.actor1} | ${g.actor2 || '-'} | ${g.fatalities} | ${g.location ?? ''} (${g.latitude},${g.longitude}) | ${g.date}`,
        );
      }
    }
    rows.push(
      `${String(i + 1).padEnd(6)} ${String(texts.length).padStart(6)} ${String(found).padStart(6)} ${FIELDS.map((f) => String(right[f]).padStart(10)).join(' ')}`,
    );
  });
  console.log(
    `\nfresh training texts (right counts; held-out fifth and the eval's sample not read)\n${header}\n${rows.join('\n')}`,
  );
  writeDump(dump, lines);
}

main();
